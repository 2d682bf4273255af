package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import dev.mlops.stats.Distribution;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The accumulator behind {@code mlops health}: data-quality and infrastructure counts per group and window. */
public final class HealthScan implements java.io.Serializable, Accumulator<HealthScan, Map<GroupKey, HealthScan.Group>> {
    /** Fields whose absence is counted. */
    public static final List<String> FIELDS = List.of("timestamp", "model", "version", "input_tokens",
            "output_tokens", "latency_ms", "ttft_ms", "finish_reason", "prompt", "response");
    static final int MAX_IDS = 500_000;

    private final List<String> groupBy;
    private final RecordFilter filter;
    private final long windowSeconds;
    private final long gapSeconds;
    private final Instant now;
    private final Map<GroupKey, Group> groups = new HashMap<>();

    public HealthScan(List<String> groupBy, long windowSeconds, long gapSeconds, Instant now) {
        this(groupBy, RecordFilter.all(), windowSeconds, gapSeconds, now);
    }

    /** A scan of the records that {@code filter} keeps. */
    public HealthScan(List<String> groupBy, RecordFilter filter, long windowSeconds, long gapSeconds, Instant now) {
        this.filter = filter;
        this.groupBy = List.copyOf(groupBy);
        this.windowSeconds = windowSeconds;
        this.gapSeconds = gapSeconds;
        this.now = now;
    }

    /** One time window's traffic. */
    public static final class Window implements java.io.Serializable {
        long requests;
        long errors;
        final Distribution latency = new Distribution(20_000);
    }

    /** Everything counted for one group. */
    public static final class Group implements java.io.Serializable {
        long requests;
        long errors;
        final Map<String, Long> errorTypes = new TreeMap<>();
        long timeouts;
        long truncated;
        long withFinishReason;
        long emptyResponses;
        long emptyPrompts;
        long invalidUtf8;
        long zeroLatency;
        long zeroLatencyErrors;
        final long[] missing = new long[FIELDS.size()];
        final Set<String> ids = new HashSet<>();
        long idsChecked;
        long duplicateIds;
        long outOfOrder;
        long future;
        Instant last;
        Instant first;
        Instant latest;
        /** Traffic per gap-sized bucket of time, to find gaps with none. */
        final TreeMap<Long, Long> buckets = new TreeMap<>();
        final TreeMap<Long, Window> windows = new TreeMap<>();
    }

    @Override
    public void accept(LogRecord r) {
        if (!filter.test(r)) {
            return;
        }
        Group g = groups.computeIfAbsent(GroupKey.of(r, groupBy), k -> new Group());
        g.requests++;
        if (r.isError()) {
            g.errors++;
            String type = r.errorType() == null ? "unknown" : r.errorType();
            g.errorTypes.merge(g.errorTypes.size() < 50 || g.errorTypes.containsKey(type) ? type : "other", 1L, Long::sum);
            String t = type.toLowerCase(java.util.Locale.ROOT);
            if (t.contains("timeout") || t.contains("timed out") || t.equals("http_504") || t.equals("http_408")) {
                g.timeouts++;
            }
        }
        if (r.finishReason() != null) {
            g.withFinishReason++;
            if (r.finishReason().equals("length") || r.finishReason().equals("max_tokens")) {
                g.truncated++;
            }
        }
        if (r.response() != null && r.response().isBlank() && !r.isError()) {
            g.emptyResponses++;
        }
        if (r.prompt() != null && r.prompt().isBlank()) {
            g.emptyPrompts++;
        }
        if (r.prompt() != null && r.prompt().indexOf('\uFFFD') >= 0 || r.response() != null && r.response().indexOf('\uFFFD') >= 0) {
            g.invalidUtf8++;
        }
        if (r.latencyMs() == 0) {
            g.zeroLatency++;
            g.zeroLatencyErrors += r.isError() ? 1 : 0;
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            // a failed request has no answer: its missing answer fields are not missing data
            if (absent(r, FIELDS.get(i)) && !(r.isError() && ANSWER_FIELDS.contains(FIELDS.get(i)))) {
                g.missing[i]++;
            }
        }
        if (r.id() != null) {
            if (g.ids.contains(r.id())) {
                g.duplicateIds++;
            } else if (g.ids.size() < MAX_IDS) {
                g.ids.add(r.id());
                g.idsChecked++;
            }
        }
        Instant t = r.timestamp();
        if (t != null) {
            if (g.last != null && t.isBefore(g.last)) {
                g.outOfOrder++;
            }
            g.last = t;
            g.first = g.first == null || t.isBefore(g.first) ? t : g.first;
            g.latest = g.latest == null || t.isAfter(g.latest) ? t : g.latest;
            if (t.isAfter(now.plusSeconds(300))) {
                g.future++;
            }
            g.buckets.merge(Math.floorDiv(t.getEpochSecond(), Math.max(1, gapSeconds / 2)), 1L, Long::sum);
            Window w = g.windows.computeIfAbsent(Math.floorDiv(t.getEpochSecond(), windowSeconds), k -> new Window());
            w.requests++;
            if (r.isError()) {
                w.errors++;
            } else {
                w.latency.add(r.latencyMs());
            }
        }
    }

    /** Fields only a successful request has; their missing share is over successful requests. */
    public static final java.util.Set<String> ANSWER_FIELDS = java.util.Set.of("output_tokens", "ttft_ms",
            "finish_reason", "response");

    private static boolean absent(LogRecord r, String f) {
        switch (f) {
            case "timestamp": return r.timestamp() == null;
            case "prompt": return r.prompt() == null;
            case "response": return r.response() == null;
            default: return LogRecord.NUMBER_FIELDS.contains(f) ? Double.isNaN(r.number(f)) : r.value(f) == null;
        }
    }

    @Override
    public java.util.Set<dev.mlops.logs.Field> reads() {
        return Accumulator.allBut(dev.mlops.logs.Field.USER, dev.mlops.logs.Field.ARM, dev.mlops.logs.Field.FEEDBACK);
    }

    @Override
    public void merge(HealthScan o) {
        o.groups.forEach((k, b) -> {
            Group a = groups.get(k);
            if (a == null) {
                groups.put(k, b);
                return;
            }
            a.requests += b.requests;
            a.errors += b.errors;
            b.errorTypes.forEach((t, c) -> a.errorTypes.merge(t, c, Long::sum));
            a.timeouts += b.timeouts;
            a.truncated += b.truncated;
            a.withFinishReason += b.withFinishReason;
            a.emptyResponses += b.emptyResponses;
            a.emptyPrompts += b.emptyPrompts;
            a.invalidUtf8 += b.invalidUtf8;
            a.zeroLatency += b.zeroLatency;
            a.zeroLatencyErrors += b.zeroLatencyErrors;
            for (int i = 0; i < a.missing.length; i++) {
                a.missing[i] += b.missing[i];
            }
            for (String id : b.ids) {
                if (a.ids.contains(id)) {
                    a.duplicateIds++;
                } else if (a.ids.size() < MAX_IDS) {
                    a.ids.add(id);
                    a.idsChecked++;
                }
            }
            a.duplicateIds += b.duplicateIds;
            // out of order is counted within each part: merging must not depend on the order of the parts
            a.outOfOrder += b.outOfOrder;
            a.future += b.future;
            a.first = min(a.first, b.first);
            a.latest = max(a.latest, b.latest);
            a.last = max(a.last, b.last);
            b.buckets.forEach((t, c) -> a.buckets.merge(t, c, Long::sum));
            b.windows.forEach((t, w) -> {
                Window m = a.windows.get(t);
                if (m == null) {
                    a.windows.put(t, w);
                } else {
                    m.requests += w.requests;
                    m.errors += w.errors;
                    m.latency.merge(w.latency);
                }
            });
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    @Override
    public Map<GroupKey, Group> result() {
        return new TreeMap<>(groups);
    }

    public List<String> groupBy() {
        return groupBy;
    }

    public long windowSeconds() {
        return windowSeconds;
    }

    public long gapSeconds() {
        return gapSeconds;
    }
}
