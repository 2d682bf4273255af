package dev.mlops.selection;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Duplicate clusters among candidates: exact duplicates of normalised text (NFKC, lowercase,
 * punctuation dropped, white space folded), and near duplicates: MinHash signatures over word
 * shingles (the set of words) with LSH (16 bands of 8 of 128 hashes: a pair at Jaccard 0.85 shares
 * a band with probability 0.994, a pair at 0.3 with 0.001; texts of at most 30 distinct words also
 * in 32 bands of 4, as one edit moves a short text's similarity most) propose pairs; a proposed pair whose
 * signatures agree on at least threshold − 0.15 of the hashes is checked, and it is a near
 * duplicate when the exact Jaccard similarity of its word sets reaches the threshold. Clusters are
 * transitive (union-find); only one member of a cluster is picked.
 */
public final class Dedup {
    static final int HASHES = 128;
    static final int BANDS = 16;
    static final int ROWS = HASHES / BANDS;
    /** Texts of at most this many distinct words are also banded finer. */
    static final int SHORT_WORDS = 30;
    static final int SHORT_BANDS = 32;

    private Dedup() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return t.replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").trim();
    }

    /** The text a candidate is deduplicated on: prompt, response, or both. */
    public static String keyText(Candidate c, String on) {
        switch (on) {
            case "response": return normalize(c.record().response());
            case "both": return normalize(c.record().prompt()) + " \u0001 " + normalize(c.record().response());
            default: return normalize(c.record().prompt());
        }
    }

    /** For each candidate (by index), the index of its cluster's representative. */
    public static int[] clusters(List<Candidate> candidates, String on, double threshold) {
        int n = candidates.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        String[] text = new String[n];
        Map<String, Integer> exact = new HashMap<>();
        for (int i = 0; i < n; i++) {
            text[i] = keyText(candidates.get(i), on);
            Integer j = exact.putIfAbsent(text[i], i);
            if (j != null) {
                union(parent, i, j);
            }
        }
        if (threshold > 0 && threshold < 1) {
            long[][] sig = new long[n][];
            List<Set<String>> words = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                sig[i] = signature(text[i]);
                words.add(new HashSet<>(List.of(text[i].split(" "))));
            }
            band(sig, words, parent, threshold, BANDS, ROWS, null);
            // a short text changes a larger share of its words with each edit: band its signature
            // finer (32 bands of 4, so a pair at Jaccard 0.8 meets with probability 1 − 2e-8)
            boolean[] shortText = new boolean[n];
            for (int i = 0; i < n; i++) {
                shortText[i] = words.get(i).size() <= SHORT_WORDS;
            }
            band(sig, words, parent, threshold, SHORT_BANDS, HASHES / SHORT_BANDS, shortText);
        }
        int[] rep = new int[n];
        for (int i = 0; i < n; i++) {
            rep[i] = find(parent, i);
        }
        return rep;
    }

    /** Proposes pairs that share a band of {@code rows} hashes; among {@code only} texts when given. */
    private static void band(long[][] sig, List<Set<String>> words, int[] parent, double threshold, int bands, int rows,
                             boolean[] only) {
        int n = sig.length;
        for (int b = 0; b < bands; b++) {
            Map<Long, List<Integer>> bucket = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (only != null && !only[i]) {
                    continue;
                }
                long h = 0;
                for (int r = 0; r < rows; r++) {
                    h = h * 0x100000001b3L + sig[i][b * rows + r];
                }
                List<Integer> members = bucket.computeIfAbsent(h, k -> new java.util.ArrayList<>());
                for (int j : members) {
                    if (find(parent, i) != find(parent, j) && agree(sig[i], sig[j]) >= (threshold - 0.15) * HASHES
                            && jaccard(words.get(i), words.get(j)) >= threshold) {
                        union(parent, i, j);
                    }
                }
                if (members.size() < 32) {
                    members.add(i);
                }
            }
        }
    }

    private static int agree(long[] a, long[] b) {
        int s = 0;
        for (int k = 0; k < HASHES; k++) {
            s += a[k] == b[k] ? 1 : 0;
        }
        return s;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int inter = 0;
        for (String w : a) {
            inter += b.contains(w) ? 1 : 0;
        }
        return (double) inter / (a.size() + b.size() - inter);
    }

    static long[] signature(String text) {
        Set<String> shingles = new HashSet<>(List.of(text.split(" ")));
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (String s : shingles) {
            long h = s.hashCode() * 0x9E3779B97F4A7C15L;
            for (int k = 0; k < HASHES; k++) {
                long x = (h + (k + 1) * 0xBF58476D1CE4E5B9L) * 0x94D049BB133111EBL;
                x ^= x >>> 31;
                if (x < sig[k]) {
                    sig[k] = x;
                }
            }
        }
        return sig;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
