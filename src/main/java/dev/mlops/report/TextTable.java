package dev.mlops.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of strings that renders as aligned text or as Markdown. The first column is
 * left-aligned; the others are right-aligned (numbers) unless the table is {@link #text(String, List) textual}.
 */
public final class TextTable {
    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean numeric;

    public TextTable(String title, List<String> headers) {
        this(title, headers, true);
    }

    private TextTable(String title, List<String> headers, boolean numeric) {
        this.title = title;
        this.headers = List.copyOf(headers);
        this.numeric = numeric;
    }

    /** A table whose columns are all left-aligned text. */
    public static TextTable text(String title, List<String> headers) {
        return new TextTable(title, headers, false);
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public String text() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (title != null) {
            sb.append(title).append('\n');
        }
        line(sb, headers, w);
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, w);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(w[i] - c.length());
            sb.append(i == 0 ? "" : "  ").append(i == 0 || !numeric ? c + pad : pad + c);
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        if (title != null) {
            sb.append("### ").append(title).append("\n\n");
        }
        sb.append("| ").append(String.join(" | ", escape(headers))).append(" |\n|");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(i == 0 || !numeric ? " --- |" : " ---: |");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", escape(r))).append(" |\n");
        }
        return sb.toString();
    }

    private static List<String> escape(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).toList();
    }
}
