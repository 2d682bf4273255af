package dev.mlops.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AllocationTest {
    private static Map<String, Long> strata(long seed, int k) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Long> m = new TreeMap<>();
        for (int i = 0; i < k; i++) {
            m.put("s" + i, 1L + r.nextInt(5000));
        }
        return m;
    }

    @Test
    void quotasSumToN_andProportionalStaysWithinOneOfItsShare() {
        for (long seed = 0; seed < 200; seed++) {
            Map<String, Long> available = strata(seed, 2 + (int) (seed % 12));
            long total = available.values().stream().mapToLong(Long::longValue).sum();
            long n = 1 + seed * 37 % Math.max(1, total - 1);
            Map<String, Long> q = Allocation.quotas(available, n, "proportional", Map.of());
            assertEquals(n, q.values().stream().mapToLong(Long::longValue).sum(), "seed " + seed);
            for (Map.Entry<String, Long> e : available.entrySet()) {
                double exact = (double) n * e.getValue() / total;
                assertTrue(Math.abs(q.get(e.getKey()) - exact) <= 1, e + " got " + q.get(e.getKey()) + " of " + exact);
            }
            for (String method : new String[] {"equal", "sqrt"}) {
                Map<String, Long> m = Allocation.quotas(available, n, method, Map.of());
                assertEquals(n, m.values().stream().mapToLong(Long::longValue).sum(), method + " seed " + seed);
                m.forEach((s, c) -> assertTrue(c <= available.get(s), "never more than a stratum has"));
            }
        }
    }

    @Test
    void aStratumShortOfItsQuota_givesAllItHas_andTheRestGoesToTheOthers() {
        Map<String, Long> available = Map.of("tiny", 3L, "big", 1000L, "mid", 1000L);
        Map<String, Long> q = Allocation.quotas(available, 300, "equal", Map.of());
        assertEquals(3, q.get("tiny"));
        assertEquals(297, q.get("big") + q.get("mid"));
        assertTrue(Math.abs(q.get("big") - q.get("mid")) <= 1);
    }

    @Test
    void explicitWeights() {
        Map<String, Long> available = Map.of("a", 1000L, "b", 1000L, "c", 1000L);
        Map<String, Long> q = Allocation.quotas(available, 100, "weights", Map.of("a", 3.0, "b", 1.0));
        assertEquals(75, q.get("a"));
        assertEquals(25, q.get("b"));
        assertEquals(0, q.get("c"));
    }

    @Test
    void sqrtIsBetweenProportionalAndEqual() {
        Map<String, Long> available = Map.of("a", 10_000L, "b", 100L);
        long p = Allocation.quotas(available, 100, "proportional", Map.of()).get("b");
        long s = Allocation.quotas(available, 100, "sqrt", Map.of()).get("b");
        long e = Allocation.quotas(available, 100, "equal", Map.of()).get("b");
        assertTrue(p < s && s < e, p + " " + s + " " + e);
    }
}
