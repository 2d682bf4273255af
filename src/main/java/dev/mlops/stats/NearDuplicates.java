package dev.mlops.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The share of texts that have a near-duplicate among the others: MinHash signatures (64 hash
 * functions) over word 3-shingles estimate the Jaccard similarity of every pair, and a text counts
 * when some other text reaches {@code threshold}. Quadratic in the number of texts: use it on a
 * bounded sample.
 */
public final class NearDuplicates {
    static final int HASHES = 64;

    private NearDuplicates() {
    }

    public static double share(List<String> texts, double threshold) {
        int m = texts.size();
        if (m < 2) {
            return Double.NaN;
        }
        long[][] sig = new long[m][];
        for (int i = 0; i < m; i++) {
            sig[i] = signature(shingles(texts.get(i)));
        }
        boolean[] dup = new boolean[m];
        int need = (int) Math.ceil(threshold * HASHES);
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (dup[i] && dup[j]) {
                    continue;
                }
                int same = 0;
                for (int k = 0; k < HASHES; k++) {
                    if (sig[i][k] == sig[j][k]) {
                        same++;
                    }
                }
                if (same >= need) {
                    dup[i] = true;
                    dup[j] = true;
                }
            }
        }
        int n = 0;
        for (boolean d : dup) {
            n += d ? 1 : 0;
        }
        return (double) n / m;
    }

    static Set<String> shingles(String text) {
        String[] w = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        Set<String> out = new HashSet<>();
        if (w.length < 3) {
            out.add(String.join(" ", w));
            return out;
        }
        for (int i = 0; i + 3 <= w.length; i++) {
            out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        }
        return out;
    }

    static long[] signature(Set<String> shingles) {
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (String s : shingles) {
            long h = s.hashCode() * 0x9E3779B97F4A7C15L;
            for (int k = 0; k < HASHES; k++) {
                long x = (h + k * 0xBF58476D1CE4E5B9L) * 0x94D049BB133111EBL;
                x ^= x >>> 31;
                if (x < sig[k]) {
                    sig[k] = x;
                }
            }
        }
        return sig;
    }
}
