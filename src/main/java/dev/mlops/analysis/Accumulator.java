package dev.mlops.analysis;

import dev.mlops.logs.Field;
import dev.mlops.logs.LogRecord;
import java.util.EnumSet;
import java.util.Set;
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

    /**
     * The log fields it reads, besides those its query names (--by, --where): the reader decodes
     * only these, so a field left out here is absent from every record it sees.
     */
    default Set<Field> reads() {
        return EnumSet.allOf(Field.class);
    }

    /** Every field but these. */
    static Set<Field> allBut(Field... left) {
        Set<Field> s = EnumSet.allOf(Field.class);
        s.removeAll(java.util.List.of(left));
        return s;
    }
}
