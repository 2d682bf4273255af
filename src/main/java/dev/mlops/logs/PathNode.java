package dev.mlops.logs;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over JSON field names, built from a {@link Mapping}: the scanner descends only into
 * objects that hold a mapped field and looks names up by their raw bytes, without decoding them.
 */
final class PathNode {
    private static final Slot[] NO_SLOTS = new Slot[0];

    Slot[] slots = NO_SLOTS;
    private final Map<String, PathNode> building = new LinkedHashMap<>();
    private byte[][] keys = new byte[0][];
    private PathNode[] nodes = new PathNode[0];
    private int mask = -1;
    private int children;

    static PathNode build(Mapping mapping) {
        PathNode root = new PathNode();
        List<Rule> rules = mapping.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            Slot slot = new Slot(r, i);
            root.insert(r.path().split("\\."), 0, slot);
            if (r.path().indexOf('.') > 0) {
                root.insert(new String[] {r.path()}, 0, slot);
            }
        }
        root.seal();
        return root;
    }

    private void insert(String[] parts, int i, Slot slot) {
        if (i == parts.length) {
            Slot[] grown = java.util.Arrays.copyOf(slots, slots.length + 1);
            grown[slots.length] = slot;
            slots = grown;
            return;
        }
        building.computeIfAbsent(parts[i], k -> new PathNode()).insert(parts, i + 1, slot);
    }

    private void seal() {
        children = building.size();
        int size = Integer.highestOneBit(Math.max(1, building.size()) * 4 - 1) << 1;
        keys = new byte[size][];
        nodes = new PathNode[size];
        mask = size - 1;
        for (Map.Entry<String, PathNode> e : building.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            int h = hash(k, 0, k.length) & mask;
            while (keys[h] != null) {
                h = (h + 1) & mask;
            }
            keys[h] = k;
            nodes[h] = e.getValue();
            e.getValue().seal();
        }
        building.clear();
    }

    boolean hasChildren() {
        return children > 0;
    }

    /** A cheap hash of a field name: its length and its first, second and last bytes. */
    static int hash(byte[] b, int from, int len) {
        if (len == 0) {
            return 0;
        }
        int h = len * 0x9E3779B1 ^ b[from] * 0x85EBCA6B ^ b[from + len - 1] * 0xC2B2AE35;
        if (len > 1) {
            h ^= b[from + 1] * 0x27D4EB2F;
        }
        return h ^ (h >>> 15);
    }

    /** The child named by {@code len} bytes at {@code from}, whose {@link #hash} is {@code h}. */
    PathNode child(byte[] b, int from, int len, int h) {
        int i = h & mask;
        while (true) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (k.length == len && StringCache.same(k, b, from, len)) {
                return nodes[i];
            }
            i = (i + 1) & mask;
        }
    }

    PathNode child(String name) {
        byte[] k = name.getBytes(StandardCharsets.UTF_8);
        return child(k, 0, k.length, hash(k, 0, k.length));
    }

}
