package dev.mlops.selection;

import dev.mlops.analysis.Accumulator;
import dev.mlops.logs.LogRecord;
import dev.mlops.logs.Selective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Pass two: per stratum, the records with the smallest sampling keys (bottom-k sampling). A key
 * is a hash of the seed and the record's raw bytes, so the sample is the same whatever the order
 * of the input or the threads; with a weight w it is -ln(u)/w (Efraimidis-Spirakis A-Res). Only
 * records whose key would enter a reservoir have their text decoded. Parts read in parallel share,
 * per stratum, the smallest k-th key any of them holds: no part's k-th key is below the global one,
 * so a record above it can never be picked and is skipped undecoded, and the result stays exactly
 * the global bottom-k. Memory: the reservoirs' capacities, about twice the requested n.
 */
public final class Reservoirs implements java.io.Serializable, Selective, Accumulator<Reservoirs, Map<String, List<Candidate>>> {
    private static final Comparator<Candidate> LARGEST_FIRST = new LargestFirst();

    /** The heap's order, largest key first: a class of its own, so that the heaps serialize. */
    private static final class LargestFirst implements Comparator<Candidate>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Candidate a, Candidate b) {
            int c = Double.compare(b.key(), a.key());
            return c != 0 ? c : Long.compare(b.hash(), a.hash());
        }
    }

    private final Strata strata;
    private final Eligibility eligible;
    private final Map<String, Long> capacity;
    private final long seed;
    private final String weight;
    private final Map<String, PriorityQueue<Candidate>> heaps = new HashMap<>();
    private final Map<String, Long> seen = new HashMap<>();
    /** Per stratum, the smallest k-th key of any full reservoir, as double bits (keys are positive). */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> bounds;

    public Reservoirs(Strata strata, Eligibility eligible, Map<String, Long> capacity, long seed, String weight) {
        this(strata, eligible, capacity, seed, weight, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** A reservoir that shares its bounds with the others of the same pass (one per part). */
    public Reservoirs(Strata strata, Eligibility eligible, Map<String, Long> capacity, long seed, String weight,
                      java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> bounds) {
        this.strata = strata;
        this.eligible = eligible;
        this.capacity = capacity;
        this.seed = seed;
        this.weight = weight;
        this.bounds = bounds;
    }

    /** The sampling key of a record, or NaN when it cannot be picked (weight ≤ 0). */
    double key(LogRecord r, long hash) {
        long x = (hash ^ seed * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        double u = ((x >>> 11) + 0.5) / (1L << 53);
        if (weight == null) {
            return u;
        }
        double w = r.number(weight);
        return w > 0 ? -Math.log(u) / w : Double.NaN;
    }

    @Override
    public boolean wants(LogRecord r, long hash) {
        if (!eligible.test(r)) {
            return false;
        }
        String s = strata.of(r);
        Long cap = s == null ? null : capacity.get(s);
        if (cap == null || cap == 0) {
            return false;
        }
        seen.merge(s, 1L, Long::sum);
        double k = key(r, hash);
        if (Double.isNaN(k)) {
            return false;
        }
        java.util.concurrent.atomic.AtomicLong bound = bounds.get(s);
        if (bound != null && k > Double.longBitsToDouble(bound.get())) {
            return false;
        }
        PriorityQueue<Candidate> h = heaps.get(s);
        return h == null || h.size() < cap || k < h.peek().key() || k == h.peek().key() && hash < h.peek().hash();
    }

    @Override
    public void acceptWhole(LogRecord r, long hash, String raw) {
        String s = strata.of(r);
        add(new Candidate(key(r, hash), hash, s, r, raw));
    }

    private void add(Candidate c) {
        PriorityQueue<Candidate> h = heaps.computeIfAbsent(c.stratum(), k -> new PriorityQueue<>(LARGEST_FIRST));
        h.add(c);
        if (h.size() > capacity.get(c.stratum())) {
            h.poll();
        }
        if (h.size() == capacity.get(c.stratum())) {
            long bits = Double.doubleToLongBits(h.peek().key());
            bounds.computeIfAbsent(c.stratum(), k -> new java.util.concurrent.atomic.AtomicLong(bits))
                    .accumulateAndGet(bits, Math::min);
        }
    }

    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        return dev.mlops.analysis.Accumulator.allBut(dev.mlops.logs.Field.USER, dev.mlops.logs.Field.ID, dev.mlops.logs.Field.ARM, dev.mlops.logs.Field.STAGE, dev.mlops.logs.Field.TIMESTAMP,
                dev.mlops.logs.Field.LATENCY_MS, dev.mlops.logs.Field.TTFT_MS, dev.mlops.logs.Field.COST_USD, dev.mlops.logs.Field.CACHED_INPUT_TOKENS);
    }

    @Override
    public void merge(Reservoirs o) {
        o.seen.forEach((s, n) -> seen.merge(s, n, Long::sum));
        o.heaps.values().forEach(h -> h.forEach(this::add));
    }

    /** Stratum → candidates, smallest key first. */
    @Override
    public Map<String, List<Candidate>> result() {
        Map<String, List<Candidate>> out = new TreeMap<>();
        heaps.forEach((s, h) -> {
            List<Candidate> l = new ArrayList<>(h);
            l.sort(LARGEST_FIRST.reversed());
            out.put(s, l);
        });
        return out;
    }
}
