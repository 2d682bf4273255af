package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress on stderr: its line, its clearing, and when it is shown at all. */
class ProgressTest {
    @Test
    void theLineSaysBytesOfTheTotal_theRate_andTheTimeLeft() {
        assertEquals("reading 500.0 MB of 2.00 GB (25%), 250 MB/s, 6 s left", ProgressLine.line(500_000_000L,
                2_000_000_000L, 2.0));
        assertEquals("reading 0.0 MB of 1.0 MB (0%), 0 MB/s", ProgressLine.line(0, 1_000_000, 0));
    }

    /** Drawn by a 100 ms timer while reading, and wiped when reading is over. */
    @Test
    void itIsRedrawnOnOneLine_andClearedAtTheEnd() throws InterruptedException {
        StringWriter s = new StringWriter();
        long[] now = {0};
        ProgressLine p = new ProgressLine(new PrintWriter(s), () -> now[0]);
        p.start(4_000_000);
        p.advance(1_000_000);
        now[0] = 1_000_000_000L;
        Thread.sleep(350);
        p.done();
        String out = s.toString();
        assertTrue(out.startsWith("\rreading 1.0 MB of 4.0 MB (25%), 1 MB/s, 3 s left"), out);
        String last = "reading 1.0 MB of 4.0 MB (25%), 1 MB/s, 3 s left";
        assertTrue(out.endsWith("\r" + " ".repeat(last.length()) + "\r"), "the line is wiped: [" + out + "]");
        assertFalse(out.contains("\n"), "never a new line");
    }

    /** A command that reads twice (abtest with --pre, select) starts each run from nothing. */
    @Test
    void aSecondRunStartsFromNothing() throws InterruptedException {
        StringWriter s = new StringWriter();
        long[] now = {0};
        ProgressLine p = new ProgressLine(new PrintWriter(s), () -> now[0]);
        p.start(4_000_000);
        p.advance(4_000_000);
        p.done();
        p.start(4_000_000);
        p.advance(1_000_000);
        now[0] = 1_000_000_000L;
        Thread.sleep(350);
        p.done();
        assertTrue(s.toString().contains("reading 1.0 MB of 4.0 MB (25%)"), s.toString());
        assertFalse(s.toString().contains("(125%)"), s.toString());
    }

    @Test
    void nothingForAnUnknownTotal() {
        StringWriter s = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(s), System::nanoTime);
        p.start(0);
        p.advance(10);
        p.done();
        assertEquals("", s.toString());
    }

    private static Env env(boolean stderrTerminal, Map<String, String> vars) {
        Env base = Cli.env();
        return new Env(base.fs(), base.cwd(), new HashMap<>(vars), new java.io.ByteArrayInputStream(new byte[0]),
                new Terminal(false, stderrTerminal, false, 80), base.clock(), base.http());
    }

    @Test
    void shownOnlyOnATerminalsStderr_neverInCi_andProgressOverrides() {
        InputOptions o = new InputOptions();
        o.progress = "auto";
        assertTrue(o.showProgress(env(true, Map.of())));
        assertFalse(o.showProgress(env(true, Map.of("CI", "true"))), "not in CI");
        assertFalse(o.showProgress(env(false, Map.of())), "not into a pipe or a file");
        o.progress = "always";
        assertTrue(o.showProgress(env(false, Map.of("CI", "1"))));
        o.progress = "never";
        assertFalse(o.showProgress(env(true, Map.of())));
        Cli.Result bad = Cli.run("analyze", "examples/logs.jsonl", "--progress", "sometimes");
        assertEquals(2, bad.exit(), bad.toString());
        Cli.Result piped = Cli.run("analyze", "examples/logs.jsonl");
        assertFalse(piped.err().contains("\r"), "a pipe gets no progress: " + piped.err());
    }
}
