package dev.mlops.analysis;

import java.util.List;

/**
 * One feature compared between two windows.
 *
 * @param feature     the field, or "prompt terms" / "response terms"
 * @param kind        numeric, categorical or text
 * @param test        ks, chi2 or log-odds
 * @param statistic   D (KS), χ², or the largest |z| (text)
 * @param pValue      the test's p-value (NaN for text)
 * @param pAdjusted   Benjamini-Hochberg adjusted over the group's features (NaN for text)
 * @param effectName  wasserstein_norm, js, or share_change
 * @param effect      the effect size the rule looks at
 * @param threshold   the rule's effect floor
 * @param psi         population stability index on the baseline's deciles (NaN unless numeric)
 * @param js          Jensen-Shannon distance, base 2 (deciles for numeric, categories for categorical)
 * @param nBaseline   values in the baseline
 * @param nCurrent    values in the current window
 * @param unseen      categories of the current window absent from the baseline, most frequent first
 * @param enabled     whether the feature can raise drift
 * @param drifted     the verdict
 * @param method      exact or sketch (numeric), else "counts"
 * @param bound       for a KS D computed from sketches, the most it can be off from the exact D; else NaN
 * @param bins        the two samples side by side, for a picture: a numeric feature in the baseline's deciles,
 *                    a categorical one by its most common values; none for text
 */
public record FeatureDrift(String feature, String kind, String test, double statistic, double pValue, double pAdjusted,
                           String effectName, double effect, double threshold, double psi, double js, long nBaseline,
                           long nCurrent, List<String> unseen, boolean enabled, boolean drifted, String method,
                           double bound, Bins bins) {
    public FeatureDrift {
        unseen = List.copyOf(unseen);
    }

    /**
     * Counts of both samples in the same bins.
     *
     * @param labels   each bin's name ("<= 12.5", "12.5 - 40", "> 40"; a category's value; "(other)")
     * @param baseline the baseline's count in each bin
     * @param current  the current window's count in each bin
     */
    public record Bins(List<String> labels, List<Long> baseline, List<Long> current) {
        public Bins {
            labels = List.copyOf(labels);
            baseline = List.copyOf(baseline);
            current = List.copyOf(current);
        }

        public static Bins none() {
            return new Bins(List.of(), List.of(), List.of());
        }
    }

    public FeatureDrift(String feature, String kind, String test, double statistic, double pValue, double pAdjusted,
                        String effectName, double effect, double threshold, double psi, double js, long nBaseline,
                        long nCurrent, List<String> unseen, boolean enabled, boolean drifted, String method) {
        this(feature, kind, test, statistic, pValue, pAdjusted, effectName, effect, threshold, psi, js, nBaseline,
                nCurrent, unseen, enabled, drifted, method, Double.NaN, Bins.none());
    }

    FeatureDrift withAdjusted(double adjusted, boolean verdict) {
        return new FeatureDrift(feature, kind, test, statistic, pValue, adjusted, effectName, effect, threshold, psi, js,
                nBaseline, nCurrent, unseen, enabled, verdict, method, bound, bins);
    }
}
