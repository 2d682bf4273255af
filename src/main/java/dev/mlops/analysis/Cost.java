package dev.mlops.analysis;

/**
 * What a group of requests cost.
 *
 * @param totalUsd          sum over priced requests
 * @param perRequestUsd     mean over priced requests (NaN when none)
 * @param fromLog           requests whose cost the log states
 * @param fromRegistry      requests priced from the registry's pricing
 * @param unpriced          requests with neither
 */
public record Cost(double totalUsd, double perRequestUsd, long fromLog, long fromRegistry, long unpriced) {
    /** log, registry, mixed or none. */
    public String source() {
        if (fromLog > 0 && fromRegistry > 0) {
            return "mixed";
        }
        return fromLog > 0 ? "log" : fromRegistry > 0 ? "registry" : "none";
    }
}
