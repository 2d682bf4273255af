package dev.mlops.preference;

import dev.mlops.analysis.Accumulator;
import dev.mlops.logs.Field;
import dev.mlops.logs.LogRecord;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The second pass of {@code mlops judge pairs}: the texts of the answers the first pass picked. */
public final class PairTexts implements Serializable, Accumulator<PairTexts, PairTexts> {
    private static final long serialVersionUID = 1L;
    private final String versionA;
    private final String versionB;
    private final String match;
    private final long seed;
    private final Map<Long, long[]> wanted;
    private final HashMap<Long, String[]> found = new HashMap<>();

    /** {@code wanted}: key hash → {A's record hash, B's record hash}. */
    public PairTexts(String versionA, String versionB, String match, long seed, Map<Long, long[]> wanted) {
        this.versionA = versionA;
        this.versionB = versionB;
        this.match = match;
        this.seed = seed;
        this.wanted = new HashMap<>(wanted);
    }

    @Override
    public void accept(LogRecord r) {
        int side = versionA.equals(r.version()) ? 0 : versionB.equals(r.version()) ? 1 : -1;
        if (side < 0 || r.isError() || r.prompt() == null || r.response() == null) {
            return;
        }
        String key = PairScan.key(r, match);
        if (key == null) {
            return;
        }
        long kh = PairScan.hash(key);
        long[] w = wanted.get(kh);
        if (w == null || w[side] != PairScan.recordHash(r, seed)) {
            return;
        }
        String[] t = found.computeIfAbsent(kh, x -> new String[4]);
        if (side == 0) {
            t[0] = r.prompt();
            t[1] = r.response();
            t[3] = r.segment();
        } else {
            t[2] = r.response();
        }
    }

    @Override
    public Set<Field> reads() {
        return java.util.EnumSet.of(Field.ID, Field.VERSION, Field.PROMPT, Field.RESPONSE, Field.STATUS, Field.SEGMENT);
    }

    @Override
    public void merge(PairTexts o) {
        o.found.forEach((k, v) -> {
            String[] mine = found.computeIfAbsent(k, x -> new String[4]);
            for (int i = 0; i < 4; i++) {
                if (mine[i] == null) {
                    mine[i] = v[i];
                }
            }
        });
    }

    @Override
    public PairTexts result() {
        return this;
    }

    /** The pairs, by key hash: id "pair-" and the hash, prompt and segment from A's record. */
    public java.util.List<Pair> pairs() {
        java.util.List<Pair> out = new java.util.ArrayList<>();
        new TreeMap<>(found).forEach((k, t) -> {
            if (t[0] != null && t[2] != null) {
                out.add(new Pair(String.format("pair-%016x", k), t[0], versionA, t[1], versionB, t[2], t[3]));
            }
        });
        return out;
    }
}
