package dev.mlops.experiment;

import dev.mlops.stats.ConfidenceSequence;
import dev.mlops.stats.MultipleTesting;
import dev.mlops.stats.Ratio;
import dev.mlops.stats.SampleSize;
import dev.mlops.stats.TwoSample;
import java.util.ArrayList;
import java.util.List;

/** One arm against the control on one metric, from their moments; and the correction over a family. */
final class AbCompare {
    private AbCompare() {
    }

    /** The test's settings. */
    record Settings(double alpha, boolean sequential, double nStar) {
    }

    /**
     * Compares arm t with control c: the delta method for a per-request ratio (unless every unit
     * had one request; CUPED-adjusted on the linearised values of {@code linear}, treatment then control,
     * with a pre-period), else CUPED-adjusted Welch with a pre-period, else the two-proportion z-test
     * when every unit's value is 0 or 1, else Welch. {@code theta} is NaN without a pre-period.
     */
    static AbReport.Comparison compare(String segment, Metric metric, String arm, String control, ArmMoments t,
                                       ArmMoments c, ArmMoments[] linear, double theta, double preMean, Settings s) {
        if (t.n < 2 || c.n < 2) {
            return new AbReport.Comparison(segment, metric.name(), arm, control, "none", c.n, t.n,
                    c.n == 0 ? Double.NaN : c.mean(), t.n == 0 ? Double.NaN : t.mean(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                    Double.NaN, null, "insufficient data");
        }
        boolean ratio = metric.kind().ratio() && !(t.oneRequestEach && c.oneRequestEach);
        String test;
        double mt;
        double mc;
        double vt;
        double vc;
        TwoSample.Result r;
        AbReport.CupedFit cuped = null;
        if (ratio) {
            Ratio.Mean rt = Ratio.of(t.n, t.num, t.den, t.num2, t.den2, t.numDen);
            Ratio.Mean rc = Ratio.of(c.n, c.num, c.den, c.num2, c.den2, c.numDen);
            mt = rt.mean();
            mc = rc.mean();
            vt = rt.variance();
            vc = rc.variance();
            if (linear != null && !Double.isNaN(theta)) {
                ArmMoments lt = linear[0];
                ArmMoments lc = linear[1];
                double raw = lt.variance() / lt.n + lc.variance() / lc.n;
                mt -= theta * (lt.x / lt.n);
                mc -= theta * (lc.x / lc.n);
                vt = lt.adjustedVariance(theta) / lt.n;
                vc = lc.adjustedVariance(theta) / lc.n;
                cuped = new AbReport.CupedFit(theta, raw == 0 ? 0 : 1 - (vt + vc) / raw, lt.withPre + lc.withPre);
            }
            r = TwoSample.normal(mt - mc, Math.sqrt(vt + vc));
            test = "delta";
        } else if (!Double.isNaN(theta)) {
            mt = t.mean() - theta * (t.x / t.n - preMean);
            mc = c.mean() - theta * (c.x / c.n - preMean);
            double at = t.adjustedVariance(theta);
            double ac = c.adjustedVariance(theta);
            vt = at / t.n;
            vc = ac / c.n;
            r = TwoSample.welch(mt, at, t.n, mc, ac, c.n);
            double raw = t.variance() / t.n + c.variance() / c.n;
            cuped = new AbReport.CupedFit(theta, raw == 0 ? 0 : 1 - (vt + vc) / raw, t.withPre + c.withPre);
            test = "welch";
        } else if (t.binary && c.binary) {
            mt = t.mean();
            mc = c.mean();
            vt = mt * (1 - mt) / t.n;
            vc = mc * (1 - mc) / c.n;
            r = TwoSample.proportions(Math.round(t.y), t.n, Math.round(c.y), c.n);
            test = "z";
        } else {
            mt = t.mean();
            mc = c.mean();
            vt = t.variance() / t.n;
            vc = c.variance() / c.n;
            r = TwoSample.welch(mt, t.variance(), t.n, mc, c.variance(), c.n);
            test = "welch";
        }
        double[] lift = Ratio.relativeLift(mt, vt, mc, vc);
        double[] diffCi = r.interval(s.alpha());
        double zq = TwoSample.z(1 - s.alpha() / 2);
        double liftLow = lift[0] - zq * lift[1];
        double liftHigh = lift[0] + zq * lift[1];
        double p = r.p();
        if (s.sequential()) {
            long n = t.n + c.n;
            double rho = ConfidenceSequence.rho(s.alpha(), s.nStar());
            double hw = ConfidenceSequence.halfWidth(r.se(), n, s.alpha(), rho);
            double hwLift = ConfidenceSequence.halfWidth(lift[1], n, s.alpha(), rho);
            diffCi = new double[] {r.difference() - hw, r.difference() + hw};
            liftLow = lift[0] - hwLift;
            liftHigh = lift[0] + hwLift;
            p = ConfidenceSequence.pValue(r.difference(), r.se(), n, rho);
        }
        return new AbReport.Comparison(segment, metric.name(), arm, control, test, c.n, t.n, mc, mt, r.difference(),
                diffCi[0], diffCi[1], lift[0], liftLow, liftHigh, p, r.p(), Double.NaN, false,
                SampleSize.detectable(r.se(), s.alpha(), 0.8), cuped, "inconclusive");
    }

    /**
     * The family's p-values adjusted (bh, holm or none), and each comparison's significance and
     * verdict: better or worse when significant, by the metric's direction.
     */
    static List<AbReport.Comparison> adjust(List<AbReport.Comparison> family, String correction, double alpha,
                                            java.util.function.Predicate<String> lowerIsBetter) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            if (!Double.isNaN(family.get(i).p())) {
                tested.add(i);
            }
        }
        double[] p = new double[tested.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = family.get(tested.get(i)).p();
        }
        double[] adj = switch (correction) {
            case "bh" -> MultipleTesting.benjaminiHochberg(p);
            case "holm" -> MultipleTesting.holm(p);
            default -> p.clone();
        };
        List<AbReport.Comparison> out = new ArrayList<>(family);
        for (int i = 0; i < p.length; i++) {
            AbReport.Comparison c = family.get(tested.get(i));
            boolean sig = adj[i] < alpha;
            boolean lowerWins = lowerIsBetter.test(c.metric());
            String verdict = !sig || c.difference() == 0 ? "inconclusive"
                    : (c.difference() < 0) == lowerWins ? "better" : "worse";
            out.set(tested.get(i), new AbReport.Comparison(c.segment(), c.metric(), c.arm(), c.control(), c.test(),
                    c.unitsControl(), c.unitsArm(), c.meanControl(), c.meanArm(), c.difference(), c.differenceLow(),
                    c.differenceHigh(), c.lift(), c.liftLow(), c.liftHigh(), c.p(), c.pFixed(), adj[i], sig, c.mde(),
                    c.cuped(), verdict));
        }
        return out;
    }
}
