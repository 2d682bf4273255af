package dev.mlops.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Merging the nested maps of partial accumulators. */
public final class Merge {
    private Merge() {
    }

    /** Adds {@code from} into {@code into}: entries new to it are taken over, others merged with {@code merge}. */
    static <A, B, V> void nested(Map<A, Map<B, V>> into, Map<A, Map<B, V>> from, BiConsumer<V, V> merge) {
        from.forEach((a, inner) -> {
            Map<B, V> mine = into.computeIfAbsent(a, k -> new HashMap<>());
            inner.forEach((b, v) -> {
                V m = mine.get(b);
                if (m == null) {
                    mine.put(b, v);
                } else {
                    merge.accept(m, v);
                }
            });
        });
    }

    /** A sorted copy of a nested map, inner maps sorted too: the deterministic order of a result. */
    public static <A, B, V> TreeMap<A, TreeMap<B, V>> sorted(Map<A, ? extends Map<B, V>> m) {
        TreeMap<A, TreeMap<B, V>> out = new TreeMap<>();
        m.forEach((a, inner) -> out.put(a, new TreeMap<>(inner)));
        return out;
    }
}
