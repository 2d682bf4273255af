package dev.mlops.analysis;

import dev.mlops.logs.InputException;
import dev.mlops.logs.LogRecord;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which window each record of a drift run belongs to, and which window each is compared with.
 * <ul>
 * <li>{@link #files()}: the baseline files are window 0, the current files window 1;</li>
 * <li>{@link #cut}: one log cut by time, before {@code until} the baseline, from {@code since} the current;</li>
 * <li>{@link #timeline}: rolling windows of a duration, each compared with the baseline: everything before
 *     {@code until} when given, else the first window with at least --min-samples records of the group.</li>
 * </ul>
 * An empty baseline or current window is bad input, never a comparison of a window with itself.
 */
public final class DriftWindows implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How the windows are made. */
    public enum Mode { FILES, CUT, TIMELINE }

    private final Mode mode;
    private final Instant until;
    private final Instant since;
    private final long seconds;

    private DriftWindows(Mode mode, Instant until, Instant since, long seconds) {
        this.mode = mode;
        this.until = until;
        this.since = since;
        this.seconds = seconds;
    }

    public static DriftWindows files() {
        return new DriftWindows(Mode.FILES, null, null, 0);
    }

    /** One log cut at {@code until} (the baseline ends before it) and/or {@code since} (the current starts there). */
    public static DriftWindows cut(Instant until, Instant since) {
        if (until == null && since == null) {
            throw new IllegalArgumentException("a cut needs --baseline-until or --current-since");
        }
        if (until != null && since != null && since.isBefore(until)) {
            throw new IllegalArgumentException("--current-since " + since + " is before --baseline-until " + until);
        }
        return new DriftWindows(Mode.CUT, until, since, 0);
    }

    /** Rolling windows of {@code window}; with {@code until}, everything before it is the baseline. */
    public static DriftWindows timeline(Duration window, Instant until) {
        if (window.getSeconds() < 1) {
            throw new IllegalArgumentException("--window must be at least one second");
        }
        return new DriftWindows(Mode.TIMELINE, until, null, window.getSeconds());
    }

    public Mode mode() {
        return mode;
    }

    /** The window index of a record (-1: none), for a record read from the baseline files or not. */
    public int windowOf(LogRecord r, boolean baselineFile) {
        if (mode == Mode.FILES) {
            return baselineFile ? 0 : 1;
        }
        Instant t = r.timestamp();
        if (t == null) {
            return -1;
        }
        if (mode == Mode.TIMELINE) {
            if (until != null) {
                return t.isBefore(until) ? 0 : 1 + (int) ((t.getEpochSecond() - until.getEpochSecond()) / seconds);
            }
            return (int) Math.floorDiv(t.getEpochSecond(), seconds);
        }
        Instant cut = until != null ? until : since;
        Instant start = since != null ? since : until;
        return t.isBefore(cut) ? 0 : t.isBefore(start) ? -1 : 1;
    }

    /** A window's label: "current", or in a timeline its start. */
    public String label(int index) {
        if (mode != Mode.TIMELINE) {
            return index == 0 ? "baseline" : "current";
        }
        if (until != null) {
            return index == 0 ? "before " + until : until.plusSeconds((index - 1L) * seconds).toString();
        }
        return Instant.ofEpochSecond(index * seconds).toString();
    }

    private String describeBaseline() {
        return mode == Mode.FILES ? "the --baseline files" : until != null ? "before " + until : "the first window";
    }

    private String describeCurrent() {
        return mode == Mode.FILES ? "the --current files" : since != null ? "from " + since : "from " + until;
    }

    /**
     * Every group's windows compared with their baseline.
     *
     * @throws InputException when the baseline or the current window holds no record at all
     */
    public List<GroupDrift> compare(DriftScan scan, DriftSettings settings, DriftRules rules, long minSamples) {
        TreeMap<Integer, TreeMap<GroupKey, DriftWindow>> windows = scan.result();
        if (mode != Mode.TIMELINE) {
            if (!windows.containsKey(0)) {
                throw new InputException("the baseline window (" + describeBaseline() + ") holds no record"
                        + (mode == Mode.CUT ? "; is --baseline-until before the data?" : ""));
            }
            if (!windows.containsKey(1)) {
                throw new InputException("the current window (" + describeCurrent() + ") holds no record"
                        + (mode == Mode.CUT ? "; is the cut after the data?" : ""));
            }
            List<GroupDrift> out = new ArrayList<>();
            for (var g : windows.get(1).entrySet()) {
                DriftWindow b = windows.get(0).get(g.getKey());
                out.add(DriftComparison.compare(scan.keyOf(g.getKey()), "current", b == null
                        ? settings.newWindowForReport() : b, g.getValue(), settings, rules, minSamples));
            }
            return out;
        }
        return timeline(windows, scan, settings, rules, minSamples);
    }

    private List<GroupDrift> timeline(TreeMap<Integer, TreeMap<GroupKey, DriftWindow>> windows, DriftScan scan,
                                      DriftSettings settings, DriftRules rules, long minSamples) {
        if (windows.isEmpty()) {
            throw new InputException("no record has a timestamp, so there is no window to compare");
        }
        int first = windows.keySet().iterator().next();
        int last = windows.lastKey();
        TreeMap<GroupKey, TreeMap<Integer, DriftWindow>> byGroup = new TreeMap<>();
        windows.forEach((w, groups) -> groups.forEach((k, d) -> byGroup.computeIfAbsent(k, x -> new TreeMap<>()).put(w, d)));
        List<GroupDrift> out = new ArrayList<>();
        for (var g : byGroup.entrySet()) {
            Integer base = null;
            if (until != null) {
                base = g.getValue().containsKey(0) ? 0 : null;
            } else {
                for (var w : g.getValue().entrySet()) {
                    if (w.getValue().records >= minSamples) {
                        base = w.getKey();
                        break;
                    }
                }
            }
            DriftWindow baseline = base == null ? settings.newWindowForReport() : g.getValue().get(base);
            int from = base == null ? first : base + 1;
            for (int w = from; w <= last; w++) {
                DriftWindow cur = g.getValue().get(w);
                out.add(DriftComparison.compare(scan.keyOf(g.getKey()), label(w), baseline,
                        cur == null ? settings.newWindowForReport() : cur, settings, rules, minSamples));
            }
        }
        return out;
    }
}
