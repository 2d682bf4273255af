package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts in colour: only in a table on a terminal's stdout, never with NO_COLOR, and --color to override. */
class ColourTest {
    private static final String RED_MISSED = "\033[31mMISSED\033[0m";
    private static final String GREEN_MET = "\033[32mmet\033[0m";

    @TempDir
    Path dir;

    private static Env env(boolean terminal, Map<String, String> vars) {
        Map<String, String> all = new HashMap<>(vars);
        all.put("MLOPS_REGISTRY", "examples/registry.yaml");
        Env base = Cli.env();
        return new Env(base.fs(), base.cwd(), all, new java.io.ByteArrayInputStream(new byte[0]),
                terminal ? new Terminal(true, true, true, 100) : Terminal.none(), base.clock(), base.http());
    }

    @Test
    void onATerminalTheVerdictsAreColoured_andNothingElse() {
        Cli.Result r = Cli.run(env(true, Map.of()), "analyze", "examples/logs.jsonl");
        assertTrue(r.out().contains(RED_MISSED) && r.out().contains(GREEN_MET), r.out());
        String plain = r.out().replaceAll("\033\\[[0-9;]*m", "");
        assertEquals(Cli.run(env(true, Map.of()), "analyze", "examples/logs.jsonl", "--color", "never").out(), plain,
                "the same table, only the verdicts coloured");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\033\\[3[0-9]m([^\033]*)\033\\[0m").matcher(r.out());
        java.util.List<String> coloured = new java.util.ArrayList<>();
        while (m.find()) {
            coloured.add(m.group(1));
        }
        assertTrue(!coloured.isEmpty() && coloured.stream().allMatch(w -> w.equals("MISSED") || w.equals("met")),
                "only the SLO verdicts: " + coloured);
    }

    @Test
    void neverWithNoColourOrAPipe_andColorOverrides() {
        assertFalse(Cli.run(env(true, Map.of("NO_COLOR", "1")), "analyze", "examples/logs.jsonl").out().contains("\033["));
        assertFalse(Cli.run(env(false, Map.of()), "analyze", "examples/logs.jsonl").out().contains("\033["));
        assertFalse(Cli.run(env(true, Map.of()), "analyze", "examples/logs.jsonl", "--color", "never").out().contains("\033["));
        assertTrue(Cli.run(env(false, Map.of()), "analyze", "examples/logs.jsonl", "--color", "always").out()
                .contains(RED_MISSED));
        assertFalse(Cli.run(env(true, Map.of()), "analyze", "examples/logs.jsonl", "--format", "json").out().contains("\033["),
                "JSON is never coloured");
        assertEquals(2, Cli.run(env(true, Map.of()), "analyze", "examples/logs.jsonl", "--color", "sometimes").exit());
    }

    @Test
    void aFileIsNeverColoured() throws Exception {
        Path out = dir.resolve("report.txt");
        Cli.Result r = Cli.run(env(true, Map.of()), "analyze", "examples/logs.jsonl", "--color", "always", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertFalse(Files.readString(out, StandardCharsets.UTF_8).contains("\033["));
    }

    /** The real program in tmux: its stdout is a terminal, so the verdicts are red and green. */
    @Test
    void inATerminalForReal() throws Exception {
        assumeTrue(new ProcessBuilder("tmux", "-V").start().waitFor() == 0, "skipped: tmux is not installed");
        String session = "mlops-colour-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = String.join(" ", "cd", Path.of("").toAbsolutePath().toString(), "&&", java, "-cp",
                System.getProperty("java.class.path"), "dev.mlops.Main", "analyze", "examples/logs.jsonl",
                "--registry", "examples/registry.yaml", "2>/dev/null", "; echo done-now; sleep 60");
        JudgeCommandTest.tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "50", cmd);
        try {
            JudgeCommandTest.waitFor(session, "done-now");
            Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-e", "-t", session).start();
            String pane = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertTrue(pane.contains("\033[31mMISSED"), "red in a real terminal:\n" + pane);
        } finally {
            new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
        }
    }
}
