package dev.mlops.experiment;

import dev.mlops.logs.LogRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * A metric of an A/B test: what one request contributes, and how a unit's requests are rolled up.
 *
 * @param name          the name in reports: a built-in name, or FIELD:KIND
 * @param field         the field read, for FIELD:KIND metrics; null for built-ins
 * @param kind          how a unit's values are rolled up
 * @param lowerIsBetter whether a lower value is the better one (error rate, latency, cost)
 */
public record Metric(String name, String field, Kind kind, boolean lowerIsBetter) implements Serializable {
    /** How a unit's requests make its value. */
    public enum Kind {
        /** requests: the number of the unit's requests. */
        COUNT,
        /** the sum of its values (cost per user). */
        SUM,
        /** 1 when any of its values is true or positive, else 0. */
        ANY,
        /** the share of its requests with the field whose value is true: a per-request ratio. */
        RATE,
        /** the mean over its requests with the field: a per-request ratio. */
        MEAN;

        /** Whether the unit's value is a ratio of two sums over its requests (tested with the delta method). */
        public boolean ratio() {
            return this == RATE || this == MEAN;
        }
    }

    /** The built-in metrics, in the order help lists them. */
    public static final List<String> BUILT_IN = List.of("requests", "error_rate", "latency_ms", "ttft_ms", "input_tokens",
            "output_tokens", "cost_usd", "thumbs_up", "truncation_rate");

    /** The metrics compared when none is named. */
    public static final List<String> DEFAULTS = List.of("error_rate", "latency_ms", "thumbs_up");

    /**
     * Parses a metric: a built-in name, or FIELD[:mean|:sum|:any|:rate] (mean by default).
     *
     * @param lowerBetter names that --lower-is-better marks
     * @throws IllegalArgumentException naming what was expected
     */
    public static Metric parse(String spec, java.util.Set<String> lowerBetter) {
        String s = spec.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("a metric is empty");
        }
        String builtIn = s.equals("thumbs_up_rate") ? "thumbs_up" : s;
        if (BUILT_IN.contains(builtIn)) {
            Kind k = switch (builtIn) {
                case "requests" -> Kind.COUNT;
                case "cost_usd" -> Kind.SUM;
                case "error_rate", "thumbs_up", "truncation_rate" -> Kind.RATE;
                default -> Kind.MEAN;
            };
            boolean lower = !builtIn.equals("thumbs_up") && !builtIn.equals("requests");
            return new Metric(builtIn, null, k, lower);
        }
        int colon = s.lastIndexOf(':');
        String field = colon < 0 ? s : s.substring(0, colon);
        String kind = colon < 0 ? "mean" : s.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (field.isEmpty()) {
            throw new IllegalArgumentException(spec + ": the field name is empty");
        }
        Kind k = switch (kind) {
            case "mean" -> Kind.MEAN;
            case "sum" -> Kind.SUM;
            case "any" -> Kind.ANY;
            case "rate" -> Kind.RATE;
            default -> throw new IllegalArgumentException(spec + ": expected FIELD:mean, :sum, :any or :rate, or one of "
                    + String.join(", ", BUILT_IN));
        };
        String name = field + ":" + kind;
        return new Metric(name, field, k, lowerBetter.contains(name) || lowerBetter.contains(field));
    }

    /**
     * What one request contributes: its value, or NaN when it does not carry the metric (a request
     * without the field; an errored request's latency and tokens, as in analyze).
     */
    public double value(LogRecord r, double cost) {
        if (field != null) {
            return number(r, field);
        }
        switch (name) {
            case "requests": return 1;
            case "error_rate": return r.isError() ? 1 : 0;
            case "latency_ms": return r.isError() ? Double.NaN : r.latencyMs();
            case "ttft_ms": return r.isError() ? Double.NaN : r.ttftMs();
            case "input_tokens": return r.isError() || r.inputTokens() < 0 ? Double.NaN : r.inputTokens();
            case "output_tokens": return r.isError() || r.outputTokens() < 0 ? Double.NaN : r.outputTokens();
            case "cost_usd": return cost;
            case "thumbs_up": {
                Double t = r.feedback().get("thumbs");
                return t == null || t.isNaN() ? Double.NaN : t > 0 ? 1 : 0;
            }
            case "truncation_rate": {
                String f = r.finishReason();
                return f == null ? Double.NaN : f.equals("length") || f.equals("max_tokens") ? 1 : 0;
            }
            default: throw new IllegalStateException(name);
        }
    }

    /**
     * The resolution at which a unit's values are summed, as 1 / scale: a microsecond for latencies,
     * 10⁻¹² USD for cost, whole requests and tokens, 10⁻⁶ for any other field.
     */
    public double scale() {
        if (field != null) {
            return kind == Kind.ANY || kind == Kind.RATE ? 1 : 1e6;
        }
        return switch (name) {
            case "latency_ms", "ttft_ms" -> 1e3;
            case "cost_usd" -> 1e12;
            default -> 1;
        };
    }

    /** A field as a number: true/false (any case), yes/no and numbers; NaN when absent or neither. */
    static double number(LogRecord r, String field) {
        double n = r.number(field);
        if (!Double.isNaN(n)) {
            return n;
        }
        String v = r.value(field);
        if (v == null) {
            return Double.NaN;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> 1;
            case "false", "no" -> 0;
            default -> Double.NaN;
        };
    }
}
