package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import java.util.function.Consumer;

/**
 * A fold over log records that can be split and merged: accept records on several threads or
 * files, merge the partial accumulators, then take the result. Memory must not grow with the
 * number of records.
 *
 * @param <A> the accumulator's own type
 * @param <R> its result
 */
public interface Accumulator<A extends Accumulator<A, R>, R> extends Consumer<LogRecord> {
    void merge(A other);

    R result();
}
