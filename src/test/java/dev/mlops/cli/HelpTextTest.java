package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders without a picocli warning, by "mlops help A B" and by "mlops A B --help". */
class HelpTextTest {
    private static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(Mlops.commandLine(Cli.env()), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            walk(e.getValue(), p, out);
        }
    }

    @Test
    void shouldRenderEveryHelp_withNothingOnStderr() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            List<List<String>> all = commands();
            assertTrue(all.size() >= 16, all.toString());
            for (List<String> c : all) {
                List<String> viaHelp = new ArrayList<>(List.of("help"));
                viaHelp.addAll(c);
                Cli.Result a = Cli.run(viaHelp.toArray(new String[0]));
                assertEquals(0, a.exit(), c + ": " + a);
                assertTrue(a.out().startsWith("Usage: mlops " + String.join(" ", c)), c + ": " + a.out());
                assertEquals("", a.err(), c.toString());
                if (!c.get(0).equals("help")) {
                    List<String> viaOption = new ArrayList<>(c);
                    viaOption.add("--help");
                    Cli.Result b = Cli.run(viaOption.toArray(new String[0]));
                    assertEquals(0, b.exit(), c + " --help: " + b);
                    assertEquals(a.out(), b.out(), c.toString());
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "no [picocli WARN]");
    }

    @Test
    void shouldPrintAUsageErrorAsOneLine_andWhereToReadMore() {
        Cli.Result r = Cli.run("registry", "freeze", "v12", "--bogus");
        assertEquals(2, r.exit());
        assertEquals(List.of("mlops: Unknown option: '--bogus'", "mlops: see 'mlops help registry freeze'"),
                r.err().lines().toList());
        assertEquals("", r.out());
    }

    /** The key lists are generated when help is shown (not at every start): help prints them, never the marker. */
    @Test
    void helpPrintsTheGeneratedKeyLists() {
        Cli.Result r = Cli.run("help", "analyze");
        assertEquals(0, r.exit(), r.toString());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("tool_version (the mlops version)")
                && flat.contains("latency_ms, ttft_ms, input_tokens, output_tokens, output_tokens_per_s:"), r.out());
        assertFalse(r.out().contains("@keys"), r.out());
    }
}
