package dev.mlops.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies of terms (words and bigrams) in bounded memory. A term is identified by
 * its length and a 64-bit polynomial hash of its characters, computed while the text is
 * tokenized, so that counting a term seen before neither allocates nor compares characters
 * (with 10^5 terms kept, the chance that two ever share a hash is about 3·10^-10). A slot's hash,
 * length, count and last document sit side by side in one array, so a lookup reads one cache line.
 * Memory is bounded Misra-Gries style: when the table holds twice {@code capacity} terms, every
 * count is lowered by the capacity-th largest and terms that reach zero are dropped. A kept count
 * is low by at most {@link #maxUndercount()}; frequent terms, the ones drift is about, are kept.
 * Mergeable.
 */
public final class TermCounter implements java.io.Serializable, Terms.Sink {
    public static final int DEFAULT_CAPACITY = 50_000;
    /** The multiplier of the term hash. */
    static final long P = 0x100000001b3L;
    private static final int HASH = 0;
    private static final int LENGTH = 1;
    private static final int COUNT = 2;
    private static final int LAST_DOC = 3;

    private final int capacity;
    /** Four longs a slot: hash, length (0 = empty), count, number of the last document that held it. */
    private long[] slots;
    private String[] keys;
    private int size;
    private long documents;
    private long total;
    private long undercount;
    private char[] scratch = new char[1024];

    public TermCounter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        slots = new long[64 * 4];
        keys = new String[64];
    }

    static long hash(String s) {
        long h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = h * P + s.charAt(i);
        }
        return h;
    }

    static int mix(long h) {
        long x = h * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }

    /** A buffer for tokenizing one document (a counter is used by one thread at a time). */
    char[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new char[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    /** Starts a document: each term counts once per document. */
    public void document() {
        documents++;
    }

    /** A term given as a whole string. */
    public void add(String term) {
        term(term.toCharArray(), 0, term.length(), null, 0, 0, hash(term));
    }

    /**
     * The term {@code a[s1, e1)}, or with {@code b != null} the bigram {@code a[s1,e1) + " " + b[s2,e2)},
     * whose hash is {@code hash}. Spans hold lowercase text.
     */
    @Override
    public void term(char[] a, int s1, int e1, char[] b, int s2, int e2, long hash) {
        long[] t = slots;
        int mask = keys.length - 1;
        int len = e1 - s1 + (b == null ? 0 : 1 + e2 - s2);
        int i = mix(hash) & mask;
        while (true) {
            int o = i << 2;
            long l = t[o + LENGTH];
            if (l == 0) {
                break;
            }
            if (t[o + HASH] == hash && l == len) {
                if (t[o + LAST_DOC] != documents) {
                    t[o + LAST_DOC] = documents;
                    t[o + COUNT]++;
                    total++;
                }
                return;
            }
            i = (i + 1) & mask;
        }
        total++;
        insert(i, b == null ? new String(a, s1, e1 - s1) : new String(a, s1, e1 - s1) + " " + new String(b, s2, e2 - s2),
                hash, 1, documents);
    }

    private void insert(int i, String key, long hash, long count, long doc) {
        int o = i << 2;
        slots[o + HASH] = hash;
        slots[o + LENGTH] = key.length();
        slots[o + COUNT] = count;
        slots[o + LAST_DOC] = doc;
        keys[i] = key;
        size++;
        if (size >= 2 * capacity) {
            prune();
        } else if (size * 2 > keys.length) {
            rehash(keys.length * 2);
        }
    }

    private void rehash(int n) {
        long[] old = slots;
        String[] oldKeys = keys;
        slots = new long[n * 4];
        keys = new String[n];
        int mask = n - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            int o = j << 2;
            if (old[o + LENGTH] != 0) {
                int i = mix(old[o + HASH]) & mask;
                while (slots[(i << 2) + LENGTH] != 0) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, o, slots, i << 2, 4);
                keys[i] = oldKeys[j];
            }
        }
    }

    private void prune() {
        long[] all = new long[size];
        int n = 0;
        for (int j = 0; j < keys.length; j++) {
            if (slots[(j << 2) + LENGTH] != 0) {
                all[n++] = slots[(j << 2) + COUNT];
            }
        }
        Arrays.sort(all);
        long cut = all[all.length - capacity];
        undercount += cut;
        size = 0;
        for (int j = 0; j < keys.length; j++) {
            int o = j << 2;
            if (slots[o + LENGTH] != 0) {
                slots[o + COUNT] -= cut;
                if (slots[o + COUNT] <= 0) {
                    slots[o + LENGTH] = 0;
                    keys[j] = null;
                } else {
                    size++;
                }
            }
        }
        rehash(keys.length);
    }

    public void merge(TermCounter o) {
        documents += o.documents;
        total += o.total;
        undercount += o.undercount;
        for (int j = 0; j < o.keys.length; j++) {
            int off = j << 2;
            if (o.slots[off + LENGTH] != 0) {
                put(o.keys[j], o.slots[off + HASH], o.slots[off + COUNT]);
            }
        }
    }

    /** Adds {@code c} to the count of {@code k}. */
    private void put(String k, long hash, long c) {
        int mask = keys.length - 1;
        int i = mix(hash) & mask;
        while (slots[(i << 2) + LENGTH] != 0) {
            int o = i << 2;
            if (slots[o + HASH] == hash && slots[o + LENGTH] == k.length()) {
                slots[o + COUNT] += c;
                return;
            }
            i = (i + 1) & mask;
        }
        insert(i, k, hash, c, -1);
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
        long h = hash(term);
        int mask = keys.length - 1;
        int i = mix(h) & mask;
        while (slots[(i << 2) + LENGTH] != 0) {
            int o = i << 2;
            if (slots[o + HASH] == h && slots[o + LENGTH] == term.length()) {
                return slots[o + COUNT];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    public Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>();
        for (int j = 0; j < keys.length; j++) {
            if (slots[(j << 2) + LENGTH] != 0) {
                out.put(keys[j], slots[(j << 2) + COUNT]);
            }
        }
        return out;
    }
}
