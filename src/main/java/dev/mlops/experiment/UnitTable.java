package dev.mlops.experiment;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-unit state in primitive arrays: an open-addressing table from a unit's 64-bit hash to a dense
 * index, and by index the arms it was seen in (a bit mask), its segment, and per metric the sum of
 * its requests' values and how many requests carried the metric. Sums are kept in fixed point (a
 * long, at each metric's resolution), so that they are exact and the same whatever order parts are
 * merged in. About 12 bytes a slot plus 12 + 12·metrics bytes a unit.
 */
final class UnitTable implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The segment of a unit whose requests carried no segment value. */
    static final int NO_SEGMENT = -1;
    /** The segment of a unit whose requests disagree on it. */
    static final int SEVERAL = -2;

    private final int metrics;
    private final double[] scales;
    private long[] keys;
    private int[] slots;
    private int mask;
    private int size;
    private long[] arms;
    private int[] segments;
    private long[][] sums;
    private int[][] counts;

    /** A table for metrics whose values are summed at resolutions 1 / scales[k]. */
    UnitTable(double[] scales) {
        this.metrics = scales.length;
        this.scales = scales.clone();
        keys = new long[1024];
        slots = new int[1024];
        Arrays.fill(slots, -1);
        mask = 1023;
        arms = new long[256];
        segments = new int[256];
        sums = new long[metrics][256];
        counts = new int[metrics][256];
    }

    int size() {
        return size;
    }

    int metrics() {
        return metrics;
    }

    /** The dense index of a unit, added (with no arm, segment or values) if new. */
    int index(long hash) {
        int i = (int) mix(hash) & mask;
        while (true) {
            int s = slots[i];
            if (s < 0) {
                break;
            }
            if (keys[i] == hash) {
                return s;
            }
            i = (i + 1) & mask;
        }
        if (size == arms.length) {
            growDense();
        }
        int s = size++;
        keys[i] = hash;
        slots[i] = s;
        segments[s] = Integer.MIN_VALUE;
        if (size * 4L > (mask + 1) * 3L) {
            rehash();
        }
        return s;
    }

    /** The dense index of a unit, or -1. */
    int find(long hash) {
        int i = (int) mix(hash) & mask;
        while (slots[i] >= 0) {
            if (keys[i] == hash) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    void arm(int unit, int arm) {
        arms[unit] |= 1L << arm;
    }

    long arms(int unit) {
        return arms[unit];
    }

    /** Records a request's segment: a unit keeps one segment while its requests agree. */
    void segment(int unit, int segment) {
        int s = segments[unit];
        if (s == Integer.MIN_VALUE) {
            segments[unit] = segment;
        } else if (s != segment) {
            segments[unit] = SEVERAL;
        }
    }

    int segment(int unit) {
        int s = segments[unit];
        return s == Integer.MIN_VALUE ? NO_SEGMENT : s;
    }

    void add(int unit, int metric, double value) {
        sums[metric][unit] += Math.round(value * scales[metric]);
        counts[metric][unit]++;
    }

    double sum(int unit, int metric) {
        return sums[metric][unit] / scales[metric];
    }

    int count(int unit, int metric) {
        return counts[metric][unit];
    }

    /** Every unit's hash, sorted: an order that does not depend on how parts were merged. */
    long[] sortedKeys() {
        long[] k = new long[size];
        int n = 0;
        for (int j = 0; j < slots.length; j++) {
            if (slots[j] >= 0) {
                k[n++] = keys[j];
            }
        }
        Arrays.sort(k);
        return k;
    }

    /**
     * Adds another table's units into this one, its arm and segment numbers mapped to this one's
     * (armMap[theirs] = ours, segmentMap likewise).
     */
    void merge(UnitTable o, int[] armMap, int[] segmentMap) {
        for (int j = 0; j < o.slots.length; j++) {
            int theirs = o.slots[j];
            if (theirs < 0) {
                continue;
            }
            int u = index(o.keys[j]);
            long m = o.arms[theirs];
            while (m != 0) {
                int a = Long.numberOfTrailingZeros(m);
                arms[u] |= 1L << armMap[a];
                m &= m - 1;
            }
            int s = o.segments[theirs];
            if (s != Integer.MIN_VALUE) {
                segment(u, s < 0 ? s : segmentMap[s]);
            }
            for (int k = 0; k < metrics; k++) {
                sums[k][u] += o.sums[k][theirs];
                counts[k][u] += o.counts[k][theirs];
            }
        }
    }

    private void growDense() {
        int n = (int) Math.min(Integer.MAX_VALUE - 8, arms.length + (arms.length >> 1) + 16L);
        arms = Arrays.copyOf(arms, n);
        segments = Arrays.copyOf(segments, n);
        for (int k = 0; k < metrics; k++) {
            sums[k] = Arrays.copyOf(sums[k], n);
            counts[k] = Arrays.copyOf(counts[k], n);
        }
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        int cap = oldSlots.length * 2;
        keys = new long[cap];
        slots = new int[cap];
        Arrays.fill(slots, -1);
        mask = cap - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] >= 0) {
                int i = (int) mix(oldKeys[j]) & mask;
                while (slots[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    /** MurmurHash3's 64-bit finaliser, so that the table's low bits depend on all of the hash's. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /**
     * A unit id's 64-bit hash: FNV-1a over its UTF-16 chars. Two of n distinct ids share a hash with
     * probability about n² / 2⁶⁵: 7·10⁻⁷ for 5,000,000 units.
     */
    static long hash(String unit) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < unit.length(); i++) {
            h ^= unit.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
