package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which records an analysis keeps: {@code --where} conditions (all must hold) and a time range.
 * A record that lacks a condition's field does not match it, whatever the operator.
 * A condition is {@code FIELD=VALUE}, {@code FIELD!=VALUE} (VALUE may list alternatives:
 * {@code stage=canary,production}) or, for numbers, {@code FIELD>N}, {@code >=}, {@code <}, {@code <=}.
 */
public final class RecordFilter implements java.io.Serializable, Predicate<LogRecord> {
    private final List<String> expressions;
    private final List<Condition> conditions;
    private final Instant since;
    private final Instant until;

    private RecordFilter(List<String> expressions, List<Condition> conditions, Instant since, Instant until) {
        this.expressions = List.copyOf(expressions);
        this.conditions = List.copyOf(conditions);
        this.since = since;
        this.until = until;
    }

    private static final long serialVersionUID = 1L;

    /** One --where condition; serializable, so that a filter travels to a cluster's executors. */
    @FunctionalInterface
    interface Condition extends Predicate<LogRecord>, java.io.Serializable {
    }

    public static RecordFilter all() {
        return new RecordFilter(List.of(), List.of(), null, null);
    }

    /** @throws IllegalArgumentException with a message for the user when an expression is malformed */
    public static RecordFilter of(List<String> where, Instant since, Instant until) {
        List<Condition> cs = new ArrayList<>();
        for (String w : where) {
            cs.add(parse(w));
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until);
        }
        return new RecordFilter(where, cs, since, until);
    }

    private static Condition parse(String w) {
        for (String op : List.of(">=", "<=", "!=", "=", ">", "<")) {
            int i = w.indexOf(op);
            if (i <= 0) {
                continue;
            }
            String field = w.substring(0, i).trim();
            String value = w.substring(i + op.length()).trim();
            if (field.isEmpty() || value.isEmpty()) {
                break;
            }
            switch (op) {
                case "=": {
                    Set<String> any = new java.util.HashSet<>(List.of(value.split(",")));
                    return r -> {
                        String v = r.value(field);
                        return v != null && any.contains(v);
                    };
                }
                case "!=": {
                    Set<String> none = new java.util.HashSet<>(List.of(value.split(",")));
                    // a record without the field does not match FIELD!=VALUE either
                    return r -> {
                        String v = r.value(field);
                        return v != null && !none.contains(v);
                    };
                }
                default: {
                    double x;
                    try {
                        x = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--where " + w + ": '" + value + "' is not a number");
                    }
                    switch (op) {
                        case ">": return r -> r.number(field) > x;
                        case ">=": return r -> r.number(field) >= x;
                        case "<": return r -> r.number(field) < x;
                        default: return r -> r.number(field) <= x;
                    }
                }
            }
        }
        throw new IllegalArgumentException("--where " + w + ": expected FIELD=VALUE, FIELD!=VALUE or FIELD>N");
    }

    /** The field names the conditions read, so that readers can extract them. */
    public List<String> fields() {
        List<String> out = new ArrayList<>();
        for (String w : expressions) {
            out.add(w.split("[<>=!]", 2)[0].trim());
        }
        return out;
    }

    @Override
    public boolean test(LogRecord r) {
        if (since != null || until != null) {
            Instant t = r.timestamp();
            if (t == null || since != null && t.isBefore(since) || until != null && !t.isBefore(until)) {
                return false;
            }
        }
        for (Condition c : conditions) {
            if (!c.test(r)) {
                return false;
            }
        }
        return true;
    }

    /** The conditions in words, for reports: the expressions, then "since T" and "until T". */
    public List<String> describe() {
        List<String> out = new ArrayList<>(expressions);
        if (since != null) {
            out.add("since " + since);
        }
        if (until != null) {
            out.add("until " + until);
        }
        return out;
    }

    public List<String> expressions() {
        return expressions;
    }

    public Instant since() {
        return since;
    }

    public Instant until() {
        return until;
    }
}
