package dev.mlops.stats;

/** Agreement between raters: Cohen's κ for two, Fleiss' κ for more. */
public final class Agreement {
    private Agreement() {
    }

    /** Cohen's κ of two raters' labels (0..k−1) on the same items. */
    public static double cohen(int[] r1, int[] r2, int k) {
        int n = r1.length;
        double[] p1 = new double[k];
        double[] p2 = new double[k];
        double agree = 0;
        for (int i = 0; i < n; i++) {
            p1[r1[i]]++;
            p2[r2[i]]++;
            agree += r1[i] == r2[i] ? 1 : 0;
        }
        double po = agree / n;
        double pe = 0;
        for (int c = 0; c < k; c++) {
            pe += (p1[c] / n) * (p2[c] / n);
        }
        return pe == 1 ? Double.NaN : (po - pe) / (1 - pe);
    }

    /** Fleiss' κ from counts[item][category], every item rated by the same number of raters. */
    public static double fleiss(long[][] counts) {
        int items = counts.length;
        int k = counts[0].length;
        long raters = 0;
        for (long c : counts[0]) {
            raters += c;
        }
        double[] pj = new double[k];
        double pbar = 0;
        for (long[] row : counts) {
            double agree = 0;
            for (int j = 0; j < k; j++) {
                pj[j] += row[j];
                agree += row[j] * (row[j] - 1.0);
            }
            pbar += agree / (raters * (raters - 1.0));
        }
        pbar /= items;
        double pe = 0;
        for (int j = 0; j < k; j++) {
            double share = pj[j] / (items * (double) raters);
            pe += share * share;
        }
        return pe == 1 ? Double.NaN : (pbar - pe) / (1 - pe);
    }
}
