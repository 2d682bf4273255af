package dev.mlops.experiment;

/**
 * The analysed units of an experiment, in hash order: each one's arm (or -1 for a unit seen in
 * several), segment slot, and pre-period table. Rolls one metric up into per-arm moments.
 */
final class Units {
    private final UnitTable table;
    private final long[] keys;
    private final int[] index;
    private final int[] armOf;
    private final int[] segmentOf;
    private final int segments;
    private final int arms;
    private final UnitTable pre;

    Units(UnitTable table, long[] keys, int[] index, int[] armOf, int[] segmentOf, int segments, int arms, UnitTable pre) {
        this.table = table;
        this.keys = keys;
        this.index = index;
        this.armOf = armOf;
        this.segmentOf = segmentOf;
        this.segments = segments;
        this.arms = arms;
        this.pre = pre;
    }

    /**
     * One metric rolled up: moments[slot][arm], slot 0 over all units and 1..S per segment; the
     * units with and without the metric; CUPED's θ and pooled pre-period mean (NaN without one);
     * and, for a per-request ratio with a pre-period, the moments of its linearised values (else null).
     */
    record Rollup(ArmMoments[][] moments, long with, long without, double theta, double preMean,
                  ArmMoments[][] linear) {
    }

    Rollup rollup(int k, Metric m) {
        ArmMoments[][] mo = new ArmMoments[segments + 1][arms];
        for (ArmMoments[] row : mo) {
            for (int a = 0; a < arms; a++) {
                row[a] = new ArmMoments();
            }
        }
        long with = 0;
        long without = 0;
        double preSum = 0;
        long preN = 0;
        boolean cuped = pre != null;
        if (cuped) {
            for (int i = 0; i < keys.length; i++) {
                if (armOf[i] >= 0) {
                    double x = preValue(keys[i], k, m);
                    if (!Double.isNaN(x)) {
                        preSum += x;
                        preN++;
                    }
                }
            }
        }
        double preMean = preN == 0 ? Double.NaN : preSum / preN;
        cuped &= preN > 0;
        boolean oneEach = true;
        for (int i = 0; i < keys.length; i++) {
            int a = armOf[i];
            if (a < 0) {
                continue;
            }
            int u = index[i];
            int count = table.count(u, k);
            if (count == 0 && m.kind() != Metric.Kind.COUNT) {
                without++;
                continue;
            }
            with++;
            double sum = table.sum(u, k);
            double y = switch (m.kind()) {
                case COUNT -> count;
                case SUM -> sum;
                case ANY -> sum > 0 ? 1 : 0;
                case RATE, MEAN -> sum / count;
            };
            double num = m.kind().ratio() ? sum : y;
            double den = m.kind().ratio() ? count : 1;
            oneEach &= den == 1;
            double x = Double.NaN;
            if (cuped) {
                x = preValue(keys[i], k, m);
            }
            add(mo[0][a], y, num, den, x, preMean, cuped);
            if (segmentOf[i] > 0) {
                add(mo[segmentOf[i]][a], y, num, den, x, preMean, cuped);
            }
        }
        double theta = cuped ? thetaOf(mo[0]) : Double.NaN;
        ArmMoments[][] linear = null;
        if (pre != null && m.kind().ratio() && !oneEach) {
            linear = linearised(k, mo);
            if (linear != null) {
                theta = thetaOf(linear[0]);
                preMean = 0;
            }
        }
        return new Rollup(mo, with, without, theta, preMean, linear);
    }

    private static double thetaOf(ArmMoments[] arms) {
        long n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (ArmMoments am : arms) {
            n += am.n;
            sx += am.x;
            sy += am.y;
            sxx += am.x2;
            sxy += am.xy;
        }
        return dev.mlops.stats.Cuped.theta(n, sx, sy, sxx, sxy);
    }

    /**
     * CUPED for a per-request ratio, by the delta method's linearisation: a unit's post value is
     * (num − R·den) / mean(den), R and mean(den) those of its arm (and segment); its pre value
     * (num' − R'·den') / mean(den'), R' and mean(den') pooled over the units with a pre-period, and 0
     * (the pooled mean) for a unit without one. Null when no unit has a pre-period value.
     */
    private ArmMoments[][] linearised(int k, ArmMoments[][] mo) {
        double preNum = 0;
        double preDen = 0;
        long preN = 0;
        for (int i = 0; i < keys.length; i++) {
            if (armOf[i] >= 0 && table.count(index[i], k) > 0) {
                int p = pre.find(keys[i]);
                if (p >= 0 && pre.count(p, k) > 0) {
                    preNum += pre.sum(p, k);
                    preDen += pre.count(p, k);
                    preN++;
                }
            }
        }
        if (preN == 0) {
            return null;
        }
        double preRatio = preNum / preDen;
        double preMeanDen = preDen / preN;
        ArmMoments[][] lin = new ArmMoments[mo.length][arms];
        for (ArmMoments[] row : lin) {
            for (int a = 0; a < arms; a++) {
                row[a] = new ArmMoments();
            }
        }
        for (int i = 0; i < keys.length; i++) {
            int a = armOf[i];
            int u = index[i];
            int count = a < 0 ? 0 : table.count(u, k);
            if (count == 0) {
                continue;
            }
            double num = table.sum(u, k);
            int p = pre.find(keys[i]);
            boolean observed = p >= 0 && pre.count(p, k) > 0;
            double x = observed ? (pre.sum(p, k) - preRatio * pre.count(p, k)) / preMeanDen : 0;
            for (int slot : segmentOf[i] > 0 ? new int[] {0, segmentOf[i]} : new int[] {0}) {
                ArmMoments arm = mo[slot][a];
                double ratio = arm.num / arm.den;
                double y = (num - ratio * count) / (arm.den / arm.n);
                lin[slot][a].addUnit(y, y, 1);
                lin[slot][a].addPre(x, y, observed);
            }
        }
        return lin;
    }

    private static void add(ArmMoments am, double y, double num, double den, double x, double preMean, boolean cuped) {
        am.addUnit(y, num, den);
        if (cuped) {
            am.addPre(Double.isNaN(x) ? preMean : x, y, !Double.isNaN(x));
        }
    }

    /** A unit's pre-period value of the metric, NaN when it has none. */
    private double preValue(long key, int k, Metric m) {
        int p = pre.find(key);
        if (p < 0) {
            return Double.NaN;
        }
        int count = pre.count(p, k);
        if (count == 0 && m.kind() != Metric.Kind.COUNT) {
            return Double.NaN;
        }
        double sum = pre.sum(p, k);
        return switch (m.kind()) {
            case COUNT -> count;
            case SUM -> sum;
            case ANY -> sum > 0 ? 1 : 0;
            case RATE, MEAN -> sum / count;
        };
    }
}
