package dev.mlops.preference;

import dev.mlops.stats.BradleyTerry;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Votes aggregated to their unique (model a, model b, outcome) categories, as FastChat does before
 * fitting: a bootstrap draws the votes' categories (a multinomial resample of all the votes) and
 * fits Bradley-Terry on the counts, so that a fit costs the number of pairs, not of votes.
 */
final class Categories {
    private final int models;
    private final int[] a;
    private final int[] b;
    private final double[] score;
    private final int[] categoryOf;

    private Categories(int models, int[] a, int[] b, double[] score, int[] categoryOf) {
        this.models = models;
        this.a = a;
        this.b = b;
        this.score = score;
        this.categoryOf = categoryOf;
    }

    static Categories of(int models, int[] va, int[] vb, double[] vs) {
        Map<Long, Integer> index = new HashMap<>();
        int[] categoryOf = new int[va.length];
        java.util.List<int[]> keys = new java.util.ArrayList<>();
        for (int v = 0; v < va.length; v++) {
            long key = ((long) va[v] * models + vb[v]) * 3 + (vs[v] == 1 ? 0 : vs[v] == 0 ? 1 : 2);
            Integer c = index.get(key);
            if (c == null) {
                c = keys.size();
                index.put(key, c);
                keys.add(new int[] {va[v], vb[v], vs[v] == 1 ? 0 : vs[v] == 0 ? 1 : 2});
            }
            categoryOf[v] = c;
        }
        int k = keys.size();
        int[] a = new int[k];
        int[] b = new int[k];
        double[] s = new double[k];
        for (int c = 0; c < k; c++) {
            a[c] = keys.get(c)[0];
            b[c] = keys.get(c)[1];
            s[c] = keys.get(c)[2] == 0 ? 1 : keys.get(c)[2] == 1 ? 0 : 0.5;
        }
        return new Categories(models, a, b, s, categoryOf);
    }

    /**
     * Bootstrap fits, boot[model][fit]: fit k draws its resample from a generator seeded by the seed
     * and k, so the intervals do not depend on how many threads run the fits. With an anchor (its
     * index, else -1) each fit is shifted to put that model at its fixed rating.
     */
    double[][] bootstrap(CompareAnalysis.Options o, double[] start, int anchor) {
        int fits = o.bootstrap();
        double[][] boot = new double[models][fits];
        int n = categoryOf.length;
        IntStream.range(0, fits).parallel().forEach(k -> {
            SplittableRandom r = new SplittableRandom(o.seed() * 0x9E3779B97F4A7C15L + k);
            long[] counts = new long[a.length];
            for (int v = 0; v < n; v++) {
                counts[categoryOf[r.nextInt(n)]]++;
            }
            double[][] wins = new double[models][models];
            for (int c = 0; c < a.length; c++) {
                wins[a[c]][b[c]] += counts[c] * score[c];
                wins[b[c]][a[c]] += counts[c] * (1 - score[c]);
            }
            double[] fit = BradleyTerry.fit(wins, 1000, start, 1e-10);
            double shift = anchor < 0 ? 0 : o.anchorAt() - fit[anchor];
            for (int i = 0; i < models; i++) {
                boot[i][k] = fit[i] + shift;
            }
        });
        return boot;
    }
}
