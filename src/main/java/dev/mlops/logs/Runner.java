package dev.mlops.logs;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs accumulators over inputs: a fresh sink per part of the input, and the parts merged into
 * one. {@link #local()} reads on this machine's threads ({@link LogScan}); an engine for a
 * cluster implements the same interface over the same accumulators, which is why they must be
 * mergeable in any order.
 */
public interface Runner {
    <S extends Consumer<LogRecord>> LogScan.Result<S> run(List<LogInput> inputs, ReadOptions options, Supplier<S> sinks,
                                                          BiConsumer<S, S> merge);

    /** Reads on this machine, parts folded in input order as they finish. */
    static Runner local() {
        return LogScan::run;
    }
}
