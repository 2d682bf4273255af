package dev.mlops.registry;

import java.util.List;
import java.util.Map;

/**
 * Service-level objectives of a model: upper limits on measures of its traffic.
 *
 * @param limits measure name to its upper limit, in the registry's order
 */
public record Slo(Map<String, Double> limits) implements java.io.Serializable {
    /** The measures an SLO may name. */
    public static final List<String> MEASURES = List.of(
            "latency_p50_ms", "latency_p90_ms", "latency_p95_ms", "latency_p99_ms",
            "ttft_p50_ms", "ttft_p90_ms", "ttft_p95_ms", "ttft_p99_ms",
            "error_rate", "truncation_rate", "cost_per_request_usd");

    public Slo {
        limits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(limits));
    }

    public static Slo none() {
        return new Slo(Map.of());
    }
}
