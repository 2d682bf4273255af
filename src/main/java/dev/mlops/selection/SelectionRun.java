package dev.mlops.selection;

import dev.mlops.logs.LogInput;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.ReadOptions;
import dev.mlops.logs.Runner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two passes of select: the first counts lengths, which cut the strata and size them; the second,
 * once the quotas are known, fills reservoirs or finds DPO pairs.
 */
public final class SelectionRun {
    private SelectionRun() {
    }

    /**
     * What pass one found.
     *
     * @param scan      the read (for its file reports and the fields no record had)
     * @param lengths   how many eligible records have each length, over all groups
     * @param strata    the strata, cut at the source's own length quantiles; null when no record is eligible
     * @param available eligible records per stratum
     */
    public record Lengths(LogScan.Result<LengthCounts> scan, TreeMap<Long, Long> lengths, Strata strata,
                          Map<String, Long> available) {
    }

    /** Pass one: the lengths of the eligible records per --by group, without text. */
    public static Lengths lengths(Runner runner, List<LogInput> inputs, ReadOptions lean, Eligibility eligible,
                                  String lengthField, List<String> by, double[] quantiles) {
        Strata groups = new Strata(lengthField, by, quantiles, new double[] {0, 1});
        LogScan.Result<LengthCounts> first = runner.run(inputs, lean, () -> new LengthCounts(eligible, groups),
                LengthCounts::merge);
        TreeMap<Long, Long> lengths = first.sink().all();
        if (lengths.isEmpty()) {
            return new Lengths(first, lengths, null, Map.of());
        }
        Strata strata = new Strata(lengthField, by, quantiles, Strata.edges(lengths, quantiles));
        return new Lengths(first, lengths, strata, Coverage.available(first.sink().result(), strata));
    }

    /** The fields pass one and pass two read, for the reader's projection. */
    public static Set<dev.mlops.logs.Field> reads(Eligibility eligible, String lengthField, List<String> by,
                                                  double[] quantiles) {
        return new LengthCounts(eligible, new Strata(lengthField, by, quantiles, new double[] {0, 1})).reads();
    }

    /**
     * What was picked and written.
     *
     * @param reservoirs    the candidates per stratum
     * @param picked        the picks
     * @param written       the dataset
     * @param eligiblePairs for dpo, the prompts rated both ways (or in the preference file); else -1
     */
    public record Outcome(Map<String, List<Candidate>> reservoirs, Selection.Result picked,
                          DatasetWriter.Written written, long eligiblePairs) {
    }

    /** Seeded bottom-k reservoirs per stratum, then the picks, one per duplicate cluster. */
    public static Outcome sample(Runner runner, List<LogInput> inputs, ReadOptions options, Strata strata,
                                 Eligibility eligible, Map<String, Long> quotas, long n, long seed, String weight,
                                 String dedupOn, double nearDup, String format, Redactor redactor) {
        Map<String, Long> capacity = new HashMap<>();
        quotas.forEach((s, q) -> capacity.put(s, q == 0 ? 0 : 2 * q + 10));
        // text only for records that can still be picked; the parts share their reservoirs' bounds
        ConcurrentHashMap<String, AtomicLong> bounds = new ConcurrentHashMap<>();
        Map<String, List<Candidate>> reservoirs = runner.run(inputs, options,
                () -> new Reservoirs(strata, eligible, capacity, seed, weight, bounds), Reservoirs::merge).sink().result();
        Selection.Result picked = Selection.pick(reservoirs, quotas, n, dedupOn, nearDup, format.equals("chat"));
        return new Outcome(reservoirs, picked, DatasetWriter.write(picked, format, redactor), -1);
    }

    /** n prompts among those rated both ways, each with its chosen and rejected answer. */
    public static Outcome dpo(Runner runner, List<LogInput> inputs, ReadOptions options, Strata strata,
                              Eligibility rated, String feedbackField, Map<Long, String[]> file, long n, long seed,
                              Redactor redactor) {
        Set<Long> eligible = runner.run(inputs, options, () -> new PreferencePairs.Rated(rated, feedbackField,
                file.keySet()), PreferencePairs.Rated::merge).sink().eligible();
        Set<Long> chosen = PreferencePairs.choose(eligible, n, seed);
        Map<Long, PreferencePairs.Pair> pairs = runner.run(inputs, options, () -> new PreferencePairs.Collect(chosen,
                rated, feedbackField, strata, seed), PreferencePairs.Collect::merge).sink().result();
        Map<String, List<Candidate>> reservoirs = new TreeMap<>();
        for (PreferencePairs.Pair p : pairs.values()) {
            Candidate c = p.chosen() != null ? p.chosen() : p.any();
            reservoirs.computeIfAbsent(c.stratum(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Long> all = new HashMap<>();
        reservoirs.forEach((s, cs) -> all.put(s, (long) cs.size()));
        Selection.Result picked = Selection.pick(reservoirs, all, n, "prompt", 1.0);
        return new Outcome(reservoirs, picked, DatasetWriter.dpo(pairs, file, seed, redactor), eligible.size());
    }
}
