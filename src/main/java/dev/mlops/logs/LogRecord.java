package dev.mlops.logs;

import dev.mlops.text.Numbers;

import java.time.Instant;
import java.util.Map;

/**
 * One request to a model, whatever format it was read from. Absent numbers are
 * {@link #ABSENT} (counts) or {@code NaN} (measurements), absent strings are null.
 */
public record LogRecord(
        String id,
        Instant timestamp,
        String model,
        String version,
        String stage,
        String arm,
        String user,
        String segment,
        long inputTokens,
        long outputTokens,
        long cachedInputTokens,
        double latencyMs,
        double ttftMs,
        Status status,
        String errorType,
        String finishReason,
        String prompt,
        String response,
        double costUsd,
        Map<String, Double> feedback,
        Map<String, String> attributes) implements java.io.Serializable {

    public static final long ABSENT = -1;

    public LogRecord {
        status = status == null ? Status.OK : status;
        arm = arm == null ? version : arm;
        feedback = feedback == null ? Map.of() : feedback;
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** This record with its prompt and response set. */
    public LogRecord withText(String newPrompt, String newResponse) {
        return new LogRecord(id, timestamp, model, version, stage, arm, user, segment, inputTokens, outputTokens,
                cachedInputTokens, latencyMs, ttftMs, status, errorType, finishReason, newPrompt, newResponse, costUsd,
                feedback, attributes);
    }

    /** This record with other attributes. */
    public LogRecord withAttributes(Map<String, String> newAttributes) {
        return new LogRecord(id, timestamp, model, version, stage, arm, user, segment, inputTokens, outputTokens,
                cachedInputTokens, latencyMs, ttftMs, status, errorType, finishReason, prompt, response, costUsd,
                feedback, newAttributes);
    }

    public boolean isError() {
        return status == Status.ERROR;
    }

    /**
     * The value of a groupable field by its name: a record field (version, model, stage, arm,
     * user, segment, status, error_type, finish_reason, id) or else an attribute. Null when absent.
     */
    public String value(String name) {
        switch (name) {
            case "version": return version;
            case "model": return model;
            case "stage": return stage;
            case "arm": return arm;
            case "user": return user;
            case "segment": return segment;
            case "status": return status.key();
            case "error_type": return errorType;
            case "finish_reason": return finishReason;
            case "id": return id;
            default:
                if (name.startsWith("feedback.")) {
                    Double v = feedback.get(name.substring(9));
                    return v == null ? null : Numbers.plain(v);
                }
                return attributes.get(name);
        }
    }

    /** A numeric field by name, NaN when absent or not numeric. */
    public double number(String name) {
        switch (name) {
            case "input_tokens": return inputTokens < 0 ? Double.NaN : inputTokens;
            case "output_tokens": return outputTokens < 0 ? Double.NaN : outputTokens;
            case "cached_input_tokens": return cachedInputTokens < 0 ? Double.NaN : cachedInputTokens;
            case "latency_ms": return latencyMs;
            case "ttft_ms": return ttftMs;
            case "cost_usd": return costUsd;
            default:
                if (name.startsWith("feedback.")) {
                    Double v = feedback.get(name.substring(9));
                    return v == null ? Double.NaN : v;
                }
                String s = value(name);
                if (s == null) {
                    return Double.NaN;
                }
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
        }
    }

    /** Names that {@link #value(String)} resolves without attributes. */
    public static final java.util.Set<String> GROUP_FIELDS = java.util.Set.of(
            "version", "model", "stage", "arm", "user", "segment", "status", "error_type", "finish_reason", "id");

    /** Names that {@link #number(String)} resolves without attributes. */
    public static final java.util.Set<String> NUMBER_FIELDS = java.util.Set.of(
            "input_tokens", "output_tokens", "cached_input_tokens", "latency_ms", "ttft_ms", "cost_usd");
}
