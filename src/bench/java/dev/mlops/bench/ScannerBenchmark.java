package dev.mlops.bench;

import dev.mlops.analysis.PriceBook;
import dev.mlops.analysis.RecordFilter;
import dev.mlops.analysis.UsageAnalysis;
import dev.mlops.logs.LogInput;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: reading and analysing 20,000 generated log lines held in memory, single-threaded, so the
 * reader and the accumulators are measured without the disk. Reported in lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScannerBenchmark {
    static final int LINES = 20_000;
    byte[] log;
    ReadOptions options;

    @Setup
    public void setup() throws IOException {
        Path tmp = Files.createTempFile("mlops-jmh", ".jsonl");
        GenerateLog.main(new String[] {tmp.toString(), Integer.toString(LINES)});
        log = Files.readAllBytes(tmp);
        Files.delete(tmp);
        ReadOptions d = ReadOptions.defaults();
        options = new ReadOptions(d.mapping(), d.format(), d.maxRecordBytes(), 1);
    }

    @Benchmark
    public long analyze() {
        LogScan.Result<UsageAnalysis> r = LogScan.run(List.of(LogInput.stdin(new ByteArrayInputStream(log))), options,
                () -> new UsageAnalysis(List.of("version"), RecordFilter.all(), PriceBook.of(Optional.empty()), 100_000),
                UsageAnalysis::merge);
        return r.sink().matched();
    }
}
