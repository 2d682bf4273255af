package dev.mlops.analysis;

import java.util.List;
import java.util.Map;

/**
 * One group (and window) compared with its baseline.
 *
 * @param key          the group's values of the --by fields
 * @param window       the current window's label ("current", or its start time in a timeline)
 * @param nBaseline    records in the baseline
 * @param nCurrent     records in the current window
 * @param insufficient true when either window has fewer than --min-samples records: no verdict
 * @param features     per-feature comparisons
 * @param rising       terms that rose most
 * @param falling      terms that fell most
 * @param fresh        terms absent from the baseline, most frequent first
 */
public record GroupDrift(Map<String, String> key, String window, long nBaseline, long nCurrent, boolean insufficient,
                         List<FeatureDrift> features, List<TermShift> rising, List<TermShift> falling,
                         List<TermShift> fresh) {
    public GroupDrift {
        key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
        features = List.copyOf(features);
        rising = List.copyOf(rising);
        falling = List.copyOf(falling);
        fresh = List.copyOf(fresh);
    }

    public boolean drifted() {
        return !insufficient && features.stream().anyMatch(FeatureDrift::drifted);
    }

    public int featuresDrifted() {
        return (int) features.stream().filter(FeatureDrift::drifted).count();
    }

    public double maxPsi() {
        return features.stream().mapToDouble(FeatureDrift::psi).filter(x -> !Double.isNaN(x)).max().orElse(Double.NaN);
    }

    public String label() {
        return key.isEmpty() ? "all" : String.join(" / ", key.values());
    }
}
