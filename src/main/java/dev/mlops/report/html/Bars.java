package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars, one a row, each against its own threshold when it has one (a drift effect
 * against its limit, a share of votes). Each bar carries {@code data-label} and {@code data-value}.
 */
final class Bars {
    private static final int LEFT = 170;
    private static final int ROW = 22;

    record Bar(String label, double value, double threshold, String cls) {
    }

    private final String label;
    private final List<Bar> bars = new ArrayList<>();
    private String unit = "";

    Bars(String label) {
        this.label = label;
    }

    Bars unit(String text) {
        unit = text;
        return this;
    }

    /** A bar; {@code threshold} NaN for none; {@code cls} ok, warn, bad or "" for the plain colour. */
    Bars bar(String name, double value, double threshold, String cls) {
        bars.add(new Bar(name, value, threshold, cls));
        return this;
    }

    boolean isEmpty() {
        return bars.isEmpty();
    }

    String svg() {
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, Double.isFinite(b.value()) ? b.value() : 0);
            max = Math.max(max, Double.isFinite(b.threshold()) ? b.threshold() : 0);
        }
        int height = 28 + ROW * bars.size();
        Scale x = Scale.linear(0, max > 0 ? max * 1.08 : 1, LEFT, XyChart.WIDTH - 60);
        Svg svg = new Svg(XyChart.WIDTH, height, label);
        List<Double> ticksX = x.ticks();
        List<String> namesX = x.labels(ticksX);
        for (int k = 0; k < ticksX.size(); k++) {
            double t = ticksX.get(k);
            svg.line(x.map(t), 4, x.map(t), height - 20, "grid").text(x.map(t), height - 6, "middle", "", namesX.get(k));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double top = 6 + i * ROW;
            double v = Double.isFinite(b.value()) ? b.value() : 0;
            String title = b.label() + ": " + Fmt.num(b.value()) + unit
                    + (Double.isFinite(b.threshold()) ? " (threshold " + Fmt.num(b.threshold()) + unit + ")" : "");
            svg.text(LEFT - 8, top + 14, "end", "", shorten(b.label()))
                    .rect(LEFT, top + 3, x.map(v) - LEFT, ROW - 7, ("bar " + b.cls()).trim(), title,
                            Svg.data("label", b.label()) + " " + Svg.data("value", Fmt.plain(b.value())))
                    .text(x.map(v) + 4, top + 14, "start", "", Fmt.num(b.value()) + unit);
            if (Double.isFinite(b.threshold())) {
                svg.line(x.map(b.threshold()), top + 1, x.map(b.threshold()), top + ROW - 2, "rule");
            }
        }
        svg.line(LEFT, 4, LEFT, height - 20, "axis");
        return svg.end();
    }

    static String shorten(String s) {
        return s.length() <= 26 ? s : s.substring(0, 25) + "…";
    }
}
