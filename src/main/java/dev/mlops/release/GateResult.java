package dev.mlops.release;

/**
 * One gate's outcome.
 *
 * @param gate   the gate's name, e.g. latency_p95_ms or abtest.lift(thumbs_up_rate)
 * @param limit  its limit as written, e.g. "max 2500"
 * @param value  the measured value (NaN when there was no evidence)
 * @param passed whether it passed
 * @param detail why, in words: the evidence it came from, or what is missing
 */
public record GateResult(String gate, String limit, double value, boolean passed, String detail) {
}
