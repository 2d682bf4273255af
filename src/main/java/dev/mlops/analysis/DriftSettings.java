package dev.mlops.analysis;

import java.util.List;

/**
 * What a drift run compares.
 *
 * @param numeric        numeric features (input_tokens, output_tokens, latency_ms, ttft_ms, cost_usd)
 * @param categorical    categorical features (segment, model, finish_reason, status, attributes)
 * @param terms          the tokenizer, or null to leave text out
 * @param textOfResponse compare response terms instead of prompt terms
 * @param exactLimit     values per numeric feature kept exactly
 * @param termCapacity   terms kept per window
 * @param textLevel      the term sample's level: terms of a 2^-level share of documents are counted
 */
public record DriftSettings(List<String> numeric, List<String> categorical, Terms terms, boolean textOfResponse,
                            int exactLimit, int termCapacity, int textLevel) implements java.io.Serializable {
    public static final List<String> NUMERIC = List.of("input_tokens", "output_tokens", "latency_ms", "ttft_ms",
            "cost_usd");
    public static final List<String> CATEGORICAL = List.of("segment", "model", "finish_reason", "status");

    public DriftSettings {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
    }

    /** An empty window: the stand-in for a group the baseline never saw. */
    public DriftWindow newWindowForReport() {
        return newWindow();
    }

    DriftWindow newWindow() {
        return new DriftWindow(numeric, categorical, exactLimit, termCapacity, textLevel);
    }

    /** The same settings with another text sample level. */
    public DriftSettings withTextLevel(int level) {
        return new DriftSettings(numeric, categorical, terms, textOfResponse, exactLimit, termCapacity, level);
    }

    public String textFeature() {
        return textOfResponse ? "response terms" : "prompt terms";
    }
}
