package dev.mlops.cli;

import dev.mlops.experiment.Assignment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops abtest assign}: deterministic bucketing of units into arms, for routers. */
@Command(name = "assign", sortOptions = false,
        description = {"Assigns units to arms deterministically, as a router in any language can: the SHA-256 of "
                + "\"EXPERIMENT:UNIT\" (UTF-8), its first 8 bytes as an unsigned big-endian integer modulo 10,000 is the "
                + "bucket, and the arms own consecutive ranges of buckets in proportion to their weights. Prints "
                + "\"unit arm\", one line per unit; reads units from standard input, one per line, when none are given."})
final class AbtestAssignCommand extends PlainCommand {
    @Option(names = "--experiment", required = true, paramLabel = "NAME", description = "The experiment's name.")
    String experiment;

    @Option(names = "--arms", required = true, paramLabel = "ARM:W,...", description = "The arms and their weights, "
            + "in order, e.g. a:50,b:50.")
    String arms;

    @Parameters(arity = "0..*", paramLabel = "UNIT", description = "Unit ids (default: standard input, one per line).")
    List<String> units = new ArrayList<>();

    AbtestAssignCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        if (experiment.isEmpty()) {
            throw usage("--experiment must not be empty");
        }
        Map<String, Double> weights = AbtestOptions.parseSplit(spec, arms);
        Assignment a = new Assignment(experiment, weights);
        PrintWriter out = out();
        if (!units.isEmpty()) {
            units.forEach(u -> out.println(u + " " + a.arm(u)));
            return ExitCode.OK.code();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String u = line.strip();
            if (!u.isEmpty()) {
                out.println(u + " " + a.arm(u));
            }
        }
        return ExitCode.OK.code();
    }
}
