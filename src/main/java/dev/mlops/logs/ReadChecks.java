package dev.mlops.logs;

import java.util.List;
import java.util.Objects;

/**
 * What the reader checks while it reads, for the command's sake: which named fields occur at all
 * (so that a typo in --by or --where is named instead of giving an empty report), how many groups
 * the --by fields make (bounded by --max-groups), and whether a file holds anything a log record
 * is made of.
 *
 * @param named     field names the command refers to, each with the option that named it
 * @param groupBy   the fields records are grouped by
 * @param maxGroups the most groups allowed
 */
public record ReadChecks(List<Named> named, List<String> groupBy, int maxGroups) {
    public static final int DEFAULT_MAX_GROUPS = 1000;

    /**
     * A field name, the option that named it ("--by", "--where"), and the source path a --map
     * named (else the field itself).
     */
    public record Named(String field, String option, String source) {
        public Named {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(source, "source");
        }

        public Named(String field, String option) {
            this(field, option, field);
        }
    }

    public ReadChecks {
        named = List.copyOf(named);
        groupBy = List.copyOf(groupBy);
        if (maxGroups < 1) {
            throw new IllegalArgumentException("--max-groups must be at least 1");
        }
    }

    public static ReadChecks none() {
        return new ReadChecks(List.of(), List.of(), Integer.MAX_VALUE);
    }

    /** Whether a record holds the field: a value, a number, or feedback. */
    static boolean has(LogRecord r, String name) {
        String field = name.startsWith("attributes.") ? name.substring(11) : name;
        if (LogRecord.NUMBER_FIELDS.contains(field) || field.startsWith("feedback.")) {
            return !Double.isNaN(r.number(field));
        }
        if (field.equals("status")) {
            return true;
        }
        if (field.equals("prompt")) {
            return r.prompt() != null;
        }
        if (field.equals("response")) {
            return r.response() != null;
        }
        if (field.equals("timestamp")) {
            return r.timestamp() != null;
        }
        return r.value(field) != null;
    }

    /** Whether a record carries anything a log analysis can use. */
    static boolean informative(LogRecord r) {
        return r.inputTokens() >= 0 || r.outputTokens() >= 0 || !Double.isNaN(r.latencyMs())
                || !Double.isNaN(r.ttftMs()) || r.isError() || r.finishReason() != null || r.prompt() != null
                || r.response() != null || !Double.isNaN(r.costUsd()) || !r.feedback().isEmpty();
    }
}
