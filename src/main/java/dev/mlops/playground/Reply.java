package dev.mlops.playground;

/**
 * One answer, or why there was none.
 *
 * @param content      the text (what arrived, when the stream was cut or stopped)
 * @param finishReason stop, length, … as the server said; cancelled when the tester stopped it; null when unknown
 * @param inputTokens  as the server reported them, or -1 for unknown (never estimated)
 * @param outputTokens as the server reported them, or -1
 * @param ttftMs       time to the first content token, measured here; NaN without streaming or without a token
 * @param latencyMs    from sending the request to the end of the answer, measured here
 * @param errorType    null for an answer; else the server's error type or code, http_STATUS, timeout or stream_cut
 * @param message      the server's own error message, or what went wrong
 * @param attempts     requests sent, retries included
 */
public record Reply(String content, String finishReason, long inputTokens, long outputTokens, double ttftMs,
                    double latencyMs, String errorType, String message, int attempts) {
    public boolean ok() {
        return errorType == null;
    }

    static Reply error(String type, String message, double latencyMs, int attempts) {
        return new Reply("", null, -1, -1, Double.NaN, latencyMs, type, message, attempts);
    }
}
