package dev.mlops.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlops.logs.LogRecord;
import dev.mlops.logs.Status;
import dev.mlops.report.CollapseRender;
import dev.mlops.report.DriftRender;
import dev.mlops.report.HealthRender;
import dev.mlops.report.OutputFormat;
import dev.mlops.selection.Eligibility;
import dev.mlops.selection.LengthCounts;
import dev.mlops.selection.PreferencePairs;
import dev.mlops.selection.Reservoirs;
import dev.mlops.selection.Strata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every accumulator merges in any order: the parts of one input, merged in shuffled orders and
 * shapes (left folds and trees), give the same report, byte for byte; and a part serialized and
 * read back (as a cluster ships a partition's accumulator) merges the same. This is what lets a
 * cluster engine merge partitions as they come.
 */
class ShuffledMergeTest {
    static final int PARTS = 6;

    /** Records with timestamps, versions, feedback, prompts and responses, seeded. */
    static List<LogRecord> records(long seed, int n) {
        DriftGenerator gen = new DriftGenerator(seed);
        Random r = new Random(seed);
        List<LogRecord> out = new ArrayList<>();
        long t0 = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < n; i++) {
            LogRecord g = gen.next();
            String v = i % 3 == 0 ? "v11" : "v12";
            boolean error = g.isError();
            out.add(new LogRecord("id" + (i % (n - 7)), Instant.ofEpochSecond(t0 + i * 40L), "bot", v, null, null,
                    "u" + r.nextInt(50), g.segment(), g.inputTokens(), g.outputTokens(), LogRecord.ABSENT, g.latencyMs(),
                    g.ttftMs(), error ? Status.ERROR : Status.OK, error ? "http_500" : null, g.finishReason(),
                    g.prompt(), "answer " + (i % 97), i % 5 == 0 ? Double.NaN : 0.000137 * (1 + i % 13),
                    Map.of("clicked", (double) r.nextInt(2), "thumbs", r.nextBoolean() ? 1.0 : -1.0), Map.of()));
        }
        return out;
    }

    /** The report of the parts merged in {@code order}, as a left fold or as a balanced tree. */
    static <S extends java.util.function.Consumer<LogRecord>> String merged(List<LogRecord> records, Supplier<S> sinks,
                                                                         BiConsumer<S, S> merge, List<Integer> order,
                                                                         boolean tree, Function<S, String> report) {
        List<S> parts = new ArrayList<>();
        int size = (records.size() + PARTS - 1) / PARTS;
        for (int p = 0; p < PARTS; p++) {
            S s = sinks.get();
            for (LogRecord r : records.subList(p * size, Math.min(records.size(), (p + 1) * size))) {
                feed(s, r);
            }
            parts.add(s);
        }
        List<S> ordered = new ArrayList<>();
        for (int i : order) {
            ordered.add(tree ? roundTrip(parts.get(i)) : parts.get(i));
        }
        while (ordered.size() > 1) {
            if (tree) {
                List<S> next = new ArrayList<>();
                for (int i = 0; i < ordered.size(); i += 2) {
                    if (i + 1 < ordered.size()) {
                        merge.accept(ordered.get(i), ordered.get(i + 1));
                    }
                    next.add(ordered.get(i));
                }
                ordered = next;
            } else {
                merge.accept(ordered.get(0), ordered.remove(1));
            }
        }
        return report.apply(ordered.get(0));
    }

    /** The part as a cluster would ship it to the merging side: serialized and read back. */
    @SuppressWarnings("unchecked")
    static <S> S roundTrip(S part) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(part);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (S) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(part.getClass().getSimpleName() + " does not serialize: " + e, e);
        }
    }

    /** As a reader feeds a sink: a selective one sees the record without text first, and takes it whole if it wants it. */
    static void feed(java.util.function.Consumer<LogRecord> sink, LogRecord r) {
        if (sink instanceof dev.mlops.logs.Selective) {
            dev.mlops.logs.Selective s = (dev.mlops.logs.Selective) sink;
            long hash = (r.id() + "|" + r.prompt()).hashCode() * 0x9E3779B97F4A7C15L;
            if (s.wants(r.withText(null, null), hash)) {
                s.acceptWhole(r, hash, "{}");
            }
        } else {
            sink.accept(r);
        }
    }

    static <S extends java.util.function.Consumer<LogRecord>> void sameInAnyOrder(String what, Supplier<S> sinks,
                                                                                BiConsumer<S, S> merge,
                                                                                Function<S, String> report) {
        List<LogRecord> records = records(42, 3000);
        List<Integer> identity = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            identity.add(i);
        }
        String expected = merged(records, sinks, merge, identity, false, report);
        Random shuffle = new Random(7);
        for (int trial = 0; trial < 6; trial++) {
            List<Integer> order = new ArrayList<>(identity);
            Collections.shuffle(order, shuffle);
            assertEquals(expected, merged(records, sinks, merge, order, trial % 2 == 1, report),
                    what + ": merged in order " + order + (trial % 2 == 1 ? " as a tree" : ""));
        }
    }

    @Test
    void usage() {
        sameInAnyOrder("usage", () -> new UsageAnalysis(List.of("version"), RecordFilter.all(), PriceBook.of(
                java.util.Optional.empty()), 100_000), UsageAnalysis::merge, a -> a.result().toString()
                + a.overall() + a.matched());
    }

    @Test
    void usageWithItsTimeline() {
        sameInAnyOrder("usage with timeline", () -> new UsageAnalysis(List.of("version"), RecordFilter.all(), PriceBook.of(
                java.util.Optional.empty()), 100_000, true), UsageAnalysis::merge, a -> a.result().toString()
                + a.overall());
    }

    @Test
    void defaultGrouping() {
        sameInAnyOrder("default grouping", () -> new DefaultGrouping(RecordFilter.all(), PriceBook.of(
                java.util.Optional.empty()), 100_000), DefaultGrouping::merge, a -> a.result().toString());
    }

    @Test
    void drift() {
        DriftSettings s = DriftCalibrationTest.settings(true);
        DriftWindows plan = DriftWindows.cut(Instant.parse("2026-11-01T16:00:00Z"), null);
        sameInAnyOrder("drift", () -> new DriftScan(r -> plan.windowOf(r, false), List.of("version"), RecordFilter.all(), s),
                DriftScan::merge, d -> DriftRender.renderer("test", false).render(new DriftReport("windows",
                        List.of("version"), DriftRules.defaults(), List.of(), List.of(),
                        plan.compare(d, s, DriftRules.defaults(), 100)), OutputFormat.JSON));
    }

    @Test
    void collapse() {
        CollapseSettings s = new CollapseSettings("feedback.clicked", "feedback.thumbs", 0, 0, 0.01, 20, 2000, 200);
        sameInAnyOrder("collapse", () -> new CollapseScan(r -> r.timestamp().getEpochSecond() / 3600, List.of("version"),
                RecordFilter.all(), s), CollapseScan::merge, c -> CollapseRender.renderer("test").render(
                CollapseAnalysis.analyze(c, s, w -> Long.toString(w), "v11"), OutputFormat.JSON));
    }

    @Test
    void health() {
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        sameInAnyOrder("health", () -> new HealthScan(List.of("version"), 3600, 7200, now), HealthScan::merge,
                h -> HealthRender.renderer("test").render(HealthAnalysis.analyze(h, List.of(), null), OutputFormat.JSON));
    }

    @Test
    void selection() {
        Eligibility all = new Eligibility(RecordFilter.all(), false, "any", "feedback.thumbs");
        Strata strata = new Strata("total", List.of("version"), Strata.DEFAULT_BINS, new double[] {0, 50, 200, 400, 800, 1e9});
        sameInAnyOrder("length counts", () -> new LengthCounts(all, strata), LengthCounts::merge,
                l -> l.result().toString() + l.all());
        sameInAnyOrder("dpo prompts", () -> new PreferencePairs.Rated(all, "feedback.thumbs", java.util.Set.of()),
                PreferencePairs.Rated::merge, p -> new java.util.TreeSet<>(p.eligible()).toString());
        Map<String, Long> capacity = new java.util.HashMap<>();
        for (String v : List.of("v11", "v12")) {
            for (int b = 0; b < 5; b++) {
                capacity.put(strata.of(withTokens(v, b)), 30L);
            }
        }
        sameInAnyOrder("reservoirs", () -> new Reservoirs(strata, all, capacity, 3, null), Reservoirs::merge,
                r -> new java.util.TreeMap<>(r.result()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()
                        .stream().map(c -> c.key() + ":" + c.hash()).sorted().toList()).toList().toString());
    }

    @Test
    void abtest() {
        List<dev.mlops.experiment.Metric> metrics = new ArrayList<>();
        for (String m : dev.mlops.experiment.Metric.BUILT_IN) {
            metrics.add(dev.mlops.experiment.Metric.parse(m, java.util.Set.of()));
        }
        metrics.add(dev.mlops.experiment.Metric.parse("feedback.clicked:any", java.util.Set.of()));
        var settings = new dev.mlops.experiment.AbSettings(null, "id", "segment", metrics, RecordFilter.all(),
                PriceBook.of(java.util.Optional.empty()));
        var options = new dev.mlops.experiment.AbAnalysis.Options(null, 0.05, "bh", true, 5000, Map.of(), 20, false);
        sameInAnyOrder("abtest", () -> new dev.mlops.experiment.AbScan(settings, true),
                dev.mlops.experiment.AbScan::merge, a -> dev.mlops.report.AbtestRender.renderer("test").render(
                        dev.mlops.experiment.AbAnalysis.analyze(a, null, options), OutputFormat.JSON));
    }

    @Test
    void judgePairs() {
        sameInAnyOrder("judge pairs, first pass", () -> new dev.mlops.preference.PairScan("v11", "v12", "user", 3),
                dev.mlops.preference.PairScan::merge, p -> p.matched().entrySet().stream()
                        .map(e -> e.getKey() + "=" + java.util.Arrays.toString(e.getValue())).toList().toString());
        var whole = new dev.mlops.preference.PairScan("v11", "v12", "user", 3);
        records(42, 3000).forEach(whole);
        var chosen = dev.mlops.preference.PairSampling.choose(whole.matched(), 20, 3);
        org.junit.jupiter.api.Assertions.assertEquals(20, chosen.size(), "the 50 users asked both versions (matched with --match user)");
        sameInAnyOrder("judge pairs, second pass", () -> new dev.mlops.preference.PairTexts("v11", "v12", "user", 3, chosen),
                dev.mlops.preference.PairTexts::merge, t -> t.pairs().toString());
    }

    private static LogRecord withTokens(String version, int bin) {
        long[] tokens = {10, 100, 300, 600, 1000};
        return new LogRecord(null, null, null, version, null, null, null, null, tokens[bin], 0, LogRecord.ABSENT,
                Double.NaN, Double.NaN, Status.OK, null, null, null, null, Double.NaN, Map.of(), Map.of());
    }
}
