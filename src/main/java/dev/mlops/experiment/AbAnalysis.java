package dev.mlops.experiment;

import dev.mlops.logs.InputException;
import dev.mlops.stats.ChiSquare;
import dev.mlops.stats.MantelHaenszel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** From the rolled-up units of an experiment (and of its pre-period) to its {@link AbReport}. */
public final class AbAnalysis {
    /** Sample-ratio mismatch is flagged below this p-value. */
    public static final double SRM_P = 0.001;
    /** Arms with fewer units skip the sample-ratio test. */
    public static final int SRM_MIN_UNITS = 8;
    static final String NONE = "(none)";
    static final String SEVERAL = "(several)";
    static final String OTHER = "(other)";

    /**
     * How the comparisons are made.
     *
     * @param control     the baseline arm, or null for the first by name
     * @param split       expected share by arm (any positive weights), or empty for equal shares
     * @param maxSegments segments kept by units; the rest are merged into "(other)"
     * @param dropUncovered leave out (with a warning) metrics that no unit carries: for the default metrics
     */
    public record Options(String control, double alpha, String correction, boolean sequential, double nStar,
                          Map<String, Double> split, int maxSegments, boolean dropUncovered) {
    }

    private AbAnalysis() {
    }

    public static AbReport analyze(AbScan post, AbScan pre, Options o) {
        List<String> names = new ArrayList<>(post.arms());
        names.sort(Comparator.naturalOrder());
        String armField = post.settings().armField() == null ? "arm" : post.settings().armField();
        if (names.size() < 2) {
            throw new InputException(names.isEmpty() ? "no request has an arm (" + armField + ") and a unit ("
                    + post.settings().unitField() + ")" : "only one arm (" + names.get(0) + ") in " + armField
                    + ": an A/B test needs two");
        }
        String control = o.control() != null ? o.control() : names.get(0);
        int c = names.indexOf(control);
        if (c < 0) {
            throw new InputException("--control " + control + ": no arm is named so (arms: " + String.join(", ", names) + ")");
        }
        UnitTable t = post.units();
        long[] keys = t.sortedKeys();
        int[] sortedArm = new int[post.arms().size()];
        for (int i = 0; i < sortedArm.length; i++) {
            sortedArm[i] = names.indexOf(post.arms().get(i));
        }
        int[] units = new int[keys.length];
        int[] armOf = new int[keys.length];
        long[] perArm = new long[names.size()];
        long multi = 0;
        for (int i = 0; i < keys.length; i++) {
            units[i] = t.find(keys[i]);
            long m = t.arms(units[i]);
            armOf[i] = Long.bitCount(m) == 1 ? sortedArm[Long.numberOfTrailingZeros(m)] : -1;
            if (armOf[i] >= 0) {
                perArm[armOf[i]]++;
            } else {
                multi++;
            }
        }
        List<String> warnings = new ArrayList<>();
        double[] shares = expectedShares(names, o.split());
        AbReport.Srm srm = srm(names, perArm, shares);
        if (srm.flagged()) {
            warnings.add(String.format(Locale.ROOT, "sample-ratio mismatch: units per arm do not fit the expected split "
                    + "(chi2 %.2f, p %.2g < %.3f); the assignment or the logging is broken, and no result can be trusted",
                    srm.chi2(), srm.p(), SRM_P));
        } else if (srm.skipped() != null) {
            warnings.add("sample-ratio test skipped: " + srm.skipped());
        }
        if (multi > 0) {
            warnings.add(String.format(Locale.ROOT, "%,d unit%s seen in more than one arm, left out of every metric",
                    multi, multi == 1 ? "" : "s"));
        }
        if (o.control() == null) {
            warnings.add("control: " + control + " (the first arm by name; name one with --control)");
        }
        if (post.withoutUnit() > 0) {
            warnings.add(String.format(Locale.ROOT, "%,d request%s without %s left out", post.withoutUnit(),
                    post.withoutUnit() == 1 ? "" : "s", post.settings().unitField()));
        }
        if (post.withoutArm() > 0) {
            warnings.add(String.format(Locale.ROOT, "%,d request%s without an arm (%s) left out", post.withoutArm(),
                    post.withoutArm() == 1 ? "" : "s", armField));
        }
        List<String> segmentNames = new ArrayList<>();
        int[] segOf = segments(post, units, armOf, o.maxSegments(), segmentNames, warnings);
        Units u = new Units(t, keys, units, armOf, segOf, segmentNames.size(), names.size(), pre == null ? null : pre.units());
        List<AbReport.Comparison> overall = new ArrayList<>();
        List<AbReport.Comparison> bySegment = new ArrayList<>();
        List<AbReport.Coverage> coverage = new ArrayList<>();
        AbCompare.Settings s = new AbCompare.Settings(o.alpha(), o.sequential(), o.nStar());
        List<Metric> metrics = post.settings().metrics();
        List<ArmMoments[][]> momentsByMetric = new ArrayList<>();
        List<Metric> compared = new ArrayList<>();
        for (int k = 0; k < metrics.size(); k++) {
            Metric m = metrics.get(k);
            Units.Rollup roll = u.rollup(k, m);
            coverage.add(new AbReport.Coverage(m.name(), roll.with(), roll.without()));
            if (o.dropUncovered() && roll.with() == 0) {
                warnings.add(m.name() + ": no unit carries it, so it is not compared (name metrics with --metric)");
                continue;
            }
            compared.add(m);
            momentsByMetric.add(roll.moments());
            if (roll.without() > 0 && m.kind() != Metric.Kind.COUNT) {
                warnings.add(String.format(Locale.ROOT, "%s: %,d unit%s without it, left out of it", m.name(),
                        roll.without(), roll.without() == 1 ? "" : "s"));
            }

            for (int slot = 0; slot <= segmentNames.size(); slot++) {
                ArmMoments[] arms = roll.moments()[slot];
                for (int a = 0; a < names.size(); a++) {
                    if (a == c) {
                        continue;
                    }
                    ArmMoments[] linear = roll.linear() == null ? null
                            : new ArmMoments[] {roll.linear()[slot][a], roll.linear()[slot][c]};
                    AbReport.Comparison cmp = AbCompare.compare(slot == 0 ? null : segmentNames.get(slot - 1), m,
                            names.get(a), control, arms[a], arms[c], linear, roll.theta(), roll.preMean(), s);
                    (slot == 0 ? overall : bySegment).add(cmp);
                }
            }
        }
        Map<String, Boolean> lower = new HashMap<>();
        metrics.forEach(m -> lower.put(m.name(), m.lowerIsBetter()));
        overall = AbCompare.adjust(overall, o.correction(), o.alpha(), lower::get);
        bySegment = AbCompare.adjust(bySegment, o.correction(), o.alpha(), lower::get);
        List<AbReport.Pooled> pooled = pooled(compared, names, c, overall, bySegment, momentsByMetric, warnings);
        List<AbReport.Arm> arms = new ArrayList<>();
        long analysed = keys.length - multi;
        for (int a = 0; a < names.size(); a++) {
            arms.add(new AbReport.Arm(names.get(a), perArm[a], analysed == 0 ? Double.NaN : (double) perArm[a] / analysed,
                    shares[a]));
        }
        int tests = overall.size();
        String family = String.format(Locale.ROOT, "%d test%s: %d metric%s × %d arm%s against %s", tests,
                tests == 1 ? "" : "s", compared.size(), compared.size() == 1 ? "" : "s", names.size() - 1,
                names.size() == 2 ? "" : "s", control);
        String segmentFamily = segmentNames.isEmpty() ? null : String.format(Locale.ROOT,
                "%d tests: %d segments × %d metric%s × %d arm%s", bySegment.size(), segmentNames.size(), compared.size(),
                compared.size() == 1 ? "" : "s", names.size() - 1, names.size() == 2 ? "" : "s");
        AbReport.Trust trust = new AbReport.Trust(post.records(), post.withoutUnit(), post.withoutArm(), keys.length,
                multi, srm, coverage);
        return new AbReport(armField, post.settings().unitField(), control, o.control() == null,
                post.settings().segmentField(), o.alpha(), o.correction(), o.sequential(), o.nStar(), trust, arms,
                overall, family, bySegment, segmentFamily, pooled, warnings);
    }

    private static double[] expectedShares(List<String> names, Map<String, Double> split) {
        double[] shares = new double[names.size()];
        if (split.isEmpty()) {
            java.util.Arrays.fill(shares, 1.0 / names.size());
            return shares;
        }
        for (String arm : split.keySet()) {
            if (!names.contains(arm)) {
                throw new InputException("--split names " + arm + ", which is not an arm (arms: " + String.join(", ", names) + ")");
            }
        }
        double total = split.values().stream().mapToDouble(Double::doubleValue).sum();
        for (int a = 0; a < names.size(); a++) {
            Double w = split.get(names.get(a));
            if (w == null) {
                throw new InputException("--split gives no share for arm " + names.get(a));
            }
            shares[a] = w / total;
        }
        return shares;
    }

    static AbReport.Srm srm(List<String> names, long[] perArm, double[] shares) {
        for (int a = 0; a < perArm.length; a++) {
            if (perArm[a] < SRM_MIN_UNITS) {
                return new AbReport.Srm(Double.NaN, Double.NaN, false, String.format(Locale.ROOT,
                        "arm %s has %d unit%s, fewer than %d", names.get(a), perArm[a], perArm[a] == 1 ? "" : "s",
                        SRM_MIN_UNITS));
            }
        }
        ChiSquare.Result r = ChiSquare.goodnessOfFit(shares, perArm);
        return new AbReport.Srm(r.statistic(), r.pValue(), r.pValue() < SRM_P, null);
    }

    /** Each analysed unit's segment slot (1..S; 0 without --segment-by), the names in slot order. */
    private static int[] segments(AbScan post, int[] units, int[] armOf, int max, List<String> names,
                                  List<String> warnings) {
        int[] segOf = new int[units.length];
        if (post.settings().segmentField() == null) {
            return segOf;
        }
        UnitTable t = post.units();
        String[] label = new String[units.length];
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < units.length; i++) {
            if (armOf[i] < 0) {
                continue;
            }
            int s = t.segment(units[i]);
            label[i] = s == UnitTable.NO_SEGMENT ? NONE : s == UnitTable.SEVERAL ? SEVERAL : post.segments().get(s);
            counts.merge(label[i], 1L, Long::sum);
        }
        List<String> byUnits = new ArrayList<>(counts.keySet());
        byUnits.sort(Comparator.comparing((String k) -> -counts.get(k)).thenComparing(Comparator.naturalOrder()));
        List<String> kept = new ArrayList<>(byUnits.subList(0, Math.min(max, byUnits.size())));
        kept.sort(Comparator.naturalOrder());
        if (byUnits.size() > max) {
            warnings.add(String.format(Locale.ROOT, "%d segments of %s; the %d with the fewest units are merged into %s",
                    byUnits.size(), post.settings().segmentField(), byUnits.size() - max, OTHER));
            kept.add(OTHER);
        }
        names.addAll(kept);
        for (int i = 0; i < units.length; i++) {
            if (label[i] != null) {
                int slot = kept.indexOf(label[i]);
                segOf[i] = 1 + (slot >= 0 ? slot : kept.size() - 1);
            }
        }
        return segOf;
    }

    /** Simpson's paradox per metric and arm, and the Mantel-Haenszel estimate for binary metrics. */
    private static List<AbReport.Pooled> pooled(List<Metric> metrics, List<String> names, int c,
                                                List<AbReport.Comparison> overall, List<AbReport.Comparison> bySegment,
                                                List<ArmMoments[][]> moments, List<String> warnings) {
        List<AbReport.Pooled> out = new ArrayList<>();
        if (bySegment.isEmpty()) {
            return out;
        }
        for (int k = 0; k < metrics.size(); k++) {
            String metric = metrics.get(k).name();
            ArmMoments[][] mk = moments.get(k);
            for (int a = 0; a < names.size(); a++) {
                if (a == c) {
                    continue;
                }
                String arm = names.get(a);
                AbReport.Comparison all = overall.stream().filter(x -> x.metric().equals(metric) && x.arm().equals(arm))
                        .findFirst().orElseThrow();
                int positive = 0;
                int negative = 0;
                List<MantelHaenszel.Table> tables = new ArrayList<>();
                boolean binary = all.test().equals("z");
                for (AbReport.Comparison seg : bySegment) {
                    if (seg.metric().equals(metric) && seg.arm().equals(arm) && !Double.isNaN(seg.difference())) {
                        positive += seg.difference() > 0 ? 1 : 0;
                        negative += seg.difference() < 0 ? 1 : 0;
                    }
                }
                for (int slot = 1; slot < mk.length; slot++) {
                    ArmMoments t = mk[slot][a];
                    ArmMoments ctl = mk[slot][c];
                    binary &= t.binary && ctl.binary;
                    if (t.n > 0 && ctl.n > 0) {
                        tables.add(new MantelHaenszel.Table(Math.round(t.y), t.n, Math.round(ctl.y), ctl.n));
                    }
                }
                double d = all.difference();
                boolean simpson = positive + negative >= 2 && (positive == 0 || negative == 0) && d != 0
                        && !Double.isNaN(d) && (d > 0) == (negative > 0);
                if (simpson) {
                    warnings.add(String.format(Locale.ROOT, "Simpson's paradox: %s of %s is %s than %s over all "
                            + "units, but %s in every segment; the segments' mix differs between the arms", metric, arm,
                            d > 0 ? "higher" : "lower", all.control(), d > 0 ? "lower" : "higher"));
                }
                double or = Double.NaN;
                double p = Double.NaN;
                if (binary && !tables.isEmpty()) {
                    or = MantelHaenszel.oddsRatio(tables);
                    p = MantelHaenszel.test(tables)[1];
                }
                out.add(new AbReport.Pooled(metric, arm, simpson, or, p));
            }
        }
        return out;
    }
}
