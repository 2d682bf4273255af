package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest plot: an estimate and its interval per row against a reference line (a lift against
 * zero, a rating against the mean). Each row carries {@code data-label}, {@code data-value},
 * {@code data-low} and {@code data-high}.
 */
final class Forest {
    private static final int LEFT = 220;
    private static final int ROW = 22;

    record Row(String label, double value, double low, double high, String cls) {
    }

    private final String label;
    private final double reference;
    private final List<Row> rows = new ArrayList<>();
    private boolean percent;

    Forest(String label, double reference) {
        this.label = label;
        this.reference = reference;
    }

    /** Relative values: the axis in percent. */
    Forest percent() {
        percent = true;
        return this;
    }

    Forest row(String name, double value, double low, double high, String cls) {
        rows.add(new Row(name, value, low, high, cls));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String svg() {
        double lo = reference;
        double hi = reference;
        for (Row r : rows) {
            for (double v : new double[] {r.value(), r.low(), r.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double pad = (hi - lo) * 0.06 + 1e-12;
        int height = 30 + ROW * rows.size();
        Scale x = Scale.linear(lo - pad, hi + pad, LEFT, XyChart.WIDTH - 20);
        Svg svg = new Svg(XyChart.WIDTH, height, label);
        List<Double> ticksX = x.ticks();
        List<String> namesX = percent ? Scale.linear(x.lo() * 100, x.hi() * 100, 0, 1)
                .labels(ticksX.stream().map(t -> t * 100).toList()).stream().map(t -> t + "%").toList() : x.labels(ticksX);
        for (int k = 0; k < ticksX.size(); k++) {
            double t = ticksX.get(k);
            svg.line(x.map(t), 4, x.map(t), height - 22, "grid").text(x.map(t), height - 6, "middle", "", namesX.get(k));
        }
        svg.line(x.map(reference), 2, x.map(reference), height - 20, "ref");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double mid = 6 + i * ROW + ROW / 2.0;
            svg.text(LEFT - 8, mid + 4, "end", "", Bars.shorten(r.label()));
            if (Double.isFinite(r.low()) && Double.isFinite(r.high())) {
                svg.line(x.map(r.low()), mid, x.map(r.high()), mid, ("whisker " + r.cls()).trim());
            }
            if (Double.isFinite(r.value())) {
                svg.circle(x.map(r.value()), mid, 4.5, ("dot " + r.cls()).trim(),
                        r.label() + ": " + Fmt.num(r.value()) + " [" + Fmt.num(r.low()) + ", " + Fmt.num(r.high()) + "]",
                        Svg.data("label", r.label()) + " " + Svg.data("value", Fmt.plain(r.value())) + " "
                                + Svg.data("low", Fmt.plain(r.low())) + " " + Svg.data("high", Fmt.plain(r.high())));
            }
        }
        return svg.end();
    }
}
