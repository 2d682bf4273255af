package dev.mlops.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an analysis looks at: the fields it groups by, which records it keeps, and the length of
 * its time windows (null: the command's whole span, or windows of its own).
 */
public record Query(List<String> by, RecordFilter filter, Duration window) {
    public Query {
        by = List.copyOf(by);
        Objects.requireNonNull(filter, "filter");
    }

    /** The fields a reader must extract for this query: the --by fields and those --where reads. */
    public List<String> fields() {
        List<String> out = new java.util.ArrayList<>(by);
        out.addAll(filter.fields());
        return out;
    }
}
