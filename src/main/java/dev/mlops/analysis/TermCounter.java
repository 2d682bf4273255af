package dev.mlops.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies of terms in bounded memory (Misra-Gries): at most {@code capacity} terms
 * are kept; when the table holds twice that, every count is lowered by the capacity-th largest
 * and terms that reach zero are dropped. A kept count is low by at most documents/capacity;
 * frequent terms, the ones drift is about, are kept. Mergeable.
 */
public final class TermCounter {
    public static final int DEFAULT_CAPACITY = 50_000;

    private final int capacity;
    private final HashMap<String, long[]> counts = new HashMap<>();
    private long documents;
    private long total;
    private long undercount;

    public TermCounter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public void document() {
        documents++;
    }

    public void add(String term) {
        total++;
        long[] c = counts.get(term);
        if (c == null) {
            counts.put(term, new long[] {1});
            if (counts.size() >= 2 * capacity) {
                prune();
            }
        } else {
            c[0]++;
        }
    }

    private void prune() {
        long[] all = new long[counts.size()];
        int i = 0;
        for (long[] c : counts.values()) {
            all[i++] = c[0];
        }
        Arrays.sort(all);
        long cut = all[all.length - capacity];
        undercount += cut;
        counts.values().removeIf(c -> (c[0] -= cut) <= 0);
    }

    public void merge(TermCounter o) {
        documents += o.documents;
        total += o.total;
        undercount += o.undercount;
        o.counts.forEach((t, c) -> counts.computeIfAbsent(t, k -> new long[1])[0] += c[0]);
        while (counts.size() >= 2 * capacity) {
            prune();
        }
    }

    public long documents() {
        return documents;
    }

    /** Term occurrences counted (one per document a term appears in). */
    public long total() {
        return total;
    }

    /** The most any kept count may be below the true one. */
    public long maxUndercount() {
        return undercount;
    }

    public long count(String term) {
        long[] c = counts.get(term);
        return c == null ? 0 : c[0];
    }

    public Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((t, c) -> out.put(t, c[0]));
        return out;
    }
}
