package dev.mlops.cli;

import dev.mlops.logs.JsonLines;
import dev.mlops.preference.JudgeSession;
import dev.mlops.preference.Pair;
import dev.mlops.preference.VoteLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops judge}: a person picks the better of two responses, in the terminal. */
@Command(name = "judge", sortOptions = false, subcommands = JudgePairsCommand.class,
        description = {"Shows the pairs of PAIRS.jsonl one at a time, the prompt on top and the two responses side by "
                + "side (stacked below 120 columns), their sides randomised per item; keys 1 (left better), 2 (right), "
                + "t (tie), b (both bad), s (skip), u (undo), ? (help), q (quit). Each vote is appended to VOTES and "
                + "flushed at once; running again with the same -o resumes. mlops compare reads the votes."})
final class JudgeCommand extends PlainCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PAIRS", description = "JSONL: id, prompt, model_a, response_a, model_b, "
            + "response_b, and optionally segment.")
    Path pairs;

    @Option(names = {"-o", "--output"}, paramLabel = "VOTES", description = "The votes file (appended to); required.")
    Path votes;

    @Option(names = "--judge", paramLabel = "NAME", description = "Who votes (default: the operating-system user).")
    String judge;

    @Mixin
    SeedOption random;

    @Option(names = "--script", paramLabel = "FILE", description = "Read the keys from FILE instead of a terminal "
            + "(for tests); the screens go to standard output.")
    Path script;

    JudgeCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        if (pairs == null || votes == null) {
            throw usage("give PAIRS.jsonl and -o VOTES.jsonl "
                    + "(or build pairs with mlops judge pairs LOG... --a V1 --b V2 -o PAIRS.jsonl)");
        }
        if (script == null && !env.terminal().interactive()) {
            throw new MlopsException(ExitCode.USAGE, "judge needs a terminal (or --script FILE of keys)");
        }
        String who = judge != null ? judge : env.vars().getOrDefault("USER", System.getProperty("user.name", "unknown"));
        List<Pair> list = new ArrayList<>();
        String name = env.display(pairs);
        JsonLines.read(pairs, name, (o, line) -> {
            try {
                list.add(Pair.of(o));
            } catch (IllegalArgumentException e) {
                throw new dev.mlops.logs.InputException(name + ":" + line + ": " + e.getMessage());
            }
        });
        if (list.isEmpty()) {
            throw new MlopsException(ExitCode.BAD_INPUT, name + ": holds no pair");
        }
        int cast;
        JudgeSession session;
        try (VoteLog log = new VoteLog(votes)) {
            session = new JudgeSession(list, VoteLog.judged(votes, env.display(votes), who), random.seed);
            if (script != null) {
                try (InputStream keys = Files.newInputStream(script)) {
                    int width = env.terminal().width() >= dev.mlops.report.JudgeScreen.SIDE_BY_SIDE ? env.terminal().width() : 100;
                    cast = JudgeUi.run(JudgeUi.of(keys), out(), () -> width, () -> 30, session, log,
                            who, env.clock());
                }
            } else {
                try (Terminal t = TerminalBuilder.builder().system(true).build()) {
                    cast = JudgeUi.run(t, session, log, who, env.clock());
                }
            }
        }
        err().printf("mlops: %d vote%s written to %s (%d / %d judged)%n", cast, cast == 1 ? "" : "s",
                env.display(votes), session.judged(), session.total());
        return ExitCode.OK.code();
    }

}
