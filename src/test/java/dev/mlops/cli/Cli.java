package dev.mlops.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Runs mlops in-process, as picocli's testing guide suggests, and captures what it prints. */
final class Cli {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Env env() {
        FileSystem fs = FileSystems.getDefault();
        return new Env(fs, fs.getPath("").toAbsolutePath(), Map.of(), InputStream.nullInputStream(), false);
    }

    static Env env(Path cwd) {
        return new Env(cwd.getFileSystem(), cwd, Map.of(), InputStream.nullInputStream(), false);
    }

    static Env withStdin(Env e, byte[] stdin) {
        return new Env(e.fs(), e.cwd(), e.vars(), new ByteArrayInputStream(stdin), e.terminal(), e.clock(), e.http());
    }

    static Env withVars(Env e, Map<String, String> vars) {
        return new Env(e.fs(), e.cwd(), vars, e.stdin(), e.terminal(), e.clock(), e.http());
    }

    static Result run(Env env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Mlops.run(env, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }

    static Result run(String... args) {
        return run(env(), args);
    }

    /** {@code mlops analyze ARGS --format json}, which must exit 0, parsed. */
    static com.fasterxml.jackson.databind.JsonNode analyzeJson(String... args) throws java.io.IOException {
        String[] all = java.util.Arrays.copyOf(new String[] {"analyze"}, args.length + 3);
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--format";
        all[args.length + 2] = "json";
        Result r = run(all);
        org.junit.jupiter.api.Assertions.assertEquals(0, r.exit(), r.toString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    }

    /** Writes content to f and runs {@code mlops analyze f ARGS}. */
    static Result analyzeWritten(java.nio.file.Path f, String content, String... args) throws java.io.IOException {
        java.nio.file.Files.writeString(f, content);
        String[] all = new String[args.length + 2];
        all[0] = "analyze";
        all[1] = f.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    /** The sum of a report distribution's values: mean × count (exact for the small integer sums of the tests). */
    static double sum(com.fasterxml.jackson.databind.JsonNode summary) {
        long n = summary.get("count").asLong();
        return n == 0 ? 0 : summary.get("mean").asDouble() * n;
    }
}
