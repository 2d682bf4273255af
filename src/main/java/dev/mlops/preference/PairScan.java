package dev.mlops.preference;

import dev.mlops.analysis.Accumulator;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogRecord;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The first pass of {@code mlops judge pairs}: for every prompt (its normalised text, or a --match
 * field) that version A or B answered, the answer of each that a seeded hash picks, and A's length.
 * Memory is three longs a prompt; the texts are read in the second pass ({@link PairTexts}).
 */
public final class PairScan implements Serializable, Accumulator<PairScan, PairScan> {
    private static final long serialVersionUID = 1L;
    private final String versionA;
    private final String versionB;
    private final String match;
    private final long seed;
    /** key hash → {A's record hash, B's record hash, A's length bits}; Long.MAX_VALUE for none. */
    private final HashMap<Long, long[]> keys = new HashMap<>();

    public PairScan(String versionA, String versionB, String match, long seed) {
        this.versionA = versionA;
        this.versionB = versionB;
        this.match = match;
        this.seed = seed;
    }

    @Override
    public void accept(LogRecord r) {
        int side = versionA.equals(r.version()) ? 0 : versionB.equals(r.version()) ? 1 : -1;
        if (side < 0 || r.isError() || r.prompt() == null || r.response() == null || r.response().isBlank()) {
            return;
        }
        String key = key(r, match);
        if (key == null) {
            return;
        }
        long rh = recordHash(r, seed);
        long[] k = keys.computeIfAbsent(hash(key), x -> new long[] {Long.MAX_VALUE, Long.MAX_VALUE, 0});
        if (Long.compareUnsigned(rh, k[side]) < 0 || k[side] == Long.MAX_VALUE) {
            k[side] = rh;
            if (side == 0) {
                k[2] = Double.doubleToLongBits(dev.mlops.selection.Strata.length(r, "total"));
            }
        }
    }

    /** The key a record is matched on: the --match field's value, or the prompt lower-cased with its spaces collapsed. */
    static String key(LogRecord r, String match) {
        if (match != null) {
            return r.value(match);
        }
        return r.prompt().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Which of a version's answers to a prompt is taken: the smallest of these hashes. */
    static long recordHash(LogRecord r, long seed) {
        return hash(seed + "\u0001" + (r.id() != null ? r.id() : r.prompt() + "\u0001" + r.response()));
    }

    /** FNV-1a, 64 bits, then MurmurHash3's finaliser. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public Set<Field> reads() {
        return java.util.EnumSet.of(Field.ID, Field.VERSION, Field.PROMPT, Field.RESPONSE, Field.STATUS,
                Field.INPUT_TOKENS, Field.OUTPUT_TOKENS, Field.SEGMENT);
    }

    @Override
    public void merge(PairScan o) {
        o.keys.forEach((k, v) -> {
            long[] mine = keys.get(k);
            if (mine == null) {
                keys.put(k, v.clone());
                return;
            }
            for (int side = 0; side < 2; side++) {
                if (v[side] != Long.MAX_VALUE && (mine[side] == Long.MAX_VALUE || Long.compareUnsigned(v[side], mine[side]) < 0)) {
                    mine[side] = v[side];
                    if (side == 0) {
                        mine[2] = v[2];
                    }
                }
            }
        });
    }

    @Override
    public PairScan result() {
        return this;
    }

    /** The prompts both versions answered: key hash → {A's record hash, B's record hash, A's length bits}. */
    public Map<Long, long[]> matched() {
        Map<Long, long[]> out = new java.util.TreeMap<>();
        keys.forEach((k, v) -> {
            if (v[0] != Long.MAX_VALUE && v[1] != Long.MAX_VALUE) {
                out.put(k, v.clone());
            }
        });
        return out;
    }

    public long prompts() {
        return keys.size();
    }
}
