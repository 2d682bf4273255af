package dev.mlops.report.html;

import dev.mlops.report.Fmt;
import java.util.ArrayList;
import java.util.List;

/** Maps data values onto pixels, linearly or by logarithm, and picks the ticks of an axis. */
record Scale(double lo, double hi, double from, double to, boolean log) {
    static Scale linear(double lo, double hi, double from, double to) {
        if (!(hi > lo)) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo));
        }
        return new Scale(lo, hi, from, to, false);
    }

    /** A log scale over positive values; {@code lo} is raised to a decade below {@code hi} at least. */
    static Scale log(double lo, double hi, double from, double to) {
        double l = Math.log10(lo > 0 ? lo : hi > 0 ? hi / 10 : 1);
        double h = Math.log10(hi > 0 ? hi : 10);
        if (h - l < 1) {
            l = Math.floor(l);
            h = Math.max(h, l + 1);
        }
        return new Scale(Math.pow(10, l), Math.pow(10, h), from, to, true);
    }

    double map(double v) {
        double t = log ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
                : (v - lo) / (hi - lo);
        return from + Math.max(0, Math.min(1, t)) * (to - from);
    }

    /** Round values to label the axis with: decades (and 2, 5 between) on a log scale, 1-2-5 steps otherwise. */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            int a = (int) Math.floor(Math.log10(lo));
            int b = (int) Math.ceil(Math.log10(hi));
            for (int e = a; e <= b; e++) {
                for (int m : b - a <= 3 ? new int[] {1, 2, 5} : new int[] {1}) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * 0.999 && v <= hi * 1.001) {
                        out.add(v);
                    }
                }
            }
            return out;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }

    /** The ticks' labels: on a linear scale all with the decimals of the step between them (0.05, 0.10, 0.15). */
    List<String> labels(List<Double> ticks) {
        if (log || ticks.size() < 2) {
            return ticks.stream().map(Scale::label).toList();
        }
        double step = ticks.get(1) - ticks.get(0);
        double top = Math.max(Math.abs(ticks.get(0)), Math.abs(ticks.get(ticks.size() - 1)));
        if (top >= 1e4) {
            return ticks.stream().map(Scale::label).toList();
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return ticks.stream().map(t -> String.format(java.util.Locale.ROOT, "%." + decimals + "f", t)).toList();
    }

    static String label(double v) {
        double a = Math.abs(v);
        String s = a >= 1e6 ? Fmt.significant(a / 1e6, 3) + "M" : a >= 1e4 ? Fmt.significant(a / 1e3, 3) + "k"
                : a == 0 ? "0" : Fmt.significant(a, 3);
        return v < 0 ? "-" + s : s;
    }
}
