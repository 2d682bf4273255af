package dev.mlops.logs;

import dev.mlops.text.Numbers;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the values of one source record, converts them to the kind of their field and
 * builds a {@link LogRecord}. The first conversion problem makes the record bad; its message
 * names the source field and the value, for example {@code output_tokens is "abc", expected an integer}.
 * One builder is reused for every record of a reader; it is not thread-safe.
 */
final class RecordBuilder {
    private static final int FIELDS = Field.values().length;

    private final String[] texts = new String[FIELDS];
    private final long[] counts = new long[FIELDS];
    private final double[] numbers = new double[FIELDS];
    private final int[] priority = new int[FIELDS];
    private final Instant[] instants = new Instant[FIELDS];
    /** Counts added by {@link Rule.How#ADD} rules, on top of the field's own value. */
    private final long[] added = new long[FIELDS];
    private boolean errorSeen;
    private String errorType;
    private int errorTypePriority;
    private Map<String, Double> feedback;
    private Map<String, String> attributes;
    private String problem;
    /** Bit i set when field i was written since the last reset. */
    private int touched = -1;

    RecordBuilder() {
        reset();
    }

    /** Clears only the fields the last record set: most records set a handful. */
    void reset() {
        int t = touched;
        while (t != 0) {
            int o = Integer.numberOfTrailingZeros(t);
            t &= t - 1;
            if (o < FIELDS) {
                texts[o] = null;
                counts[o] = LogRecord.ABSENT;
                numbers[o] = Double.NaN;
                instants[o] = null;
                added[o] = 0;
                priority[o] = Integer.MAX_VALUE;
            }
        }
        touched = 0;
        errorSeen = false;
        errorType = null;
        errorTypePriority = Integer.MAX_VALUE;
        feedback = null;
        attributes = null;
        problem = null;
    }

    /** The first conversion problem of this record, or null; called once the record's fields are all read. */
    String problem() {
        derive(Field.LATENCY_MS, Field.END_TIME);
        derive(Field.TTFT_MS, Field.FIRST_TOKEN_TIME);
        return problem;
    }

    void fail(String message) {
        if (problem == null) {
            problem = message;
        }
    }

    private boolean claim(Slot s) {
        if (s.field == Field.FEEDBACK || s.field == Field.ATTRIBUTE) {
            return true;
        }
        int o = s.field.ordinal();
        if (s.priority >= priority[o]) {
            return false;
        }
        priority[o] = s.priority;
        touched |= 1 << o;
        return true;
    }

    void text(Slot s, String v) {
        if (s.how == Rule.How.MESSAGES && v.startsWith("[")) {
            // a messages array given as a JSON string (a CSV column, an exported attribute)
            v = Messages.lastUser(v);
            if (v == null) {
                return;
            }
        }
        switch (s.kind) {
            case TEXT:
                if (s.field == Field.ATTRIBUTE) {
                    if (attributes == null) {
                        attributes = new HashMap<>(4);
                    }
                    attributes.putIfAbsent(s.rule.name(), v);
                } else if (claim(s)) {
                    texts[s.field.ordinal()] = v;
                }
                return;
            case STATUS:
                statusText(s, v);
                return;
            case INSTANT: {
                Instant t = Timestamps.parse(v);
                if (t == null) {
                    bad(s, quote(v), "an ISO-8601 time or epoch seconds");
                } else if (claim(s)) {
                    instants[s.field.ordinal()] = t;
                }
                return;
            }
            default:
                double d = parseNumber(v);
                if (Double.isNaN(d)) {
                    if (v.isBlank()) {
                        return;
                    }
                    bad(s, quote(v), expected(s.kind));
                    return;
                }
                number(s, d, d == Math.rint(d), v);
        }
    }

    /** A timestamp the scanner parsed straight from bytes. */
    void instant(Slot s, Instant t) {
        if (claim(s)) {
            instants[s.field.ordinal()] = t;
        }
    }

    /** A number; {@code lexeme} is its source text, or null to print it from {@code v} when needed. */
    void number(Slot s, double v, boolean integral, String lexeme) {
        switch (s.kind) {
            case TEXT:
                text(s, lex(lexeme, v));
                return;
            case INSTANT: {
                Instant t = Timestamps.epoch(v);
                if (t == null) {
                    bad(s, lex(lexeme, v), "an epoch time");
                } else if (claim(s)) {
                    instants[s.field.ordinal()] = t;
                }
                return;
            }
            case COUNT:
                if (!integral || v != Math.rint(v) || Math.abs(v) > 9.0e15) {
                    bad(s, lex(lexeme, v), "an integer");
                } else if (v < 0) {
                    bad(s, lex(lexeme, v), "a non-negative integer");
                } else if (s.how == Rule.How.ADD) {
                    added[s.field.ordinal()] += (long) v;
                    touched |= 1 << s.field.ordinal();
                } else if (claim(s)) {
                    counts[s.field.ordinal()] = (long) v;
                }
                return;
            case DURATION:
            case AMOUNT:
                if (!Double.isFinite(v) || v < 0) {
                    bad(s, lex(lexeme, v), "a non-negative number");
                } else if (claim(s)) {
                    numbers[s.field.ordinal()] = v * s.rule.scale();
                }
                return;
            case NUMBER:
                if (!Double.isFinite(v)) {
                    bad(s, lex(lexeme, v), "a number");
                    return;
                }
                if (feedback == null) {
                    feedback = new HashMap<>(4);
                }
                feedback.putIfAbsent(s.rule.name(), v);
                return;
            case STATUS:
                statusNumber(s, v, lex(lexeme, v));
                return;
            default:
                throw new IllegalStateException(s.kind.toString());
        }
    }

    private static String lex(String lexeme, double v) {
        return lexeme == null ? Numbers.plain(v) : lexeme;
    }

    void bool(Slot s, boolean v) {
        if (s.kind == Field.Kind.STATUS) {
            if (s.how == Rule.How.ERROR_MARKER) {
                if (v) {
                    error(s, "error");
                }
            } else if (s.how == Rule.How.VALUE && !v) {
                error(s, "error");
            }
        } else if (s.kind == Field.Kind.NUMBER) {
            number(s, v ? 1 : 0, true, v ? "true" : "false");
        } else if (s.kind == Field.Kind.TEXT) {
            text(s, v ? "true" : "false");
        } else {
            bad(s, Boolean.toString(v), expected(s.kind));
        }
    }

    /** An object or array where a single value was expected. */
    void structure(Slot s) {
        if (s.how == Rule.How.ERROR_MARKER) {
            error(s, "error");
        } else {
            fail(s.rule.path() + " is an object or array, expected " + expected(s.kind));
        }
    }

    private void statusText(Slot s, String v) {
        switch (s.how) {
            case ERROR_MARKER:
                if (!v.isBlank()) {
                    error(s, v);
                }
                return;
            case LEVEL:
                if (v.equalsIgnoreCase("error") || v.equalsIgnoreCase("fatal") || v.equalsIgnoreCase("critical")) {
                    error(s, null);
                }
                return;
            case HTTP_CODE: {
                double d = parseNumber(v);
                if (Double.isNaN(d)) {
                    if (!v.isBlank()) {
                        bad(s, quote(v), "an HTTP status code");
                    }
                    return;
                }
                statusNumber(s, d, v);
                return;
            }
            default:
                if (v.equals("ok") || v.equals("success")) {
                    return;
                }
                String t = v.trim().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    return;
                }
                double d = parseNumber(t);
                if (!Double.isNaN(d)) {
                    statusNumber(s, d, v);
                } else if (OK_WORDS.contains(t)) {
                    return;
                } else if (ERROR_WORDS.contains(t)) {
                    // a word that says what went wrong names the error; error, failed and the like do not
                    error(s, NAMING_WORDS.contains(t) ? t : null);
                } else {
                    bad(s, quote(v), "ok or error");
                }
        }
    }

    private void statusNumber(Slot s, double v, String lexeme) {
        if (s.how == Rule.How.ZERO_IS_ERROR) {
            if (v == 0) {
                error(s, "empty response");
            }
        } else if (s.how == Rule.How.ERROR_MARKER) {
            error(s, lexeme.endsWith(".0") ? lexeme.substring(0, lexeme.length() - 2) : lexeme);
        } else if (v >= 400) {
            error(s, "http_" + (long) v);
        }
    }

    private static final java.util.Set<String> OK_WORDS = java.util.Set.of("ok", "success", "succeeded", "successful",
            "completed", "complete", "done", "unset", "status_code_ok", "status_code_unset", "pass", "passed");
    private static final java.util.Set<String> ERROR_WORDS = java.util.Set.of("error", "errored", "failed", "failure",
            "fail", "timeout", "timed_out", "cancelled", "canceled", "expired", "aborted", "status_code_error", "exception");

    private static final java.util.Set<String> NAMING_WORDS = java.util.Set.of("timeout", "timed_out", "cancelled",
            "canceled", "expired", "aborted");

    private void error(Slot s, String type) {
        errorSeen = true;
        if (type != null && s.priority < errorTypePriority) {
            errorType = type;
            errorTypePriority = s.priority;
        }
    }

    private void bad(Slot s, String shown, String expected) {
        fail(s.rule.path() + " is " + shown + ", expected " + expected);
    }

    private static String expected(Field.Kind k) {
        switch (k) {
            case COUNT: return "an integer";
            case DURATION:
            case AMOUNT: return "a non-negative number";
            case NUMBER: return "a number";
            case INSTANT: return "an ISO-8601 time or epoch seconds";
            default: return "a string";
        }
    }

    static String quote(String v) {
        String shown = v.length() > 40 ? v.substring(0, 37) + "..." : v;
        return '"' + shown.replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** NaN unless the whole text is a finite decimal number. */
    static double parseNumber(String v) {
        String t = v.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        char c = t.charAt(0);
        if (!(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.')) {
            return Double.NaN;
        }
        char last = t.charAt(t.length() - 1);
        if (!(last >= '0' && last <= '9' || last == '.')) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Latency and TTFT from the record's times where they were not given: end − timestamp, first token − timestamp. */
    private void derive(Field measure, Field time) {
        int o = measure.ordinal();
        Instant start = instants[Field.TIMESTAMP.ordinal()];
        Instant end = instants[time.ordinal()];
        if (!Double.isNaN(numbers[o]) || start == null || end == null) {
            return;
        }
        double ms = java.time.Duration.between(start, end).toNanos() / 1e6;
        if (ms < 0) {
            fail(time.key() + " " + end + " is before the timestamp " + start);
            return;
        }
        numbers[o] = ms;
        touched |= 1 << o;
    }

    /** A count with what ADD rules added; absent when the field itself is absent. */
    private long count(Field f) {
        long c = counts[f.ordinal()];
        return c == LogRecord.ABSENT ? c : c + added[f.ordinal()];
    }

    LogRecord build() {
        String error = errorType;
        if (texts[Field.ERROR_TYPE.ordinal()] != null) {
            error = texts[Field.ERROR_TYPE.ordinal()];
            errorSeen = errorSeen || !error.isBlank();
        }
        return new LogRecord(
                texts[Field.ID.ordinal()],
                instants[Field.TIMESTAMP.ordinal()],
                texts[Field.MODEL.ordinal()],
                texts[Field.VERSION.ordinal()],
                texts[Field.STAGE.ordinal()],
                texts[Field.ARM.ordinal()],
                texts[Field.USER.ordinal()],
                texts[Field.SEGMENT.ordinal()],
                count(Field.INPUT_TOKENS),
                count(Field.OUTPUT_TOKENS),
                count(Field.CACHED_INPUT_TOKENS),
                numbers[Field.LATENCY_MS.ordinal()],
                numbers[Field.TTFT_MS.ordinal()],
                errorSeen ? Status.ERROR : Status.OK,
                errorSeen ? error : null,
                texts[Field.FINISH_REASON.ordinal()],
                texts[Field.PROMPT.ordinal()],
                texts[Field.RESPONSE.ordinal()],
                numbers[Field.COST_USD.ordinal()],
                feedback,
                attributes);
    }
}
