package dev.mlops.cli;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a command may see of the world: a file system and working directory (jimfs in tests),
 * environment variables, standard input, the terminal, a clock (fixed in tests, so that manifests
 * and history entries are the same bytes), and an HTTP client (pointed at a local server in tests).
 */
public record Env(FileSystem fs, Path cwd, Map<String, String> vars, InputStream stdin, Terminal terminal, Clock clock,
                  Supplier<HttpClient> http) {
    public Env {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(cwd, "cwd");
        vars = Map.copyOf(vars);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(http, "http");
    }

    /** An environment with the system clock and HTTP client, on a terminal or not. */
    public Env(FileSystem fs, Path cwd, Map<String, String> vars, InputStream stdin, boolean terminal) {
        this(fs, cwd, vars, stdin, terminal ? new Terminal(true, true, true, Terminal.PIPED_WIDTH) : Terminal.none(),
                Clock.systemUTC(), Env::defaultHttp);
    }

    public static Env system() {
        FileSystem fs = FileSystems.getDefault();
        Map<String, String> vars = System.getenv();
        return new Env(fs, fs.getPath("").toAbsolutePath(), vars, System.in, Terminal.system(vars), Clock.systemUTC(),
                Env::defaultHttp);
    }

    /** The JDK's client: connect within 5 s, follow no redirect to another scheme. */
    static HttpClient defaultHttp() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Env withClock(Clock c) {
        return new Env(fs, cwd, vars, stdin, terminal, c, http);
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
        return terminal.stdout() && !vars.containsKey("NO_COLOR");
    }
}
