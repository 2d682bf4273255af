package dev.mlops.cli;

import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may see of the world: a file system and working directory (jimfs in tests),
 * environment variables, standard input, and whether stdout is a terminal.
 */
public record Env(FileSystem fs, Path cwd, Map<String, String> vars, InputStream stdin, boolean terminal) {
    public Env {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(cwd, "cwd");
        vars = Map.copyOf(vars);
        Objects.requireNonNull(stdin, "stdin");
    }

    public static Env system() {
        FileSystem fs = FileSystems.getDefault();
        return new Env(fs, fs.getPath("").toAbsolutePath(), System.getenv(), System.in, System.console() != null);
    }

    public Path path(String s) {
        return cwd.resolve(s);
    }

    /** A path as the user would name it: relative to the working directory when inside it. */
    public String display(Path p) {
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** Colour only on a terminal, and never when NO_COLOR is set. */
    public boolean colour() {
        return terminal && !vars.containsKey("NO_COLOR");
    }
}
