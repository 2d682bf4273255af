package dev.mlops.analysis;

import dev.mlops.stats.Summary;
import java.time.Instant;
import java.util.Map;

/**
 * Usage of one group of requests. Latency, TTFT, token and throughput distributions are over
 * successful requests; errors are counted in {@code errors}.
 *
 * @param key                the group's values of the --by fields (empty for the whole input)
 * @param requests           requests in the group
 * @param errors             failed requests
 * @param errorTypes         failed requests by error type ("unknown" when the log names none)
 * @param truncated          requests with finish_reason=length
 * @param withFinishReason   requests that carry a finish_reason
 * @param latencyMs          end-to-end latency, ms
 * @param ttftMs             time to first token, ms
 * @param inputTokens        input tokens
 * @param outputTokens       output tokens
 * @param outputTokensPerS   output tokens / end-to-end seconds, per request
 * @param cost               cost
 * @param first              earliest timestamp, or null
 * @param last               latest timestamp, or null
 * @param slo                SLO evaluation, or null when no single registry model applies
 * @param timeline           traffic per time window when it was asked for (the HTML report), else null
 */
public record GroupUsage(Map<String, String> key, long requests, long errors, Map<String, Long> errorTypes,
                         long truncated, long withFinishReason, Summary latencyMs, Summary ttftMs,
                         Summary inputTokens, Summary outputTokens, Summary outputTokensPerS, Cost cost,
                         Instant first, Instant last, SloResult slo, Timeline.Series timeline) {
    public GroupUsage {
        key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
        errorTypes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorTypes));
    }

    public double errorRate() {
        return requests == 0 ? Double.NaN : (double) errors / requests;
    }

    /** Share of requests with finish_reason=length among those that carry a finish_reason; NaN when none do. */
    public double truncationRate() {
        return withFinishReason == 0 ? Double.NaN : (double) truncated / withFinishReason;
    }

    /** The key as one label: "v12", "v12 / pro", or "all". */
    public String label() {
        return key.isEmpty() ? "all" : String.join(" / ", key.values());
    }
}
