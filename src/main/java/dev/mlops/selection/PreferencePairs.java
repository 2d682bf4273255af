package dev.mlops.selection;

import dev.mlops.analysis.Accumulator;
import dev.mlops.logs.LogRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * DPO pairs sampled among the prompts that have both a chosen and a rejected answer: the unit of
 * a pair is the prompt, not the record. Pass one ({@link Rated}) finds the prompts rated both
 * ways (feedback above 0 and at most 0), or given in a preference file; n of them are chosen by
 * the smallest seeded hash of the prompt; pass two ({@link Collect}) keeps, for each chosen
 * prompt, the positively and the negatively rated answer with the smallest seeded key, so that
 * the same input and seed give the same pairs whatever the threads or the order of the files.
 */
public final class PreferencePairs {
    private PreferencePairs() {
    }

    /** A 64-bit hash of a prompt once normalised, so that one prompt written two ways is one prompt. */
    public static long promptHash(String prompt) {
        String t = Dedup.normalize(prompt);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < t.length(); i++) {
            h = (h ^ t.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    static long mix(long seed, long h) {
        long x = (h ^ seed * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        return x ^ (x >>> 29);
    }

    /** Pass one: per prompt, whether it was rated up (1), down (2), and found in the preference file (4). */
    public static final class Rated implements java.io.Serializable, Consumer<LogRecord>, Accumulator<Rated, Map<Long, Integer>> {
        private final Eligibility eligible;
        private final String feedbackField;
        private final Set<Long> fromFile;
        private final Map<Long, Integer> flags = new HashMap<>();

        public Rated(Eligibility eligible, String feedbackField, Set<Long> fromFile) {
            this.eligible = eligible;
            this.feedbackField = feedbackField;
            this.fromFile = fromFile;
        }

        @Override
        public void accept(LogRecord r) {
            if (r.prompt() == null || r.prompt().isBlank() || !eligible.test(r)) {
                return;
            }
            long h = promptHash(r.prompt());
            double f = r.number(feedbackField);
            int bits = (fromFile.contains(h) ? 4 : 0) | (r.response() == null || Double.isNaN(f) ? 0 : f > 0 ? 1 : 2);
            if (bits != 0) {
                flags.merge(h, bits, (a, b) -> a | b);
            }
        }

        @Override
        public void merge(Rated o) {
            o.flags.forEach((h, b) -> flags.merge(h, b, (x, y) -> x | y));
        }

        @Override
        public Map<Long, Integer> result() {
            return flags;
        }

        /** The prompts a pair can be made for: rated both ways, or in the preference file. */
        public Set<Long> eligible() {
            Set<Long> out = new HashSet<>();
            flags.forEach((h, b) -> {
                if ((b & 3) == 3 || (b & 4) != 0) {
                    out.add(h);
                }
            });
            return out;
        }
    }

    /** n of the eligible prompts, by the smallest seeded hash. */
    public static Set<Long> choose(Set<Long> eligible, long n, long seed) {
        List<Long> all = new ArrayList<>(eligible);
        all.sort(Comparator.comparingLong((Long h) -> mix(seed, h)).thenComparingLong(h -> h));
        return new HashSet<>(all.subList(0, (int) Math.min(n, all.size())));
    }

    /** A chosen prompt's answers: the best chosen and rejected record (smallest key), and the prompt's own record. */
    public static final class Pair implements java.io.Serializable {
        Candidate chosen;
        Candidate rejected;
        Candidate any;

        public Candidate chosen() {
            return chosen;
        }

        public Candidate rejected() {
            return rejected;
        }

        /** A record of the prompt, for its text and stratum when the pair comes from the preference file. */
        public Candidate any() {
            return any;
        }
    }

    /** Pass two: the answers of the chosen prompts. */
    public static final class Collect implements java.io.Serializable, Consumer<LogRecord>, Accumulator<Collect, Map<Long, Pair>> {
        private final Set<Long> chosen;
        private final Eligibility eligible;
        private final String feedbackField;
        private final Strata strata;
        private final long seed;
        private final Map<Long, Pair> pairs = new HashMap<>();

        public Collect(Set<Long> chosen, Eligibility eligible, String feedbackField, Strata strata, long seed) {
            this.chosen = chosen;
            this.eligible = eligible;
            this.feedbackField = feedbackField;
            this.strata = strata;
            this.seed = seed;
        }

        @Override
        public void accept(LogRecord r) {
            if (r.prompt() == null || !eligible.test(r)) {
                return;
            }
            long h = promptHash(r.prompt());
            if (!chosen.contains(h)) {
                return;
            }
            long rh = promptHash(r.prompt() + "\u0001" + (r.response() == null ? "" : r.response()));
            Candidate c = new Candidate(((mix(seed, rh) >>> 11) + 0.5) / (1L << 53), rh, strata.of(r), r, null);
            Pair p = pairs.computeIfAbsent(h, k -> new Pair());
            p.any = better(p.any, c);
            double f = r.number(feedbackField);
            if (r.response() != null && !Double.isNaN(f)) {
                if (f > 0) {
                    p.chosen = better(p.chosen, c);
                } else {
                    p.rejected = better(p.rejected, c);
                }
            }
        }

        private static Candidate better(Candidate a, Candidate b) {
            return a == null || b.key() < a.key() || b.key() == a.key() && b.hash() < a.hash() ? b : a;
        }

        @Override
        public void merge(Collect o) {
            o.pairs.forEach((h, q) -> {
                Pair p = pairs.computeIfAbsent(h, k -> new Pair());
                p.any = q.any == null ? p.any : better(p.any, q.any);
                p.chosen = q.chosen == null ? p.chosen : better(p.chosen, q.chosen);
                p.rejected = q.rejected == null ? p.rejected : better(p.rejected, q.rejected);
            });
        }

        @Override
        public Map<Long, Pair> result() {
            return pairs;
        }
    }
}
