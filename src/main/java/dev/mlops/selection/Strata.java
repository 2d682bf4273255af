package dev.mlops.selection;

import dev.mlops.logs.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strata: token-length bins, cut at quantiles of the source's own lengths, crossed with the values
 * of the --by fields. A length falls in bin i when edge[i] < length ≤ edge[i+1] (the first bin
 * includes its lower edge).
 */
public final class Strata implements java.io.Serializable {
    public static final double[] DEFAULT_BINS = {0, 0.10, 0.50, 0.90, 0.99, 1.0};
    static final char SEP = '\u0001';

    private final String lengthField;
    private final List<String> by;
    private final double[] quantiles;
    private final double[] edges;

    public Strata(String lengthField, List<String> by, double[] quantiles, double[] edges) {
        this.lengthField = lengthField;
        this.by = List.copyOf(by);
        this.quantiles = quantiles.clone();
        this.edges = edges.clone();
    }

    /** The length measure of a record: input+output tokens ("total"), or any numeric field. NaN when absent. */
    public static double length(LogRecord r, String field) {
        if (field.equals("total")) {
            if (r.inputTokens() < 0 && r.outputTokens() < 0) {
                return Double.NaN;
            }
            return Math.max(0, r.inputTokens()) + Math.max(0, r.outputTokens());
        }
        return r.number(field);
    }

    public double length(LogRecord r) {
        return length(r, lengthField);
    }

    public String group(LogRecord r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < by.size(); i++) {
            String v = r.value(by.get(i));
            sb.append(i > 0 ? String.valueOf(SEP) : "").append(v == null ? "(none)" : v);
        }
        return sb.toString();
    }

    public int bin(double length) {
        for (int i = 1; i < edges.length - 1; i++) {
            if (length <= edges[i]) {
                return i - 1;
            }
        }
        return edges.length - 2;
    }

    /** The stratum of a record: bin and group, or null when it has no length. */
    public String of(LogRecord r) {
        double l = length(r);
        return Double.isNaN(l) ? null : bin(l) + String.valueOf(SEP) + group(r);
    }

    public int bins() {
        return edges.length - 1;
    }

    public String binLabel(int i) {
        return String.format(Locale.ROOT, "p%s-p%s (%s-%s)", pct(quantiles[i]), pct(quantiles[i + 1]),
                edge(edges[i]), edge(edges[i + 1]));
    }

    private static String edge(double v) {
        return v == Math.rint(v) ? dev.mlops.text.Numbers.plain(v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(double q) {
        return dev.mlops.text.Numbers.plain(Math.round(q * 1000) / 10.0);
    }

    /** A stratum key as people read it: its bin label and group values. */
    public String label(String stratum) {
        String[] p = stratum.split(String.valueOf(SEP), -1);
        List<String> parts = new ArrayList<>();
        parts.add(binLabel(Integer.parseInt(p[0])));
        for (int i = 1; i < p.length; i++) {
            parts.add(p[i]);
        }
        return String.join(" / ", parts);
    }

    public Map<String, String> key(String stratum) {
        String[] p = stratum.split(String.valueOf(SEP), -1);
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("length_bin", binLabel(Integer.parseInt(p[0])));
        for (int i = 0; i < by.size(); i++) {
            m.put(by.get(i), p[i + 1]);
        }
        return m;
    }

    public List<String> by() {
        return by;
    }

    public double[] edges() {
        return edges.clone();
    }

    /** Edges at the given quantiles of a length histogram (numpy linear quantiles of all the lengths). */
    public static double[] edges(TreeMap<Long, Long> counts, double[] quantiles) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        double[] e = new double[quantiles.length];
        for (int i = 0; i < quantiles.length; i++) {
            e[i] = quantile(counts, n, quantiles[i]);
        }
        return e;
    }

    /** numpy's linear quantile over lengths given as value → count. */
    static double quantile(TreeMap<Long, Long> counts, long n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * q;
        long lo = (long) Math.floor(h);
        double t = h - lo;
        double a = at(counts, lo);
        double b = at(counts, Math.min(lo + 1, n - 1));
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }

    private static double at(TreeMap<Long, Long> counts, long rank) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (rank < seen) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }
}
