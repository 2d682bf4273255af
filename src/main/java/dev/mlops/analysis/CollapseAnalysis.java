package dev.mlops.analysis;

import dev.mlops.stats.Diversity;
import dev.mlops.stats.NearDuplicates;
import dev.mlops.stats.Trend;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * Judges windows of proxy and satisfaction for the signs of reward collapse. Each trend is a
 * Mann-Kendall test over the judged windows at the settings' alpha:
 * <ul>
 * <li>divergence: satisfaction falls while the proxy does not;</li>
 * <li>decoupling: the proxy–satisfaction rank correlation falls;</li>
 * <li>length exploitation: the median output length rises while satisfaction does not;</li>
 * <li>diversity collapse: distinct-2 falls, or the near-duplicate share rises;</li>
 * <li>version comparison (with --against): the proxy lift's interval is above 0 and the
 *     satisfaction lift's below 0.</li>
 * </ul>
 */
public final class CollapseAnalysis {
    static final double Z95 = 1.959963984540054;
    static final int MIN_WINDOWS = 3;

    private CollapseAnalysis() {
    }

    public static CollapseReport analyze(CollapseScan scan, CollapseSettings s, LongFunction<String> label,
                                         String against) {
        Map<GroupKey, TreeMap<Long, CollapseWindow>> groups = scan.result();
        GroupKey reference0 = against == null ? null : new GroupKey(List.of(against));
        CollapseWindow reference = null;
        if (against != null) {
            TreeMap<Long, CollapseWindow> ref = groups.get(reference0);
            if (ref != null) {
                reference = total(ref.values(), s);
            }
        }
        List<CollapseReport.Group> out = new ArrayList<>();
        for (Map.Entry<GroupKey, TreeMap<Long, CollapseWindow>> g : groups.entrySet()) {
            Map<String, String> key = key(scan.groupBy(), g.getKey());
            List<CollapseReport.Window> windows = new ArrayList<>();
            for (Map.Entry<Long, CollapseWindow> w : g.getValue().entrySet()) {
                windows.add(stats(label.apply(w.getKey()), w.getValue(), s));
            }
            List<CollapseReport.Window> judged = windows.stream().filter(w -> !w.insufficient()).toList();
            List<CollapseReport.Signal> signals = new ArrayList<>();
            boolean insufficient = judged.size() < MIN_WINDOWS;
            if (!insufficient) {
                signals.add(divergence(judged, s.alpha()));
                signals.add(decoupling(judged, s.alpha()));
                signals.add(length(judged, s.alpha()));
                signals.add(diversity(judged, s.alpha()));
            }
            CollapseReport.Comparison cmp = null;
            if (reference != null && !g.getKey().equals(reference0)) {
                cmp = compare(total(g.getValue().values(), s), reference, against);
                signals.add(new CollapseReport.Signal("version_comparison", cmp.flagged(), String.format(Locale.ROOT,
                        "against %s: proxy %+.4f [%+.4f, %+.4f], satisfaction %+.4f [%+.4f, %+.4f]", against,
                        cmp.proxyLift(), cmp.proxyLow(), cmp.proxyHigh(), cmp.satisfactionLift(),
                        cmp.satisfactionLow(), cmp.satisfactionHigh())));
                // a comparison with no interval (too few scored requests on a side) judges nothing
                insufficient = insufficient && (Double.isNaN(cmp.proxyLow()) || Double.isNaN(cmp.satisfactionLow()));
            }
            out.add(new CollapseReport.Group(key, windows, signals, cmp, insufficient));
        }
        return new CollapseReport(s, scan.groupBy(), out);
    }

    private static CollapseWindow total(Iterable<CollapseWindow> ws, CollapseSettings s) {
        CollapseWindow t = new CollapseWindow(s.pairs(), s.responses());
        ws.forEach(t::merge);
        return t;
    }

    static CollapseReport.Window stats(String label, CollapseWindow w, CollapseSettings s) {
        long n = w.scored;
        double pm = n == 0 ? Double.NaN : w.proxySum.value() / n;
        double qm = n == 0 ? Double.NaN : w.satSum.value() / n;
        double ph = half(w.proxySq.value(), pm, n);
        double qh = half(w.satSq.value(), qm, n);
        double[] px = new double[w.pairs.size()];
        double[] qx = new double[w.pairs.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = w.pairs.get(i)[0];
            qx[i] = w.pairs.get(i)[1];
        }
        double rho = px.length >= 3 ? Trend.spearman(px, qx).rho() : Double.NaN;
        return new CollapseReport.Window(label, w.requests, n, pm, pm - ph, pm + ph, qm, qm - qh, qm + qh, rho,
                w.proxyPositive == 0 ? Double.NaN : (double) w.clickbait / w.proxyPositive,
                w.length.count() == 0 ? Double.NaN : w.length.quantile(0.5),
                Diversity.distinctN(w.responses, 2), NearDuplicates.share(w.responses, 0.8),
                n < s.minWindow() || constant(w.proxySq.value(), pm, n));
    }

    /** A proxy that takes one value in a window (every request clicked) says nothing about that window. */
    static boolean constant(double sq, double mean, long n) {
        if (n < 2) {
            return true;
        }
        double var = (sq - n * mean * mean) / (n - 1);
        return var <= 1e-12 * (1 + mean * mean);
    }

    /** Half the width of a 95% normal interval for a mean from its sum of squares. */
    private static double half(double sq, double mean, long n) {
        if (n < 2) {
            return Double.NaN;
        }
        double var = Math.max(0, (sq - n * mean * mean) / (n - 1));
        return Z95 * Math.sqrt(var / n);
    }

    private static Trend.MannKendall trend(List<CollapseReport.Window> ws, ToDoubleFunction<CollapseReport.Window> f) {
        double[] v = ws.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).toArray();
        return v.length < MIN_WINDOWS ? null : Trend.mannKendall(v);
    }

    private static String describe(String what, Trend.MannKendall m, List<CollapseReport.Window> ws,
                                   ToDoubleFunction<CollapseReport.Window> f) {
        return String.format(Locale.ROOT, "%s %.4g -> %.4g (Mann-Kendall z=%.2f, p=%.3g)", what,
                f.applyAsDouble(ws.get(0)), f.applyAsDouble(ws.get(ws.size() - 1)), m.z(), m.pValue());
    }

    private static String span(List<CollapseReport.Window> ws) {
        return "over " + ws.size() + " windows from " + ws.get(0).label() + " to " + ws.get(ws.size() - 1).label();
    }

    static CollapseReport.Signal divergence(List<CollapseReport.Window> ws, double alpha) {
        Trend.MannKendall sat = trend(ws, CollapseReport.Window::satisfactionMean);
        Trend.MannKendall proxy = trend(ws, CollapseReport.Window::proxyMean);
        boolean fired = sat != null && proxy != null && sat.direction(alpha) < 0 && proxy.direction(alpha) >= 0;
        return new CollapseReport.Signal("divergence", fired, sat == null || proxy == null ? "no data"
                : span(ws) + ": " + describe("satisfaction", sat, ws, CollapseReport.Window::satisfactionMean) + "; "
                + describe("proxy", proxy, ws, CollapseReport.Window::proxyMean));
    }

    static CollapseReport.Signal decoupling(List<CollapseReport.Window> ws, double alpha) {
        Trend.MannKendall rho = trend(ws, CollapseReport.Window::rho);
        boolean fired = rho != null && rho.direction(alpha) < 0;
        return new CollapseReport.Signal("decoupling", fired, rho == null ? "no data"
                : span(ws) + ": " + describe("proxy-satisfaction correlation", rho, ws, CollapseReport.Window::rho));
    }

    static CollapseReport.Signal length(List<CollapseReport.Window> ws, double alpha) {
        Trend.MannKendall len = trend(ws, CollapseReport.Window::medianLength);
        Trend.MannKendall sat = trend(ws, CollapseReport.Window::satisfactionMean);
        boolean fired = len != null && sat != null && len.direction(alpha) > 0 && sat.direction(alpha) <= 0;
        return new CollapseReport.Signal("length_exploitation", fired, len == null || sat == null ? "no data"
                : span(ws) + ": " + describe("median output tokens", len, ws, CollapseReport.Window::medianLength)
                + "; " + describe("satisfaction", sat, ws, CollapseReport.Window::satisfactionMean));
    }

    static CollapseReport.Signal diversity(List<CollapseReport.Window> ws, double alpha) {
        Trend.MannKendall d2 = trend(ws, CollapseReport.Window::distinct2);
        Trend.MannKendall dup = trend(ws, CollapseReport.Window::nearDuplicates);
        boolean fired = d2 != null && d2.direction(alpha) < 0 || dup != null && dup.direction(alpha) > 0;
        List<String> parts = new ArrayList<>();
        if (d2 != null) {
            parts.add(describe("distinct-2", d2, ws, CollapseReport.Window::distinct2));
        }
        if (dup != null) {
            parts.add(describe("near-duplicate share", dup, ws, CollapseReport.Window::nearDuplicates));
        }
        return new CollapseReport.Signal("diversity_collapse", fired,
                parts.isEmpty() ? "no responses" : span(ws) + ": " + String.join("; ", parts));
    }

    static CollapseReport.Comparison compare(CollapseWindow v, CollapseWindow ref, String against) {
        double[] p = lift(v.proxySum.value(), v.proxySq.value(), v.scored, ref.proxySum.value(), ref.proxySq.value(), ref.scored);
        double[] q = lift(v.satSum.value(), v.satSq.value(), v.scored, ref.satSum.value(), ref.satSq.value(), ref.scored);
        return new CollapseReport.Comparison(against, p[0], p[1], p[2], q[0], q[1], q[2], p[1] > 0 && q[2] < 0);
    }

    /** Difference of means with a 95% Welch-style normal interval: {lift, low, high}. */
    static double[] lift(double sa, double qa, long na, double sb, double qb, long nb) {
        if (na < 2 || nb < 2) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double ma = sa / na;
        double mb = sb / nb;
        double va = Math.max(0, (qa - na * ma * ma) / (na - 1));
        double vb = Math.max(0, (qb - nb * mb * mb) / (nb - 1));
        double se = Math.sqrt(va / na + vb / nb);
        double d = ma - mb;
        return new double[] {d, d - Z95 * se, d + Z95 * se};
    }

    static Map<String, String> key(List<String> groupBy, GroupKey key) {
        return key.fields(groupBy);
    }
}
