package dev.mlops.release;

import dev.mlops.registry.Gate;
import dev.mlops.schema.AbtestDoc;
import dev.mlops.schema.AnalyzeDoc;
import dev.mlops.schema.CompareDoc;
import dev.mlops.schema.DriftDoc;
import dev.mlops.schema.HealthDoc;
import dev.mlops.schema.SummaryDoc;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates promotion gates against evidence for one version. A gate whose evidence is missing
 * fails. Evidence is read back into the document type that wrote it:
 * <ul>
 * <li>analyze measures: {@link AnalyzeDoc}, the group whose key has {@code version} = VERSION
 *     (error_rate, truncation_rate, cost.per_request_usd, latency_ms.pNN, ttft_ms.pNN);</li>
 * <li>drift.psi, drift.features_drifted: {@link DriftDoc}, the group for VERSION if the report is
 *     grouped by version, else the whole report ({@code max_psi}, {@code features_drifted});</li>
 * <li>abtest.lift: {@link AbtestDoc}, the comparison over all units with {@code arm} = VERSION and the
 *     gate's {@code metric} ({@code lift}, {@code significant});</li>
 * <li>health.critical, health.warning: {@link HealthDoc}, {@code counts} of the entry for VERSION.</li>
 * <li>compare.win_rate, compare.rating_delta: {@link CompareDoc}, VERSION's win rate against the gate's
 *     {@code against} model over their votes, or its rating minus that model's.</li>
 * </ul>
 */
public final class Gates {
    private Gates() {
    }

    /** What a gate found in its evidence: whether the version is covered, its value (or null), significance. */
    private record Reading(boolean covered, Double value, boolean significant) {
        static final Reading NONE = new Reading(false, null, false);

        static Reading of(Double value) {
            return new Reading(true, value, false);
        }
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
        Reading r = read(e, g, version);
        if (!r.covered()) {
            return fail(g, e.name() + " has nothing for version " + version);
        }
        if (r.value() == null) {
            return fail(g, e.name() + " has no value for " + g.name() + " of " + version);
        }
        double x = r.value();
        boolean ok = (Double.isNaN(g.min()) || x >= g.min()) && (Double.isNaN(g.max()) || x <= g.max());
        String detail = "from " + e.name();
        if (g.significant()) {
            ok &= r.significant();
            detail += r.significant() ? ", significant" : ", not significant";
        }
        return new GateResult(g.name(), g.limit(), x, ok, detail);
    }

    private static GateResult fail(Gate g, String why) {
        return new GateResult(g.name(), g.limit(), Double.NaN, false, why);
    }

    static String schemaOf(String check) {
        if (check.startsWith("drift.")) {
            return DriftDoc.SCHEMA;
        }
        if (check.startsWith("abtest.")) {
            return AbtestDoc.SCHEMA;
        }
        if (check.startsWith("health.")) {
            return HealthDoc.SCHEMA;
        }
        if (check.startsWith("compare.")) {
            return CompareDoc.SCHEMA;
        }
        return AnalyzeDoc.SCHEMA;
    }

    private static Reading read(Evidence e, Gate g, String version) {
        String check = g.check();
        if (check.startsWith("abtest.")) {
            return abtest(e.as(AbtestDoc.class), version, g.metric());
        }
        if (check.startsWith("compare.")) {
            return compare(e.as(CompareDoc.class), version, g);
        }
        if (check.startsWith("health.")) {
            for (HealthDoc.Version v : e.as(HealthDoc.class).versions()) {
                if (version.equals(v.version())) {
                    return Reading.of(v.counts() == null ? null : (double) (check.equals("health.critical")
                            ? v.counts().critical() : v.counts().warning()));
                }
            }
            return Reading.NONE;
        }
        if (check.startsWith("drift.")) {
            DriftDoc d = e.as(DriftDoc.class);
            for (DriftDoc.Group grp : d.groups()) {
                if (version.equals(grp.key().get("version"))) {
                    return Reading.of(check.equals("drift.psi") ? grp.maxPsi() : (double) grp.featuresDrifted());
                }
            }
            // a drift report not grouped by version speaks for the whole traffic
            return Reading.of(check.equals("drift.psi") ? d.maxPsi() : (double) d.featuresDrifted());
        }
        for (AnalyzeDoc.Group grp : e.as(AnalyzeDoc.class).groups()) {
            if (version.equals(grp.key().get("version"))) {
                return Reading.of(measure(grp, check));
            }
        }
        return Reading.NONE;
    }

    private static Double measure(AnalyzeDoc.Group grp, String check) {
        switch (check) {
            case "error_rate": return grp.errorRate();
            case "truncation_rate": return grp.truncationRate();
            case "cost_per_request_usd": return grp.cost() == null ? null : grp.cost().perRequestUsd();
            default: {
                SummaryDoc s = check.startsWith("ttft_") ? grp.ttftMs() : grp.latencyMs();
                if (s == null) {
                    return null;
                }
                return switch (check.replaceAll("^(latency|ttft)_", "").replace("_ms", "")) {
                    case "p50" -> s.p50();
                    case "p90" -> s.p90();
                    case "p95" -> s.p95();
                    case "p99" -> s.p99();
                    default -> null;
                };
            }
        }
    }

    /** VERSION against the gate's other model: its win rate over their votes, or its rating minus the other's. */
    private static Reading compare(CompareDoc doc, String version, Gate g) {
        int i = doc.names().indexOf(version);
        int j = doc.names().indexOf(g.against());
        if (i < 0 || j < 0) {
            return Reading.NONE;
        }
        if (g.check().equals("compare.win_rate")) {
            return Reading.of(doc.winRate().get(i).get(j));
        }
        Double mine = null;
        Double theirs = null;
        for (CompareDoc.Model m : doc.models()) {
            mine = m.model().equals(version) ? m.rating() : mine;
            theirs = m.model().equals(g.against()) ? m.rating() : theirs;
        }
        return Reading.of(mine == null || theirs == null ? null : mine - theirs);
    }

    private static String metricName(String m) {
        return "thumbs_up_rate".equals(m) ? "thumbs_up" : m;
    }

    /** The A/B comparison over all units for the arm and metric (thumbs_up_rate is thumbs_up's other name). */
    private static Reading abtest(AbtestDoc doc, String version, String metric) {
        for (AbtestDoc.Comparison c : doc.comparisons()) {
            if (c.segment() == null && version.equals(c.arm()) && metricName(metric).equals(metricName(c.metric()))) {
                return new Reading(true, c.lift(), c.significant());
            }
        }
        return Reading.NONE;
    }
}
