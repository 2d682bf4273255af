package dev.mlops.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deterministic bucketing of units into arms, the same in any language: the SHA-256 of the UTF-8
 * bytes of "EXPERIMENT:UNIT"; its first 8 bytes as an unsigned big-endian integer, modulo 10,000,
 * is the unit's bucket; arm i (in the order given) owns buckets [⌊10,000·Wᵢ/W⌋, ⌊10,000·Wᵢ₊₁/W⌋),
 * Wᵢ being the sum of the weights before it and W their total.
 */
public final class Assignment {
    public static final int BUCKETS = 10_000;
    private final String experiment;
    private final List<String> arms;
    private final int[] upTo;

    /** Arms and their weights, in order. */
    public Assignment(String experiment, Map<String, Double> weights) {
        this.experiment = experiment;
        this.arms = new ArrayList<>(weights.keySet());
        this.upTo = new int[arms.size()];
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double cumulative = 0;
        for (int i = 0; i < arms.size(); i++) {
            cumulative += weights.get(arms.get(i));
            upTo[i] = i == arms.size() - 1 ? BUCKETS : (int) Math.floor(BUCKETS * cumulative / total);
        }
    }

    /** The unit's bucket, 0 to 9,999. */
    public int bucket(String unit) {
        byte[] d = sha256((experiment + ":" + unit).getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(v, BUCKETS);
    }

    /** The unit's arm. */
    public String arm(String unit) {
        int b = bucket(unit);
        for (int i = 0; i < upTo.length; i++) {
            if (b < upTo[i]) {
                return arms.get(i);
            }
        }
        return arms.get(arms.size() - 1);
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
