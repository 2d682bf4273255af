package dev.mlops.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Corrections for testing many hypotheses at once. */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /** Benjamini-Hochberg adjusted p-values (scipy.stats.false_discovery_control), in input order. */
    public static double[] benjaminiHochberg(double[] p) {
        int n = p.length;
        Integer[] order = ascending(p);
        double[] adjusted = new double[n];
        double min = 1;
        for (int r = n - 1; r >= 0; r--) {
            int i = order[r];
            min = Math.min(min, p[i] * n / (r + 1));
            adjusted[i] = min;
        }
        return adjusted;
    }

    /** Holm's step-down adjusted p-values (statsmodels multipletests method="holm"), in input order. */
    public static double[] holm(double[] p) {
        int n = p.length;
        Integer[] order = ascending(p);
        double[] adjusted = new double[n];
        double max = 0;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            max = Math.max(max, Math.min(1, p[i] * (n - r)));
            adjusted[i] = max;
        }
        return adjusted;
    }

    /** The indices of p, from the smallest p to the largest. */
    private static Integer[] ascending(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }
}
