package dev.mlops.analysis;

/**
 * One SLO measure of one group against its limit.
 *
 * @param measure the SLO name, for example latency_p95_ms
 * @param limit   the upper limit
 * @param value   the measured value (NaN when there is no data)
 * @param status  met, missed or no_data
 */
public record SloCheck(String measure, double limit, double value, String status) {
    public boolean missed() {
        return status.equals("missed");
    }
}
