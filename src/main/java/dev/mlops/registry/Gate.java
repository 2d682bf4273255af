package dev.mlops.registry;

import java.util.List;

/**
 * One promotion gate of the registry's {@code promotion:} section.
 *
 * @param check       what is measured: an analyze measure (error_rate, latency_p95_ms, ...),
 *                    drift.psi, drift.features_drifted, abtest.lift, health.critical, health.warning,
 *                    compare.win_rate, compare.rating_delta
 * @param metric      for abtest.lift, the metric compared
 * @param against     for compare.win_rate and compare.rating_delta, the model (version) compared with
 * @param min         lower limit, or NaN
 * @param max         upper limit, or NaN
 * @param significant for abtest.lift, whether the lift must also be statistically significant
 * @param line        its line in the registry file
 */
public record Gate(String check, String metric, String against, double min, double max, boolean significant,
                   int line) {
    /** Checks read from other reports than analyze. */
    public static final List<String> OTHER_CHECKS = List.of("drift.psi", "drift.features_drifted", "abtest.lift",
            "health.critical", "health.warning", "compare.win_rate", "compare.rating_delta");

    public static boolean known(String check) {
        return Slo.MEASURES.contains(check) || OTHER_CHECKS.contains(check);
    }

    /** The limit as people write it: "max 0.01", "min 0, significant". */
    public String limit() {
        StringBuilder sb = new StringBuilder();
        if (!Double.isNaN(min)) {
            sb.append("min ").append(dev.mlops.text.Numbers.plain(min));
        }
        if (!Double.isNaN(max)) {
            sb.append(sb.length() > 0 ? ", " : "").append("max ").append(dev.mlops.text.Numbers.plain(max));
        }
        if (significant) {
            sb.append(sb.length() > 0 ? ", " : "").append("significant");
        }
        return sb.toString();
    }

    public String name() {
        return metric != null ? check + "(" + metric + ")" : against != null ? check + "(vs " + against + ")" : check;
    }
}
