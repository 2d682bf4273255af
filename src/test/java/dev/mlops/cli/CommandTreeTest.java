package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run builds only the command it names; help, a typo and the docs see them all. */
class CommandTreeTest {
    @Test
    void aRunBuildsOnlyItsCommand() {
        assertEquals(Set.of("analyze"), Mlops.commandLine(Cli.env(), "analyze").getSubcommands().keySet());
        assertEquals(Set.of("plan", "assign"), Mlops.commandLine(Cli.env(), "abtest").getSubcommands().get("abtest")
                .getSubcommands().keySet(), "with its own subcommands");
        assertEquals(MlopsCommand.SUBCOMMANDS.size(), Mlops.commandLine(Cli.env()).getSubcommands().size());
        assertEquals(MlopsCommand.SUBCOMMANDS.size(), Mlops.commandLine(Cli.env(), "--help").getSubcommands().size());
    }

    @Test
    void helpAndTyposStillSeeEveryCommand() {
        Cli.Result typo = Cli.run("analyse", "examples/logs.jsonl");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("did you mean analyze"), typo.err());
        Cli.Result help = Cli.run("help", "playground");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("--list-models"), help.out());
        Cli.Result all = Cli.run("--help");
        assertTrue(all.out().contains("playground") && all.out().contains("rollback"), all.out());
    }
}
