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

/**
 * {@code --by}, {@code --where}, {@code --since} and {@code --until}, declared once, and with a
 * command's {@link Window} option its {@code --window}: a {@link Query}.
 */
final class QueryOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--by", split = ",", paramLabel = "FIELD",
            description = "Group by these fields or attributes, e.g. version,segment; also file (the input) and "
                    + "conversation (default: version, and in analyze model when no record names a version; drift: none).")
    List<String> by;

    @Option(names = "--where", paramLabel = "EXPR", description = "Keep records where EXPR holds: FIELD=V[,V...], "
            + "FIELD!=V, FIELD>N, >=, <, <=; a record without FIELD never matches. Repeatable.")
    List<String> where = new ArrayList<>();

    @Option(names = "--since", paramLabel = "TIME", description = "Keep records at or after TIME (ISO-8601, UTC if no zone).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Keep records before TIME.")
    String until;

    /** {@code --window}, for the commands that cut time windows. */
    static final class Window {
        @Option(names = "--window", paramLabel = "DURATION",
                description = "Time windows: 30m, 6h, 1d, 1w (default: health 1h; collapse the whole span; drift none).")
        String value;
    }

    /**
     * The query, with the command's default grouping and window (either may be null).
     *
     * @throws ParameterException for a malformed expression, time or duration, or a window the command has none of
     */
    Query query(List<String> defaultBy, Window windowOption, String defaultWindow) {
        String window = windowOption == null ? null : windowOption.value;
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
