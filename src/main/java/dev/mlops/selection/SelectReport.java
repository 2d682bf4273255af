package dev.mlops.selection;

import java.util.List;
import java.util.Map;

/**
 * What {@code mlops select} picked, against what the source held.
 *
 * @param requested  n
 * @param picked     records written (pairs, for dpo)
 * @param strata     per stratum: eligible records in the source, quota, reservoir candidates, picked
 * @param source     token lengths of the eligible source
 * @param selection  token lengths of the picked records
 * @param js         Jensen-Shannon distance (base 2) between source and selection, per stratification field
 * @param duplicates candidates left out because a duplicate was picked
 * @param redacted   masked matches by kind
 * @param withoutText candidates left out because chat output needs a prompt and a response
 * @param eligiblePairs for dpo, the prompts rated both ways (or in the preference file); else -1
 */
public record SelectReport(long requested, long picked, long seed, String allocate, String outputFormat,
                           List<Stratum> strata, Tokens source, Tokens selection, Map<String, Double> js,
                           long duplicates, Map<String, Long> redacted, long withoutText, long eligiblePairs) {
    public static final String SCHEMA = "mlops.select/v1";

    public SelectReport {
        strata = List.copyOf(strata);
    }

    /** One stratum. */
    public record Stratum(String label, Map<String, String> key, long available, long quota, long candidates,
                          long picked) {
    }

    /** Token-length figures (numpy-linear quantiles). */
    public record Tokens(long count, double mean, double min, double p10, double p50, double p90, double p99,
                         double max) {
    }
}
