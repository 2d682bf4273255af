package dev.mlops.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Diversity of generated text. */
public final class Diversity {
    private Diversity() {
    }

    /**
     * distinct-n: distinct n-grams over all n-grams, across texts split on white space and
     * lowercased (Li et al. 2016). NaN when there is no n-gram.
     */
    public static double distinctN(List<String> texts, int n) {
        Set<String> unique = new HashSet<>();
        long total = 0;
        for (String t : texts) {
            String[] w = t.toLowerCase(Locale.ROOT).trim().split("\\s+");
            if (w.length == 1 && w[0].isEmpty()) {
                continue;
            }
            for (int i = 0; i + n <= w.length; i++) {
                unique.add(String.join(" ", java.util.Arrays.asList(w).subList(i, i + n)));
                total++;
            }
        }
        return total == 0 ? Double.NaN : (double) unique.size() / total;
    }
}
