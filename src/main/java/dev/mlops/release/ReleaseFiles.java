package dev.mlops.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a command reads release-state files: from the disk, or as they were before a pending
 * change, so that read-only commands never finish (or half-see) a change that is not theirs.
 */
@FunctionalInterface
public interface ReleaseFiles {
    /** The content of a release-state file; empty when it does not exist. */
    Optional<String> read(Path p) throws IOException;

    static ReleaseFiles disk() {
        return p -> {
            try {
                return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        };
    }

    /** The files as they were before the journaled change. */
    static ReleaseFiles before(Journal j) {
        ReleaseFiles disk = disk();
        return p -> {
            Optional<String> b = j.before(p);
            return b != null ? b : disk.read(p);
        };
    }
}
