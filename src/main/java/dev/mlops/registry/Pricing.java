package dev.mlops.registry;

/**
 * USD per million tokens.
 *
 * @param inputPer1m       price of input (prompt) tokens
 * @param outputPer1m      price of output (completion) tokens
 * @param cachedInputPer1m price of cached input tokens, or NaN to bill them as input tokens
 */
public record Pricing(double inputPer1m, double outputPer1m, double cachedInputPer1m) implements java.io.Serializable {
    public Pricing {
        if (!(inputPer1m >= 0) || !(outputPer1m >= 0) || cachedInputPer1m < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    /** The cost of one request, or NaN when its token counts are absent. */
    public double cost(long inputTokens, long outputTokens, long cachedInputTokens) {
        if (inputTokens < 0 && outputTokens < 0) {
            return Double.NaN;
        }
        double in = Math.max(0, inputTokens);
        double cached = Double.isNaN(cachedInputPer1m) || cachedInputTokens < 0 ? 0 : Math.min(cachedInputTokens, in);
        double out = Math.max(0, outputTokens);
        double cachedPrice = Double.isNaN(cachedInputPer1m) ? inputPer1m : cachedInputPer1m;
        return ((in - cached) * inputPer1m + cached * cachedPrice + out * outputPer1m) / 1_000_000.0;
    }
}
