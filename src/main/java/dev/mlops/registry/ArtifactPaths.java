package dev.mlops.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves artifact paths against the registry's directory and refuses any that escape it:
 * an absolute path, {@code ..} past the top, or a symbolic link whose target lies outside.
 */
public final class ArtifactPaths {
    private ArtifactPaths() {
    }

    /** The directory the registry's paths are relative to. */
    public static Path root(Registry r) {
        Path parent = r.file().toAbsolutePath().getParent();
        return parent == null ? r.file().toAbsolutePath().getRoot() : parent;
    }

    /**
     * @param where the field that names the path, for messages ("v12 adapter")
     * @throws RegistryException when the path escapes the registry directory
     */
    public static Path resolve(Path root, String relative, String where) {
        if (relative == null || relative.isBlank()) {
            throw new RegistryException(where + ": no path");
        }
        try {
            Path p = dev.mlops.io.SafePaths.resolve(root, relative);
            checkLinks(root, p, relative, where);
            return p;
        } catch (dev.mlops.io.SafePaths.EscapeException e) {
            String shown = Names.safe(relative);
            throw new RegistryException(where + ": path " + shown + " " + e.getMessage()
                    + (e.getMessage().equals("is absolute") ? "; artifact paths must be relative to the registry file" : ""));
        }
    }

    /** A path that mlops builds from names (manifests, listings) must stay under the registry directory too. */
    public static Path built(Path root, Path p) {
        try {
            return dev.mlops.io.SafePaths.requireInside(root, p);
        } catch (dev.mlops.io.SafePaths.EscapeException e) {
            throw new RegistryException(p.getFileName() + ": a path built from a registry name " + e.getMessage());
        }
    }

    /** Every existing component and, for a directory, every entry must stay inside the root once links are followed. */
    static void checkLinks(Path root, Path p, String relative, String where) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Path realRoot = root.toRealPath();
            if (!Files.exists(p)) {
                throw new RegistryException(where + ": path " + relative + " is a broken symbolic link");
            }
            if (!p.toRealPath().startsWith(realRoot)) {
                throw new RegistryException(where + ": path " + relative
                        + " is a symbolic link that leads outside the registry directory");
            }
        } catch (IOException e) {
            throw new RegistryException(where + ": path " + relative + ": " + e.getMessage());
        }
    }
}
