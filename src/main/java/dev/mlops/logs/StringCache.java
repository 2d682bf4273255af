package dev.mlops.logs;

import java.nio.charset.StandardCharsets;

/**
 * Reuses the String of a short value seen recently in the same field, so that version, model,
 * status and the like are not decoded and allocated again for every record. Per reader thread.
 */
final class StringCache {
    private static final int WAYS = 4;
    private static final int MAX_LENGTH = 48;

    private byte[][][] bytes = new byte[64][][];
    private String[][] strings = new String[64][];
    private int[] next = new int[64];
    private int[] hit = new int[64];

    /** The UTF-8 string in {@code b[from, to)}, from the cache of field slot {@code slot} when seen. */
    String get(int slot, byte[] b, int from, int to) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return new String(b, from, len, StandardCharsets.UTF_8);
        }
        if (slot >= bytes.length) {
            grow(slot);
        }
        byte[][] keys = bytes[slot];
        if (keys == null) {
            keys = bytes[slot] = new byte[WAYS][];
            strings[slot] = new String[WAYS];
        }
        int last = hit[slot];
        for (int k = 0; k < WAYS; k++) {
            int w = (last + k) & (WAYS - 1);
            byte[] key = keys[w];
            if (key != null && key.length == len && same(key, b, from, len)) {
                hit[slot] = w;
                return strings[slot][w];
            }
        }
        String s = new String(b, from, len, StandardCharsets.UTF_8);
        int w = next[slot];
        next[slot] = (w + 1) & (WAYS - 1);
        keys[w] = java.util.Arrays.copyOfRange(b, from, to);
        strings[slot][w] = s;
        return s;
    }

    /** Values here are short: a plain loop beats the vectorised mismatch for them. */
    static boolean same(byte[] k, byte[] b, int from, int len) {
        for (int j = 0; j < len; j++) {
            if (k[j] != b[from + j]) {
                return false;
            }
        }
        return true;
    }

    private void grow(int slot) {
        int n = Math.max(slot + 1, bytes.length * 2);
        bytes = java.util.Arrays.copyOf(bytes, n);
        strings = java.util.Arrays.copyOf(strings, n);
        next = java.util.Arrays.copyOf(next, n);
        hit = java.util.Arrays.copyOf(hit, n);
    }
}
