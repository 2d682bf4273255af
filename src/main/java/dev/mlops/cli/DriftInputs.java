package dev.mlops.cli;

import dev.mlops.analysis.DriftWindows;
import dev.mlops.analysis.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** What {@code mlops drift} compares: two sets of files, or one set cut by time (a cut or rolling windows). */
final class DriftInputs {
    @Parameters(arity = "0..*", paramLabel = "LOG", description = "A log to cut into windows by time.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--baseline", arity = "1..*", paramLabel = "LOG", description = "The baseline window's logs.")
    List<String> baseline = new ArrayList<>();

    @Option(names = "--current", arity = "1..*", paramLabel = "LOG", description = "The current window's logs.")
    List<String> current = new ArrayList<>();

    @Option(names = "--baseline-until", paramLabel = "TIME", description = "With LOG: the baseline ends before TIME.")
    String baselineUntil;

    @Option(names = "--current-since", paramLabel = "TIME", description = "With LOG: the current window starts at TIME.")
    String currentSince;

    boolean twoFiles() {
        return !baseline.isEmpty() || !current.isEmpty();
    }

    /** Exactly one way of giving the windows. */
    void validate(CommandSpec spec, Query q) {
        boolean twoFiles = twoFiles();
        if (twoFiles && (baseline.isEmpty() || current.isEmpty() || !logs.isEmpty() || q.window() != null
                || baselineUntil != null || currentSince != null)) {
            throw new ParameterException(spec.commandLine(), "give --baseline LOG... and --current LOG..., or LOG... "
                    + "with --baseline-until, --current-since or --window");
        }
        if (!twoFiles && (logs.isEmpty() || q.window() == null && baselineUntil == null && currentSince == null)) {
            throw new ParameterException(spec.commandLine(), "give --baseline LOG... --current LOG..., or LOG... cut "
                    + "by --baseline-until, --current-since or --window");
        }
    }

    /** The windows: the two file sets, a cut at a time, or a timeline of rolling windows. */
    DriftWindows plan(CommandSpec spec, Duration window) {
        try {
            if (twoFiles()) {
                return DriftWindows.files();
            }
            Instant until = QueryOptions.time(spec, "--baseline-until", baselineUntil);
            Instant since = QueryOptions.time(spec, "--current-since", currentSince);
            return window != null ? DriftWindows.timeline(window, until) : DriftWindows.cut(until, since);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
