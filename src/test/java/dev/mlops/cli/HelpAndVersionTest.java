package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {
    @Test
    void shouldPrintTheVersion() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("mlops 0.1.0\n"), r.out());
    }

    @Test
    void shouldPrintHelp_listingCommandsAndExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("analyze"), r.out());
        assertTrue(r.out().contains("registry"), r.out());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains(" 70"), r.out());
    }

    @Test
    void shouldPrintHelpForACommand_withoutPicocliFormatWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        Cli.Result r;
        try {
            System.setErr(new java.io.PrintStream(captured, true));
            r = Cli.run("help", "analyze");
        } finally {
            System.setErr(saved);
        }
        assertEquals("", captured.toString(), "picocli warned about a description");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: mlops analyze"), r.out());
        assertTrue(r.out().contains("--exact-limit"), r.out());
    }

    @Test
    void shouldExitTwo_forNoCommandOrAnUnknownOne() {
        Cli.Result none = Cli.run();
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("mlops: missing command"), none.err());
        assertEquals(2, Cli.run("frobnicate").exit());
    }
}
