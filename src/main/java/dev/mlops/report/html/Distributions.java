package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import dev.mlops.stats.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One measure's distribution in several groups as two figures: the share of each group per
 * log-scaled bucket, overlaid, and the cumulative share (CDF) at each bucket's upper edge. The
 * numbers table lists the counts per bucket. Up to 8 groups are drawn; the table holds them all.
 */
final class Distributions {
    static final int MAX_SERIES = 8;

    record Named(String name, Histogram histogram) {
    }

    record Limit(double at, String label) {
    }

    private Distributions() {
    }

    static void add(Page page, String measure, List<Named> groups, List<Limit> limits) {
        List<Named> drawn = groups.stream().filter(g -> g.histogram().total() > g.histogram().zeros()).toList();
        if (drawn.isEmpty()) {
            page.note(measure + ": no value in any group.");
            return;
        }
        XyChart hist = new XyChart(measure + ": share of requests per bucket").logX().steps().titles(measure, "share");
        XyChart cdf = new XyChart(measure + ": cumulative share").logX().titles(measure, "cumulative share");
        for (Limit l : limits) {
            hist.vRule(l.at(), l.label());
            cdf.vRule(l.at(), l.label());
        }
        for (Named g : drawn.subList(0, Math.min(MAX_SERIES, drawn.size()))) {
            hist.series(g.name(), shares(g.histogram()));
            cdf.series(g.name(), cumulative(g.histogram()));
        }
        Page.Table numbers = counts(groups);
        String more = drawn.size() > MAX_SERIES ? " (the first " + MAX_SERIES + " of " + drawn.size() + " groups)" : "";
        page.figure(measure + ", log scale" + more, hist.svg(), null);
        page.figure(measure + ": CDF" + more, cdf.svg(), null);
        page.numbers(numbers);
    }

    /** Share of the group's non-zero values in each bucket, at the bucket's lower edge, closed at the last upper edge. */
    static List<XyChart.Point> shares(Histogram h) {
        double n = h.total() - h.zeros();
        List<XyChart.Point> out = new ArrayList<>();
        Histogram.Bucket last = null;
        for (Histogram.Bucket b : h.buckets()) {
            if (last != null && b.index() > last.index() + 1) {
                out.add(new XyChart.Point(last.upper(), 0));
            }
            out.add(new XyChart.Point(b.lower(), b.count() / n));
            last = b;
        }
        if (last != null) {
            out.add(new XyChart.Point(last.upper(), 0));
        }
        return out;
    }

    /** The share of non-zero values at or below each bucket's upper edge, from 0 at the first lower edge. */
    static List<XyChart.Point> cumulative(Histogram h) {
        double n = h.total() - h.zeros();
        List<XyChart.Point> out = new ArrayList<>();
        long sum = 0;
        for (Histogram.Bucket b : h.buckets()) {
            if (out.isEmpty()) {
                out.add(new XyChart.Point(b.lower(), 0));
            }
            sum += b.count();
            out.add(new XyChart.Point(b.upper(), sum / n));
        }
        return out;
    }

    private static Page.Table counts(List<Named> groups) {
        TreeMap<Integer, long[]> rows = new TreeMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (Histogram.Bucket b : groups.get(g).histogram().buckets()) {
                rows.computeIfAbsent(b.index(), k -> new long[groups.size()])[g] = b.count();
            }
        }
        List<String> header = new ArrayList<>(List.of("from", "to"));
        groups.forEach(g -> header.add(g.name()));
        List<List<String>> out = new ArrayList<>();
        List<String> zeros = new ArrayList<>(List.of("0", "0"));
        groups.forEach(g -> zeros.add(Fmt.count(g.histogram().zeros())));
        if (groups.stream().anyMatch(g -> g.histogram().zeros() > 0)) {
            out.add(zeros);
        }
        rows.forEach((i, c) -> {
            Histogram.Bucket b = new Histogram.Bucket(i, 0);
            List<String> row = new ArrayList<>(List.of(Fmt.edge(b.lower()), Fmt.edge(b.upper())));
            for (long v : c) {
                row.add(Fmt.count(v));
            }
            out.add(row);
        });
        return new Page.Table(header, out);
    }
}
