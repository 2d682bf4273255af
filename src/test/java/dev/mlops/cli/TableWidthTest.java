package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mlops.report.Layout;
import dev.mlops.report.TextTable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tables fit a terminal's width, leaving out the least important columns and saying which; piped
 * output keeps the fixed width of 80 and every column (a wide table is cut into blocks).
 */
class TableWidthTest {
    private static Env terminal(int width) {
        Env base = Cli.env();
        return new Env(base.fs(), base.cwd(), Map.of("MLOPS_REGISTRY", "examples/registry.yaml"),
                new ByteArrayInputStream(new byte[0]), new Terminal(true, true, true, width), base.clock(), base.http());
    }

    private static int widest(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    @Test
    void aTableLosesItsBarsThenItsRightmostColumns_neverItsKeyOrVerdict() {
        TextTable t = new TextTable("t", List.of("model", "requests", "mean", "p50", "p99", "", "verdict"));
        t.row(List.of("support-bot-v12", "1,234,567", "1,234.5", "1,000.2", "9,999.9", "████████", "MISSED"));
        String fitted = Layout.with(new Layout(48, true), t::text);
        assertTrue(widest(fitted) <= 48, fitted);
        assertTrue(fitted.contains("support-bot-v12") && fitted.contains("MISSED"), fitted);
        assertFalse(fitted.contains("█"), "the drawn bar goes first");
        assertTrue(fitted.contains("(left out to fit 48 columns: p50, p99;"), fitted);
        assertTrue(widest(fitted) <= 48, "the footnote too: " + fitted);
        assertTrue(fitted.contains("mean"), "only as many as needed: " + fitted);
        String wide = Layout.with(new Layout(200, true), t::text);
        assertFalse(wide.contains("left out"), "a table that fits keeps every column");
        String piped = t.text();
        assertTrue(piped.contains("p99") && piped.contains("█"), "piped output keeps every column");
    }

    @Test
    void analyzeOnANarrowTerminal_fitsAndSaysWhatItLeftOut() {
        Cli.Result narrow = Cli.run(terminal(60), "analyze", "examples/logs.jsonl", "--color", "never");
        assertEquals(0, narrow.exit(), narrow.err());
        for (String line : narrow.out().lines().toList()) {
            assertTrue(line.length() <= 60, "wider than 60: " + line);
        }
        assertTrue(narrow.out().contains("(left out to fit 60 columns:"), narrow.out());
        assertTrue(narrow.out().contains("█"), "the histograms are drawn, narrower");
        assertTrue(narrow.out().contains("MISSED"), "the SLO verdict stays");
        Cli.Result piped = Cli.run(Cli.env(), "analyze", "examples/logs.jsonl", "--registry", "examples/registry.yaml");
        assertFalse(piped.out().contains("left out"), "piped: nothing is left out");
        assertTrue(widest(piped.out()) <= TextTable.WIDTH, "piped: 80 columns");
        Cli.Result file = Cli.run(terminal(60), "analyze", "examples/logs.jsonl", "--format", "table", "-o", "-");
        assertTrue(file.out().contains("left out"), "-o - is still the terminal");
    }

    /** The real program in tmux at 70 columns: jline reads the width, the tables fit it. */
    @Test
    void inATerminalForReal() throws Exception {
        assumeTrue(new ProcessBuilder("tmux", "-V").start().waitFor() == 0, "skipped: tmux is not installed");
        String session = "mlops-width-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = String.join(" ", "cd", Path.of("").toAbsolutePath().toString(), "&&", "unset COLUMNS;", java,
                "-cp", System.getProperty("java.class.path"), "dev.mlops.Main", "analyze", "examples/logs.jsonl",
                "--registry", "examples/registry.yaml", "2>/dev/null", "; echo done-now; sleep 60");
        JudgeCommandTest.tmux("new-session", "-d", "-s", session, "-x", "70", "-y", "200", cmd);
        try {
            JudgeCommandTest.waitFor(session, "done-now");
            Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-S", "-200", "-t", session).start();
            String pane = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertTrue(pane.contains("(left out to fit 70 columns:"), "fitted to the pane's width:\n" + pane);
        } finally {
            new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
        }
    }
}
