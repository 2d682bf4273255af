package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines over x: distributions (steps on a log scale), CDFs and time series, with rules (an SLO, a
 * threshold) and marked points (a change point, a window where a signal fired). Each series
 * carries its raw points in {@code data-values} ("x y;x y"), so a test reads back what was drawn.
 */
final class XyChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 250;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 22;
    private static final int BOTTOM = 34;

    record Point(double x, double y) {
    }

    /** A line, and optionally an interval around it (low and high per point, same length). */
    record Series(String name, List<Point> points, List<Point> low, List<Point> high) {
        Series {
            points = List.copyOf(points);
            low = List.copyOf(low);
            high = List.copyOf(high);
        }
    }

    record Rule(double at, String label) {
    }

    record Mark(double x, double y, String label, String cls) {
    }

    private final String label;
    private final List<Series> series = new ArrayList<>();
    private final List<Rule> vertical = new ArrayList<>();
    private final List<Rule> horizontal = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private boolean logX;
    private boolean time;
    private boolean step;
    private List<String> categories = List.of();
    private String xTitle = "";
    private String yTitle = "";

    XyChart(String label) {
        this.label = label;
    }

    XyChart logX() {
        logX = true;
        return this;
    }

    /** An x axis of instants in epoch seconds, labelled in UTC. */
    XyChart time() {
        time = true;
        return this;
    }

    /** Draw each series as steps: point i holds from x_i to x_{i+1} (a histogram's buckets). */
    XyChart steps() {
        step = true;
        return this;
    }

    private static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-(\\d\\d-\\d\\d)T(\\d\\d:\\d\\d)(:00)?(\\.0+)?Z");

    /** An x axis of named positions 0, 1, 2 … (time windows; an instant is shown as "11-01 06:00", UTC). */
    XyChart categories(List<String> names) {
        categories = names.stream().map(n -> {
            java.util.regex.Matcher m = INSTANT.matcher(n);
            return m.matches() ? m.group(1) + " " + m.group(2) : n;
        }).toList();
        return this;
    }

    XyChart titles(String x, String y) {
        xTitle = x;
        yTitle = y;
        return this;
    }

    XyChart series(String name, List<Point> points) {
        series.add(new Series(name, points, List.of(), List.of()));
        return this;
    }

    XyChart band(String name, List<Point> points, List<Point> low, List<Point> high) {
        series.add(new Series(name, points, low, high));
        return this;
    }

    XyChart vRule(double x, String text) {
        vertical.add(new Rule(x, text));
        return this;
    }

    XyChart hRule(double y, String text) {
        horizontal.add(new Rule(y, text));
        return this;
    }

    XyChart mark(double x, double y, String text, String cls) {
        marks.add(new Mark(x, y, text, cls));
        return this;
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> s.points().isEmpty());
    }

    String svg() {
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = 0;
        double yhi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (List<Point> ps : List.of(s.points(), s.low(), s.high())) {
                for (Point p : ps) {
                    if (Double.isFinite(p.x()) && Double.isFinite(p.y()) && (!logX || p.x() > 0)) {
                        xlo = Math.min(xlo, p.x());
                        xhi = Math.max(xhi, p.x());
                        ylo = Math.min(ylo, p.y());
                        yhi = Math.max(yhi, p.y());
                    }
                }
            }
        }
        for (Rule r : vertical) {
            xlo = Math.min(xlo, r.at());
            xhi = Math.max(xhi, r.at());
        }
        for (Rule r : horizontal) {
            yhi = Math.max(yhi, r.at());
            ylo = Math.min(ylo, r.at());
        }
        if (!categories.isEmpty()) {
            xlo = -0.5;
            xhi = categories.size() - 0.5;
        }
        if (xlo > xhi) {
            xlo = 0;
            xhi = 1;
        }
        if (!(yhi > ylo)) {
            yhi = ylo + 1;
        }
        yhi += (yhi - ylo) * 0.06;
        Scale x = logX ? Scale.log(xlo, xhi, LEFT, WIDTH - RIGHT) : Scale.linear(xlo, xhi, LEFT, WIDTH - RIGHT);
        Scale y = Scale.linear(ylo, yhi, HEIGHT - BOTTOM, TOP);
        Svg svg = new Svg(WIDTH, HEIGHT, label);
        axes(svg, x, y);
        for (int i = 0; i < series.size(); i++) {
            draw(svg, series.get(i), i % 8, x, y);
        }
        for (Rule r : vertical) {
            svg.line(x.map(r.at()), TOP, x.map(r.at()), HEIGHT - BOTTOM, "rule")
                    .text(x.map(r.at()) + 3, TOP + 10, "start", "rule-label", r.label());
        }
        for (Rule r : horizontal) {
            svg.line(LEFT, y.map(r.at()), WIDTH - RIGHT, y.map(r.at()), "rule")
                    .text(WIDTH - RIGHT - 2, y.map(r.at()) - 4, "end", "rule-label", r.label());
        }
        for (Mark m : marks) {
            svg.circle(x.map(m.x()), y.map(m.y()), 5, "mark " + m.cls(), m.label(),
                    Svg.data("mark", Fmt.plain(m.x()) + " " + Fmt.plain(m.y())));
        }
        legend(svg);
        return svg.end();
    }

    private void axes(Svg svg, Scale x, Scale y) {
        List<Double> ticksY = y.ticks();
        List<String> namesY = y.labels(ticksY);
        for (int k = 0; k < ticksY.size(); k++) {
            double t = ticksY.get(k);
            svg.line(LEFT, y.map(t), WIDTH - RIGHT, y.map(t), "grid").text(LEFT - 6, y.map(t) + 4, "end", "", namesY.get(k));
        }
        if (time) {
            TimeTicks.draw(svg, x, HEIGHT - BOTTOM);
        } else if (categories.isEmpty()) {
            List<Double> ticksX = x.ticks();
            List<String> namesX = x.labels(ticksX);
            for (int k = 0; k < ticksX.size(); k++) {
                double t = ticksX.get(k);
                svg.line(x.map(t), HEIGHT - BOTTOM, x.map(t), HEIGHT - BOTTOM + 4, "axis")
                        .text(x.map(t), HEIGHT - BOTTOM + 16, "middle", "", namesX.get(k));
            }
        } else {
            int longest = categories.stream().mapToInt(String::length).max().orElse(1);
            double room = (WIDTH - LEFT - RIGHT) / (6.2 * longest + 14);
            int every = Math.max(1, (int) Math.ceil(categories.size() / Math.max(1, room)));
            for (int i = 0; i < categories.size(); i += every) {
                svg.text(x.map(i), HEIGHT - BOTTOM + 16, "middle", "", categories.get(i));
            }
        }
        svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "axis")
                .text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 4, "middle", "", xTitle)
                .text(4, TOP - 8, "start", "", yTitle);
    }

    private void draw(Svg svg, Series s, int colour, Scale x, Scale y) {
        List<Point> pts = s.points().stream().filter(p -> Double.isFinite(p.y()) && (!logX || p.x() > 0)).toList();
        if (!s.low().isEmpty()) {
            StringBuilder d = new StringBuilder();
            for (Point p : s.high()) {
                if (Double.isFinite(p.y())) {
                    d.append(d.length() == 0 ? 'M' : 'L').append(Svg.n(x.map(p.x()))).append(' ').append(Svg.n(y.map(p.y())));
                }
            }
            for (int i = s.low().size() - 1; i >= 0; i--) {
                Point p = s.low().get(i);
                if (Double.isFinite(p.y())) {
                    d.append('L').append(Svg.n(x.map(p.x()))).append(' ').append(Svg.n(y.map(p.y())));
                }
            }
            if (d.length() > 0) {
                svg.raw("<path d=\"" + d + "Z\" class=\"f" + colour + "\" fill-opacity=\"0.18\"/>");
            }
        }
        StringBuilder d = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            double px = x.map(p.x());
            double py = y.map(p.y());
            if (step) {
                double next = i + 1 < pts.size() ? x.map(pts.get(i + 1).x()) : px;
                d.append(i == 0 ? "M" : "L").append(Svg.n(px)).append(' ').append(Svg.n(py))
                        .append('H').append(Svg.n(next));
            } else {
                d.append(i == 0 ? "M" : "L").append(Svg.n(px)).append(' ').append(Svg.n(py));
            }
            values.append(i == 0 ? "" : ";").append(Fmt.plain(p.x())).append(' ').append(Fmt.plain(p.y()));
        }
        if (pts.size() == 1 && !step) {
            svg.circle(x.map(pts.get(0).x()), y.map(pts.get(0).y()), 3, "f" + colour, s.name(), "");
        }
        if (!pts.isEmpty()) {
            svg.path(d.toString(), "series s" + colour, s.name(), Svg.data("series", s.name()) + " "
                    + Svg.data("values", values.toString()));
        }
    }

    private void legend(Svg svg) {
        if (series.size() < 2) {
            return;
        }
        double at = WIDTH - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--) {
            String name = series.get(i).name();
            at -= 22 + 6.5 * name.length();
            svg.rect(at, 6, 10, 10, "f" + (i % 8), name, "").text(at + 13, 15, "start", "", name);
        }
    }
}
