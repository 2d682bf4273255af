package dev.mlops.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * When a feature counts as drifted. A numeric or categorical feature drifts when its test is
 * significant after the Benjamini-Hochberg correction over the group's features (adjusted
 * p &lt; alpha) AND its effect is large enough: a Wasserstein distance of at least
 * {@code minWasserstein} baseline standard deviations (numeric), a Jensen-Shannon distance (base 2)
 * of at least {@code minJs} (categorical). Significance alone never raises drift: on a million
 * records a shift too small to matter is always significant. The text feature drifts when a
 * term's log-odds z-score reaches {@code minZ} in either direction and the share of documents
 * holding it changed by at least {@code minShareChange}. The data drifts when any enabled
 * feature does. PSI is reported but is not a rule.
 *
 * @param alpha          false discovery rate for the per-group BH correction
 * @param minWasserstein numeric effect floor, in baseline standard deviations
 * @param minJs          categorical effect floor
 * @param minZ           text: log-odds z-score floor
 * @param minShareChange text: change in the share of documents holding the term
 * @param prior          text: α_0, the total mass of the informative Dirichlet prior
 * @param minTermCount   text: terms seen fewer times in both windows together are not scored
 * @param disabled       features that are reported but never raise drift
 */
public record DriftRules(double alpha, double minWasserstein, double minJs, double minZ, double minShareChange,
                         double prior, int minTermCount, Set<String> disabled) implements java.io.Serializable {
    public DriftRules {
        disabled = Set.copyOf(disabled);
    }

    public static DriftRules defaults() {
        return new DriftRules(0.05, 0.1, 0.1, 4.0, 0.01, 1000, 5, Set.of());
    }

    /**
     * Overrides from YAML:
     * <pre>
     * alpha: 0.05
     * numeric: {min_wasserstein: 0.1}
     * categorical: {min_js: 0.1}
     * text: {min_z: 4, min_share_change: 0.01, prior: 1000, min_count: 5}
     * disable: [cost_usd, ttft_ms]
     * </pre>
     */
    public static DriftRules load(Path file, String name) throws IOException {
        JsonNode root = new YAMLMapper().readTree(dev.mlops.io.BoundedFiles.read(file, name,
                dev.mlops.io.BoundedFiles.SETTINGS_LIMIT));
        DriftRules d = defaults();
        if (root == null || root.isNull()) {
            return d;
        }
        only(root, name, "", "alpha", "numeric", "categorical", "text", "disable");
        only(root.path("numeric"), name, "numeric.", "min_wasserstein");
        only(root.path("categorical"), name, "categorical.", "min_js");
        only(root.path("text"), name, "text.", "min_z", "min_share_change", "prior", "min_count");
        Set<String> disabled = new HashSet<>();
        for (JsonNode f : root.path("disable")) {
            disabled.add(f.asText());
        }
        return new DriftRules(
                number(root, "alpha", d.alpha, name),
                number(root.path("numeric"), "min_wasserstein", d.minWasserstein, name),
                number(root.path("categorical"), "min_js", d.minJs, name),
                number(root.path("text"), "min_z", d.minZ, name),
                number(root.path("text"), "min_share_change", d.minShareChange, name),
                number(root.path("text"), "prior", d.prior, name),
                (int) number(root.path("text"), "min_count", d.minTermCount, name),
                disabled);
    }

    private static void only(JsonNode n, String file, String prefix, String... keys) {
        if (!n.isObject()) {
            return;
        }
        Iterator<String> it = n.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!List.of(keys).contains(k)) {
                throw new IllegalArgumentException(file + ": " + prefix + k + " is not a drift rule (expected one of "
                        + String.join(", ", keys) + ")");
            }
        }
    }

    private static double number(JsonNode n, String key, double fallback, String file) {
        JsonNode v = n.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber() || v.asDouble() < 0) {
            throw new IllegalArgumentException(file + ": " + key + " is " + v + ", expected a non-negative number");
        }
        return v.asDouble();
    }
}
