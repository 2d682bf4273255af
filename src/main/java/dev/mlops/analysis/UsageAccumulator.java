package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import dev.mlops.registry.Model;
import dev.mlops.registry.Slo;
import dev.mlops.stats.Distribution;
import dev.mlops.stats.Summary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Usage of one group: counts, distributions and cost. */
final class UsageAccumulator implements java.io.Serializable {
    static final int MAX_ERROR_TYPES = 50;
    static final int MAX_MODELS = 8;

    private final Map<String, String> key;
    private long requests;
    private long errors;
    private final Map<String, Long> errorTypes = new java.util.HashMap<>();
    private long truncated;
    private long withFinishReason;
    private final Distribution latency;
    private final Distribution ttft;
    private final Distribution input;
    private final Distribution output;
    private final Distribution speed;
    /** Kept exact across parts, so that the total does not depend on the order the parts merge in. */
    private final dev.mlops.stats.ExactSum cost = new dev.mlops.stats.ExactSum();
    private long costFromLog;
    private long costFromRegistry;
    private Instant first;
    private Instant last;
    private final TreeSet<String> models = new TreeSet<>();
    /** Traffic per time window, or null when not asked for. */
    private final Timeline timeline;
    private final Map<String, Model> modelsByName = new TreeMap<>();

    UsageAccumulator(Map<String, String> key, int exactLimit, boolean timeline) {
        this.key = key;
        this.timeline = timeline ? new Timeline() : null;
        latency = new Distribution(exactLimit);
        ttft = new Distribution(exactLimit);
        input = new Distribution(exactLimit);
        output = new Distribution(exactLimit);
        speed = new Distribution(exactLimit);
    }

    void accept(LogRecord r, Model model, double registryCost) {
        requests++;
        Instant t = r.timestamp();
        if (t != null) {
            if (first == null || t.isBefore(first)) {
                first = t;
            }
            if (last == null || t.isAfter(last)) {
                last = t;
            }
        }
        if (!Double.isNaN(r.costUsd())) {
            cost.add(r.costUsd());
            costFromLog++;
        } else if (!Double.isNaN(registryCost)) {
            cost.add(registryCost);
            costFromRegistry++;
        }
        if (timeline != null && t != null) {
            timeline.accept(t, r.isError(), r.latencyMs(), Double.isNaN(r.costUsd()) ? registryCost : r.costUsd());
        }
        if (model != null && models.size() < MAX_MODELS && models.add(model.name())) {
            modelsByName.put(model.name(), model);
        }
        if (r.finishReason() != null) {
            withFinishReason++;
            if (r.finishReason().equals("length") || r.finishReason().equals("max_tokens")) {
                truncated++;
            }
        }
        if (r.isError()) {
            errors++;
            String type = r.errorType() == null ? "unknown" : r.errorType();
            if (errorTypes.containsKey(type) || errorTypes.size() < MAX_ERROR_TYPES) {
                errorTypes.merge(type, 1L, Long::sum);
            } else {
                errorTypes.merge("other", 1L, Long::sum);
            }
            return;
        }
        latency.add(r.latencyMs());
        ttft.add(r.ttftMs());
        if (r.inputTokens() >= 0) {
            input.add(r.inputTokens());
        }
        if (r.outputTokens() >= 0) {
            output.add(r.outputTokens());
            if (r.latencyMs() > 0) {
                speed.add(r.outputTokens() / (r.latencyMs() / 1000.0));
            }
        }
    }

    void merge(UsageAccumulator o) {
        requests += o.requests;
        errors += o.errors;
        o.errorTypes.forEach((k, v) -> errorTypes.merge(k, v, Long::sum));
        truncated += o.truncated;
        withFinishReason += o.withFinishReason;
        latency.merge(o.latency);
        ttft.merge(o.ttft);
        input.merge(o.input);
        output.merge(o.output);
        speed.merge(o.speed);
        cost.merge(o.cost);
        if (timeline != null && o.timeline != null) {
            timeline.merge(o.timeline);
        }
        costFromLog += o.costFromLog;
        costFromRegistry += o.costFromRegistry;
        if (o.first != null && (first == null || o.first.isBefore(first))) {
            first = o.first;
        }
        if (o.last != null && (last == null || o.last.isAfter(last))) {
            last = o.last;
        }
        for (Map.Entry<String, Model> e : o.modelsByName.entrySet()) {
            if (models.size() < MAX_MODELS && models.add(e.getKey())) {
                modelsByName.put(e.getKey(), e.getValue());
            }
        }
    }

    GroupUsage result() {
        Summary lat = latency.summary();
        Summary tt = ttft.summary();
        long priced = costFromLog + costFromRegistry;
        Cost c = new Cost(priced == 0 ? Double.NaN : cost.value(), priced == 0 ? Double.NaN : cost.value() / priced, costFromLog,
                costFromRegistry, requests - priced);
        GroupUsage partial = new GroupUsage(key, requests, errors, errorTypes, truncated, withFinishReason, lat, tt,
                input.summary(), output.summary(), speed.summary(), c, first, last, null, series());
        if (modelsByName.size() != 1) {
            return partial;
        }
        Model m = modelsByName.values().iterator().next();
        if (m.slo().limits().isEmpty()) {
            return partial;
        }
        List<SloCheck> checks = new ArrayList<>();
        m.slo().limits().forEach((measure, limit) -> {
            double v = measure(partial, measure);
            String status = Double.isNaN(v) ? "no_data" : v <= limit ? "met" : "missed";
            checks.add(new SloCheck(measure, limit, v, status));
        });
        return new GroupUsage(key, requests, errors, errorTypes, truncated, withFinishReason, lat, tt,
                partial.inputTokens(), partial.outputTokens(), partial.outputTokensPerS(), c, first, last,
                new SloResult(m.name(), checks), partial.timeline());
    }

    private Timeline.Series series() {
        return timeline == null ? null : timeline.series();
    }

    /** The value of an SLO measure ({@link Slo#MEASURES}) for a group. */
    static double measure(GroupUsage g, String measure) {
        switch (measure) {
            case "error_rate": return g.errorRate();
            case "truncation_rate": return g.truncationRate();
            case "cost_per_request_usd": return g.cost().perRequestUsd();
            default:
                Summary s = measure.startsWith("ttft_") ? g.ttftMs() : g.latencyMs();
                if (s.isEmpty()) {
                    return Double.NaN;
                }
                switch (measure.replaceAll("^(latency|ttft)_", "").replace("_ms", "")) {
                    case "p50": return s.p50();
                    case "p90": return s.p90();
                    case "p95": return s.p95();
                    case "p99": return s.p99();
                    default: throw new IllegalArgumentException("unknown SLO measure " + measure);
                }
        }
    }
}
