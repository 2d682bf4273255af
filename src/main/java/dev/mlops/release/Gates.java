package dev.mlops.release;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.registry.Gate;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates promotion gates against evidence for one version. A gate whose evidence is missing
 * fails. Where the value is read from:
 * <ul>
 * <li>analyze measures: {@code mlops.analyze/v1}, the group whose key has {@code version} = VERSION
 *     (error_rate, truncation_rate, cost.per_request_usd, latency_ms.pNN, ttft_ms.pNN);</li>
 * <li>drift.psi, drift.features_drifted: {@code mlops.drift/v1}, the group for VERSION if the
 *     report is grouped by version, else the whole report ({@code max_psi}, {@code features_drifted});</li>
 * <li>abtest.lift: {@code mlops.abtest/v1}, the comparison with {@code arm} = VERSION and the
 *     gate's {@code metric} ({@code lift}, {@code significant});</li>
 * <li>health.critical, health.warning: {@code mlops.health/v1}, {@code counts} of the entry for VERSION.</li>
 * </ul>
 */
public final class Gates {
    private Gates() {
    }

    public static List<GateResult> evaluate(List<Gate> gates, List<Evidence> evidence, String version) {
        List<GateResult> out = new ArrayList<>();
        for (Gate g : gates) {
            out.add(evaluate(g, evidence, version));
        }
        return out;
    }

    static GateResult evaluate(Gate g, List<Evidence> evidence, String version) {
        String schema = schemaOf(g.check());
        List<Evidence> found = evidence.stream().filter(e -> e.schema().equals(schema)).toList();
        if (found.isEmpty()) {
            return fail(g, "no " + schema + " evidence was given");
        }
        if (found.size() > 1) {
            return fail(g, "more than one " + schema + " evidence file; give one");
        }
        Evidence e = found.get(0);
        JsonNode scope = scope(e.json(), g.check(), version, g.metric());
        if (scope == null) {
            return fail(g, e.name() + " has nothing for version " + version);
        }
        JsonNode v = value(scope, g.check());
        if (v == null || !v.isNumber()) {
            return fail(g, e.name() + " has no value for " + g.name() + " of " + version);
        }
        double x = v.asDouble();
        boolean ok = (Double.isNaN(g.min()) || x >= g.min()) && (Double.isNaN(g.max()) || x <= g.max());
        String detail = "from " + e.name();
        if (g.significant()) {
            boolean sig = scope.path("significant").asBoolean(false);
            ok &= sig;
            detail += sig ? ", significant" : ", not significant";
        }
        return new GateResult(g.name(), g.limit(), x, ok, detail);
    }

    private static GateResult fail(Gate g, String why) {
        return new GateResult(g.name(), g.limit(), Double.NaN, false, why);
    }

    static String schemaOf(String check) {
        if (check.startsWith("drift.")) {
            return "mlops.drift/v1";
        }
        if (check.startsWith("abtest.")) {
            return "mlops.abtest/v1";
        }
        if (check.startsWith("health.")) {
            return "mlops.health/v1";
        }
        return "mlops.analyze/v1";
    }

    private static JsonNode scope(JsonNode root, String check, String version, String metric) {
        if (check.startsWith("abtest.")) {
            for (JsonNode c : root.path("comparisons")) {
                if (version.equals(c.path("arm").asText(null)) && metric.equals(c.path("metric").asText(null))) {
                    return c;
                }
            }
            return null;
        }
        if (check.startsWith("health.")) {
            for (JsonNode c : root.path("versions")) {
                if (version.equals(c.path("version").asText(null))) {
                    return c;
                }
            }
            return null;
        }
        for (JsonNode grp : root.path("groups")) {
            if (version.equals(grp.path("key").path("version").asText(null))) {
                return grp;
            }
        }
        // a drift report not grouped by version speaks for the whole traffic
        return check.startsWith("drift.") ? root : null;
    }

    private static JsonNode value(JsonNode scope, String check) {
        switch (check) {
            case "drift.psi": return scope.get("max_psi");
            case "drift.features_drifted": return scope.get("features_drifted");
            case "abtest.lift": return scope.get("lift");
            case "health.critical": return scope.path("counts").get("critical");
            case "health.warning": return scope.path("counts").get("warning");
            case "error_rate": return scope.get("error_rate");
            case "truncation_rate": return scope.get("truncation_rate");
            case "cost_per_request_usd": return scope.path("cost").get("per_request_usd");
            default: {
                String measure = check.startsWith("ttft_") ? "ttft_ms" : "latency_ms";
                String q = check.replaceAll("^(latency|ttft)_", "").replace("_ms", "");
                return scope.path(measure).get(q);
            }
        }
    }
}
