package dev.mlops.logs;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/** A log to read: a file, or standard input (named "-"). */
public record LogInput(String name, Path path, InputStream stdin) {
    public LogInput {
        Objects.requireNonNull(name, "name");
        if ((path == null) == (stdin == null)) {
            throw new IllegalArgumentException("a log input is a path or stdin");
        }
    }

    public static LogInput file(Path path) {
        return new LogInput(path.toString(), path, null);
    }

    public static LogInput stdin(InputStream in) {
        return new LogInput("-", null, in);
    }
}
