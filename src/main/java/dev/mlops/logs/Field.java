package dev.mlops.logs;

import java.util.Locale;
import java.util.Optional;

/** The fields of a {@link LogRecord} that a source field can be mapped onto. */
public enum Field {
    ID(Kind.TEXT),
    TIMESTAMP(Kind.INSTANT),
    MODEL(Kind.TEXT),
    VERSION(Kind.TEXT),
    STAGE(Kind.TEXT),
    ARM(Kind.TEXT),
    USER(Kind.TEXT),
    SEGMENT(Kind.TEXT),
    INPUT_TOKENS(Kind.COUNT),
    OUTPUT_TOKENS(Kind.COUNT),
    CACHED_INPUT_TOKENS(Kind.COUNT),
    LATENCY_MS(Kind.DURATION),
    TTFT_MS(Kind.DURATION),
    /** When the response ended: with a timestamp and no latency, latency is the difference. */
    END_TIME(Kind.INSTANT),
    /** When the first token came: with a timestamp and no TTFT, TTFT is the difference. */
    FIRST_TOKEN_TIME(Kind.INSTANT),
    STATUS(Kind.STATUS),
    ERROR_TYPE(Kind.TEXT),
    FINISH_REASON(Kind.TEXT),
    PROMPT(Kind.TEXT),
    RESPONSE(Kind.TEXT),
    COST_USD(Kind.AMOUNT),
    /** A named numeric feedback signal (thumbs, rating, clicked, reward...). */
    FEEDBACK(Kind.NUMBER),
    /** A named string attribute, extracted when a command asks for it (--by, --where). */
    ATTRIBUTE(Kind.TEXT);

    /** How a source value is converted. */
    public enum Kind { TEXT, INSTANT, COUNT, DURATION, STATUS, AMOUNT, NUMBER }

    private final Kind kind;

    Field(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The snake_case name used on the command line and in reports. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The fields a reader must decode so that {@code reads} are complete: latency and TTFT may be
     * differences of times (startTime/endTime, request/response created_at).
     */
    public static java.util.Set<Field> withSources(java.util.Set<Field> reads) {
        java.util.Set<Field> out = java.util.EnumSet.noneOf(Field.class);
        out.addAll(reads);
        if (reads.contains(LATENCY_MS)) {
            out.add(TIMESTAMP);
            out.add(END_TIME);
        }
        if (reads.contains(TTFT_MS)) {
            out.add(TIMESTAMP);
            out.add(FIRST_TOKEN_TIME);
        }
        return out;
    }

    public static Optional<Field> byKey(String key) {
        for (Field f : values()) {
            if (f.key().equals(key) && f != FEEDBACK && f != ATTRIBUTE) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
