package dev.mlops.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Picks from the reservoirs: candidates in order of their keys, each stratum up to its quota, one
 * member per duplicate cluster. A stratum that cannot fill its quota (too few candidates once
 * duplicates are gone) leaves the rest to strata that still have candidates, in proportion to
 * their quotas.
 */
public final class Selection {
    private Selection() {
    }

    /**
     * @param picked      the picked candidates, smallest key first
     * @param picks       picked per stratum
     * @param duplicates  candidates skipped because a member of their cluster was picked
     * @param withoutText candidates left out because the output needs a prompt and a response they lack
     */
    public record Result(List<Candidate> picked, Map<String, Long> picks, long duplicates, List<Candidate> pool,
                         long withoutText) {
    }

    public static Result pick(Map<String, List<Candidate>> reservoirs, Map<String, Long> quotas, long n,
                              String dedupOn, double nearDup) {
        return pick(reservoirs, quotas, n, dedupOn, nearDup, false);
    }

    /** @param needText leave out candidates without a prompt or a response (chat output) */
    public static Result pick(Map<String, List<Candidate>> reservoirs, Map<String, Long> quotas, long n,
                              String dedupOn, double nearDup, boolean needText) {
        List<Candidate> all = new ArrayList<>();
        long withoutText = 0;
        for (List<Candidate> cs : reservoirs.values()) {
            for (Candidate c : cs) {
                if (needText && (isBlank(c.record().prompt()) || isBlank(c.record().response()))) {
                    withoutText++;
                } else {
                    all.add(c);
                }
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::key).thenComparingLong(Candidate::hash));
        int[] cluster = Dedup.clusters(all, dedupOn, nearDup);
        Set<Integer> used = new HashSet<>();
        boolean[] taken = new boolean[all.size()];
        Map<String, Long> picks = new TreeMap<>();
        quotas.keySet().forEach(k -> picks.put(k, 0L));
        Map<String, Long> target = new TreeMap<>(quotas);
        long total = 0;
        for (int round = 0; round < 20 && total < n; round++) {
            long before = total;
            for (int i = 0; i < all.size() && total < n; i++) {
                Candidate c = all.get(i);
                if (taken[i] || used.contains(cluster[i]) || picks.get(c.stratum()) >= target.get(c.stratum())) {
                    continue;
                }
                taken[i] = true;
                used.add(cluster[i]);
                picks.merge(c.stratum(), 1L, Long::sum);
                total++;
            }
            if (total >= n) {
                break;
            }
            Map<String, Double> open = new LinkedHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                if (!taken[i] && !used.contains(cluster[i])) {
                    String s = all.get(i).stratum();
                    open.put(s, (double) Math.max(1, quotas.get(s)));
                }
            }
            if (open.isEmpty() || total == before && round > 0) {
                break;
            }
            Allocation.largestRemainder(open, n - total).forEach((s, extra) -> target.merge(s, extra, Long::sum));
        }
        List<Candidate> picked = new ArrayList<>();
        long dups = 0;
        for (int i = 0; i < all.size(); i++) {
            if (taken[i]) {
                picked.add(all.get(i));
            } else if (used.contains(cluster[i])) {
                dups++;
            }
        }
        return new Result(picked, picks, dups, all, withoutText);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
