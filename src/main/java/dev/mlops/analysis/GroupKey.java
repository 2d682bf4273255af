package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The group of a record: its values of the --by fields, in order. Groups sort by their values,
 * field by field.
 *
 * @param values one value per --by field; {@value #MISSING} where the record lacks the field
 */
public record GroupKey(List<String> values) implements Comparable<GroupKey>, Serializable {
    /** The value of a group whose record lacks the field. */
    public static final String MISSING = "(none)";
    private static final GroupKey ALL = new GroupKey(List.of());

    public GroupKey {
        values = List.copyOf(values);
    }

    /** The one group of an analysis that groups by nothing. */
    public static GroupKey all() {
        return ALL;
    }

    public static GroupKey of(LogRecord r, List<String> by) {
        if (by.isEmpty()) {
            return ALL;
        }
        List<String> v = new ArrayList<>(by.size());
        for (String f : by) {
            String x = r.value(f);
            v.add(x == null ? MISSING : x);
        }
        return new GroupKey(v);
    }

    /** The group's values by field name. */
    public Map<String, String> fields(List<String> by) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < by.size() && i < values.size(); i++) {
            m.put(by.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public int compareTo(GroupKey o) {
        for (int i = 0; i < Math.min(values.size(), o.values.size()); i++) {
            int c = values.get(i).compareTo(o.values.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(values.size(), o.values.size());
    }

    /**
     * Makes the keys of records without allocating for values seen before: a reader hands out
     * the same String for a repeated low-cardinality value, so one field's keys are found by
     * identity. Not shared between threads; one per accumulator.
     */
    public static final class Interner implements Serializable {
        private static final long serialVersionUID = 1L;
        private static final int MAX = 4096;
        private final List<String> by;
        private transient IdentityHashMap<String, GroupKey> seen;

        public Interner(List<String> by) {
            this.by = List.copyOf(by);
        }

        public GroupKey of(LogRecord r) {
            if (by.size() != 1) {
                return GroupKey.of(r, by);
            }
            String v = r.value(by.get(0));
            String x = v == null ? MISSING : v;
            if (seen == null) {
                seen = new IdentityHashMap<>();
            }
            GroupKey k = seen.get(x);
            if (k == null) {
                k = new GroupKey(List.of(x));
                if (seen.size() < MAX) {
                    seen.put(x, k);
                }
            }
            return k;
        }
    }
}
