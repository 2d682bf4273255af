package dev.mlops.analysis;

import dev.mlops.stats.Distribution;
import dev.mlops.stats.ExactSum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A group's traffic per time window, for a picture: requests, errors, p95 latency and cost. The
 * window starts at one minute and widens along {@link #WIDTHS} (each a multiple of the one before,
 * so windows merge exactly) until at most {@value #MAX_WINDOWS} hold traffic. The width is then the
 * narrowest that fits the whole input, whatever the order in which parts merge.
 */
public final class Timeline implements java.io.Serializable {
    static final int MAX_WINDOWS = 240;
    static final long[] WIDTHS = {60, 300, 900, 1800, 3600, 10_800, 21_600, 43_200, 86_400, 604_800, 2_419_200,
            29_030_400};
    /** Values per window kept exactly for its p95; past it, the sketch (1% relative error). */
    static final int EXACT_PER_WINDOW = 512;

    /**
     * One window.
     *
     * @param start        its start
     * @param requests     requests in it
     * @param errors       failed requests
     * @param latencyP95Ms p95 latency of its successful requests (NaN when none)
     * @param costUsd      the cost of its priced requests (NaN when none is priced)
     */
    public record Point(Instant start, long requests, long errors, double latencyP95Ms, double costUsd) {
        public double errorRate() {
            return requests == 0 ? Double.NaN : (double) errors / requests;
        }
    }

    /** The windows of a group, and their width. */
    public record Series(long windowSeconds, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    private static final class Slot implements java.io.Serializable {
        long requests;
        long errors;
        long priced;
        final ExactSum cost = new ExactSum();
        final Distribution latency = new Distribution(EXACT_PER_WINDOW);

        void merge(Slot o) {
            requests += o.requests;
            errors += o.errors;
            priced += o.priced;
            cost.merge(o.cost);
            latency.merge(o.latency);
        }
    }

    private int width;
    private TreeMap<Long, Slot> slots = new TreeMap<>();

    void accept(Instant t, boolean error, double latencyMs, double costUsd) {
        Slot s = slots.computeIfAbsent(Math.floorDiv(t.getEpochSecond(), WIDTHS[width]), k -> new Slot());
        s.requests++;
        if (error) {
            s.errors++;
        } else if (latencyMs >= 0) {
            s.latency.add(latencyMs);
        }
        if (!Double.isNaN(costUsd)) {
            s.cost.add(costUsd);
            s.priced++;
        }
        if (slots.size() > MAX_WINDOWS) {
            widen(width + 1);
        }
    }

    /** Adds {@code o}'s windows to these; {@code o} is left as it was (the overall series merges every group's). */
    void merge(Timeline o) {
        widen(Math.max(width, o.width));
        long factor = WIDTHS[width] / WIDTHS[o.width];
        o.slots.forEach((k, v) -> slots.computeIfAbsent(Math.floorDiv(k, factor), x -> new Slot()).merge(v));
        if (slots.size() > MAX_WINDOWS) {
            widen(width + 1);
        }
    }

    /** Re-buckets into WIDTHS[to] or wider, until no more than MAX_WINDOWS windows hold traffic. */
    private void widen(int to) {
        while (width < to || slots.size() > MAX_WINDOWS && width < WIDTHS.length - 1) {
            if (width == WIDTHS.length - 1) {
                return;
            }
            long factor = WIDTHS[width + 1] / WIDTHS[width];
            TreeMap<Long, Slot> wider = new TreeMap<>();
            for (Map.Entry<Long, Slot> e : slots.entrySet()) {
                wider.merge(Math.floorDiv(e.getKey(), factor), e.getValue(), (a, b) -> {
                    a.merge(b);
                    return a;
                });
            }
            slots = wider;
            width++;
        }
    }

    Series series() {
        List<Point> out = new ArrayList<>();
        long w = WIDTHS[width];
        for (Map.Entry<Long, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            out.add(new Point(Instant.ofEpochSecond(e.getKey() * w), s.requests, s.errors,
                    s.latency.count() == 0 ? Double.NaN : s.latency.quantile(0.95), s.priced == 0 ? Double.NaN
                    : s.cost.value()));
        }
        return new Series(w, out);
    }
}
