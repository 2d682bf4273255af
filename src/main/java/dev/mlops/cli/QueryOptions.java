package dev.mlops.cli;

import dev.mlops.analysis.Query;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.logs.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --by}, {@code --where}, {@code --since}, {@code --until} and {@code --window}, declared once: a {@link Query}. */
final class QueryOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--by", split = ",", paramLabel = "FIELD",
            description = "Group by these fields or attributes, e.g. version,segment (default: see above).")
    List<String> by;

    @Option(names = "--where", paramLabel = "EXPR", description = "Keep records where EXPR holds: FIELD=V[,V...], "
            + "FIELD!=V, FIELD>N, >=, <, <=; a record without FIELD never matches. Repeatable.")
    List<String> where = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", description = "Keep records at or after TIME (ISO-8601, UTC if no zone).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Keep records before TIME.")
    String until;

    @Option(names = "--window", paramLabel = "DURATION", description = "Time windows: 30m, 6h, 1d, 1w (default: see above).")
    String window;

    /**
     * The query, with the command's default grouping and window (either may be null).
     *
     * @throws ParameterException for a malformed expression, time or duration, or a window the command has none of
     */
    Query query(List<String> defaultBy, String defaultWindow, boolean windows) {
        if (window != null && !windows) {
            throw new ParameterException(spec.commandLine(), "--window: " + spec.name() + " does not cut time windows");
        }
        List<String> groups = by == null ? defaultBy : by;
        for (String f : groups) {
            if (f == null || f.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--by: a field name is empty");
            }
        }
        RecordFilter filter;
        try {
            filter = RecordFilter.of(where, time(spec, "--since", since), time(spec, "--until", until));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String w = window != null ? window : defaultWindow;
        Duration d;
        try {
            d = w == null ? null : Windows.parse("--window", w);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new Query(groups, filter, d);
    }

    /** Whether the user gave --window. */
    boolean windowGiven() {
        return window != null;
    }

    /** An ISO-8601 time, or a date (midnight UTC); null for null. */
    static Instant time(CommandSpec spec, String option, String value) {
        if (value == null) {
            return null;
        }
        String v = value.length() == 10 ? value + "T00:00:00Z" : value;
        Instant t = Timestamps.parse(v);
        if (t == null) {
            throw new ParameterException(spec.commandLine(), option + " " + value
                    + ": expected an ISO-8601 time such as 2026-11-01 or 2026-11-01T12:00:00Z");
        }
        return t;
    }
}
