package dev.mlops.cli;

import dev.mlops.io.BoundedFiles;
import dev.mlops.selection.Allocation;
import dev.mlops.selection.Redactor;
import dev.mlops.selection.Strata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How select picks: strata, allocation, deduplication, redaction, weights and the seed. */
final class SelectOptions {
    @Option(names = "--length-bins", split = ",", paramLabel = "Q", description = "Bin edges as quantiles of the "
            + "source (default: 0,0.1,0.5,0.9,0.99,1).")
    List<Double> lengthBins;

    @Option(names = "--length-field", paramLabel = "FIELD", defaultValue = "total",
            description = "The length measure: total (input + output tokens), input_tokens, output_tokens or any "
                    + "numeric field (default: ${DEFAULT-VALUE}).")
    String lengthField;

    @Option(names = "--allocate", paramLabel = "HOW", defaultValue = "proportional",
            completionCandidates = Candidates.Allocations.class,
            description = "proportional, equal, sqrt, or a YAML file of weights by stratum, named by bin (p90-p99), "
                    + "bin and group (p90-p99 / pro) or full label; the most specific name wins (default: ${DEFAULT-VALUE}).")
    String allocate;

    @Option(names = "--dedup-on", paramLabel = "TEXT", defaultValue = "prompt",
            description = "prompt, response or both (default: ${DEFAULT-VALUE}).")
    String dedupOn;

    @Option(names = "--near-dup", paramLabel = "J", defaultValue = "0.8",
            description = "Jaccard similarity of word shingles at which texts are near-duplicates; 1 keeps only exact "
                    + "deduplication (default: ${DEFAULT-VALUE}).")
    double nearDup;

    @Option(names = "--redact", split = ",", paramLabel = "KIND", description = "Mask email, phone, ip, credit-card.")
    List<String> redact = new ArrayList<>();

    @Option(names = "--weight", paramLabel = "FIELD", description = "Weighted sampling (A-Res) by this numeric field.")
    String weight;

    @Mixin
    SeedOption random;

    void validate(CommandSpec spec) {
        if (!List.of("prompt", "response", "both").contains(dedupOn)) {
            throw new ParameterException(spec.commandLine(), "--dedup-on " + dedupOn + ": expected prompt, response or both");
        }
        if (!(nearDup > 0 && nearDup <= 1)) {
            throw new ParameterException(spec.commandLine(), "--near-dup takes a Jaccard similarity in (0, 1]");
        }
        if (lengthBins != null) {
            double prev = -1;
            for (double q : lengthBins) {
                if (q < 0 || q > 1 || q <= prev) {
                    throw new ParameterException(spec.commandLine(), "--length-bins takes increasing quantiles from 0 to 1");
                }
                prev = q;
            }
            if (lengthBins.size() < 2 || lengthBins.get(0) != 0 || lengthBins.get(lengthBins.size() - 1) != 1) {
                throw new ParameterException(spec.commandLine(), "--length-bins must start at 0 and end at 1");
            }
        }
    }

    double[] quantiles() {
        return lengthBins == null ? Strata.DEFAULT_BINS : lengthBins.stream().mapToDouble(Double::doubleValue).toArray();
    }

    Redactor redactor(CommandSpec spec) {
        try {
            return new Redactor(redact);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--redact: " + e.getMessage());
        }
    }

    String method() {
        return List.of("proportional", "equal", "sqrt").contains(allocate) ? allocate : "weights";
    }

    /** The quota of each stratum for n examples, by --allocate. */
    Map<String, Long> quotas(CommandSpec spec, Env env, long n, Strata strata, Map<String, Long> available) {
        try {
            return Allocation.quotas(available, n, method(), weights(env, strata, available));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--allocate: " + e.getMessage());
        }
    }

    /** Weights by stratum label from a YAML file, when --allocate names one. */
    private Map<String, Double> weights(Env env, Strata strata, Map<String, Long> available) {
        if (!method().equals("weights")) {
            return Map.of();
        }
        Path file = env.path(allocate);
        if (!Files.exists(file)) {
            throw new MlopsException(ExitCode.BAD_INPUT, allocate + ": no such file (--allocate takes proportional, "
                    + "equal, sqrt or a YAML file)");
        }
        try {
            return Allocation.weights(BoundedFiles.read(file, allocate, BoundedFiles.SETTINGS_LIMIT), strata,
                    available);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, allocate + ": " + e.getMessage());
        }
    }

    /** The fields select reads by name: --by, --where's, the feedback, --weight and a named length field. */
    List<String> named(List<String> by, List<String> where, String feedbackField) {
        List<String> fields = new java.util.ArrayList<>(by);
        fields.addAll(where);
        fields.add(feedbackField);
        if (weight != null) {
            fields.add(weight);
        }
        if (!lengthField.equals("total")) {
            fields.add(lengthField);
        }
        return fields;
    }
}
