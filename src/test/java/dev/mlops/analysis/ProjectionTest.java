package dev.mlops.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlops.logs.Field;
import dev.mlops.logs.LogInput;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadOptions;
import dev.mlops.report.CollapseRender;
import dev.mlops.report.HealthRender;
import dev.mlops.report.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fields an accumulator declares it reads are all it needs: reading only those (the reader
 * skips the rest undecoded) gives the same report as reading every field.
 */
class ProjectionTest {
    @TempDir
    Path dir;

    private <S extends Accumulator<S, ?>> void same(String what, Path log, Supplier<S> sinks, BiConsumer<S, S> merge,
                                                   Function<S, String> report) {
        List<LogInput> in = List.of(new LogInput(log.toString(), log, null));
        ReadOptions all = ReadOptions.defaults();
        Set<Field> reads = sinks.get().reads();
        List<Field> unused = new ArrayList<>();
        for (Field f : Field.values()) {
            if (!reads.contains(f)) {
                unused.add(f);
            }
        }
        ReadOptions declared = new ReadOptions(Mapping.defaults().without(unused.toArray(new Field[0]))
                .withAttributes(List.of("version")), null, all.maxRecordBytes(), 2);
        String full = report.apply(LogScan.run(in, all, sinks, merge).sink());
        String projected = report.apply(LogScan.run(in, declared, sinks, merge).sink());
        assertEquals(full, projected, what + " reads a field it does not declare");
    }

    @Test
    void everyAccumulatorDeclaresWhatItReads() throws IOException {
        Path log = dir.resolve("log.jsonl");
        List<String> lines = new ArrayList<>();
        ShuffledMergeTest.records(9, 2000).forEach(r -> lines.add(String.format(java.util.Locale.ROOT,
                "{\"request_id\":\"%s\",\"timestamp\":\"%s\",\"version\":\"%s\",\"user\":\"%s\",\"segment\":\"%s\","
                        + "\"input_tokens\":%d,\"output_tokens\":%d,\"latency_ms\":%s,\"status\":\"%s\",\"finish_reason\":%s,"
                        + "\"prompt\":\"%s\",\"response\":\"%s\",\"feedback\":{\"clicked\":%.0f,\"thumbs\":%.0f}}",
                r.id(), r.timestamp(), r.version(), r.user(), r.segment(), r.inputTokens(), r.outputTokens(),
                Double.isNaN(r.latencyMs()) ? "null" : Double.toString(r.latencyMs()), r.status().key(),
                r.finishReason() == null ? "null" : "\"" + r.finishReason() + "\"", r.prompt(), r.response(),
                r.feedback().get("clicked"), r.feedback().get("thumbs"))));
        Files.write(log, lines);
        same("usage", log, () -> new UsageAnalysis(List.of("version"), RecordFilter.all(),
                PriceBook.of(java.util.Optional.empty()), 100_000), UsageAnalysis::merge,
                a -> a.result().toString() + a.overall());
        CollapseSettings cs = new CollapseSettings("feedback.clicked", "feedback.thumbs", 0, 0, 0.01, 20, 2000, 200);
        same("collapse", log, () -> new CollapseScan(r -> r.timestamp().getEpochSecond() / 3600, List.of("version"),
                RecordFilter.all(), cs), CollapseScan::merge, c -> CollapseRender.renderer("t").render(
                CollapseAnalysis.analyze(c, cs, w -> Long.toString(w), null), OutputFormat.JSON));
        Instant now = Instant.parse("2027-01-01T00:00:00Z");
        same("health", log, () -> new HealthScan(List.of("version"), 3600, 7200, now), HealthScan::merge,
                h -> HealthRender.renderer("t").render(HealthAnalysis.analyze(h, List.of(), null), OutputFormat.JSON));
        DriftSettings ds = DriftCalibrationTest.settings(true);
        DriftWindows plan = DriftWindows.cut(Instant.parse("2026-11-01T10:00:00Z"), null);
        same("drift", log, () -> new DriftScan(r -> plan.windowOf(r, false), List.of("version"), RecordFilter.all(), ds),
                DriftScan::merge, d -> plan.compare(d, ds, DriftRules.defaults(), 100).toString());
    }
}
