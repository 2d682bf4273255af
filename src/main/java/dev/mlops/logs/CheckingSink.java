package dev.mlops.logs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Counts what {@link ReadChecks} asks for on the way to the command's own sink. */
final class CheckingSink implements Consumer<LogRecord> {
    private final Consumer<LogRecord> sink;
    private final ReadChecks checks;
    private final Set<String> sharedGroups;
    private final Set<String> localGroups = new HashSet<>();
    final long[] present;
    long informative;

    CheckingSink(Consumer<LogRecord> sink, ReadChecks checks, Set<String> sharedGroups) {
        this.sink = sink;
        this.checks = checks;
        this.sharedGroups = sharedGroups;
        this.present = new long[checks.named().size()];
    }

    /** Wraps {@code sink}, keeping it {@link Selective} when it is. */
    static Consumer<LogRecord> around(CheckingSink c) {
        if (!(c.sink instanceof Selective)) {
            return c;
        }
        Selective s = (Selective) c.sink;
        return new Selective() {
            @Override
            public boolean wants(LogRecord withoutText, long contentHash) {
                c.check(withoutText);
                return s.wants(withoutText, contentHash);
            }

            @Override
            public void acceptWhole(LogRecord record, long contentHash, String raw) {
                s.acceptWhole(record, contentHash, raw);
            }
        };
    }

    @Override
    public void accept(LogRecord r) {
        check(r);
        sink.accept(r);
    }

    private void check(LogRecord r) {
        List<ReadChecks.Named> named = checks.named();
        for (int i = 0; i < present.length; i++) {
            if (present[i] == 0 && ReadChecks.has(r, named.get(i).field())) {
                present[i] = 1;
            }
        }
        if (informative == 0 && ReadChecks.informative(r)) {
            informative = 1;
        }
        if (!checks.groupBy().isEmpty()) {
            group(r);
        }
    }

    private void group(LogRecord r) {
        List<String> by = checks.groupBy();
        String key = by.size() == 1 ? r.value(by.get(0)) : String.join("\u0001", by.stream().map(r::value)
                .map(v -> v == null ? "" : v).toList());
        if (key != null && localGroups.add(key)) {
            sharedGroups.add(key);
            if (sharedGroups.size() > checks.maxGroups()) {
                throw new InputException(String.format(java.util.Locale.ROOT, "--by %s makes more than %,d groups "
                        + "(--max-groups): group by a field with fewer values, or raise --max-groups",
                        String.join(",", by), checks.maxGroups()));
            }
        }
    }
}
