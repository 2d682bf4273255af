package dev.mlops.logs;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Sinks that see records changed on their way in; a selective sink stays selective. */
final class Sinks {
    private Sinks() {
    }

    static Consumer<LogRecord> mapped(UnaryOperator<LogRecord> f, Consumer<LogRecord> sink) {
        if (!(sink instanceof Selective s)) {
            return r -> sink.accept(f.apply(r));
        }
        return new Selective() {
            @Override
            public boolean wants(LogRecord withoutText, long contentHash) {
                return s.wants(f.apply(withoutText), contentHash);
            }

            @Override
            public void acceptWhole(LogRecord record, long contentHash, String raw) {
                s.acceptWhole(f.apply(record), contentHash, raw);
            }
        };
    }

    /** Records tagged with the attribute {@code file}: the input's name, for --by file. */
    static Consumer<LogRecord> taggedWithFile(String name, Consumer<LogRecord> sink) {
        return mapped(r -> {
            Map<String, String> a = new HashMap<>(r.attributes());
            a.put("file", name);
            return r.withAttributes(a);
        }, sink);
    }
}
