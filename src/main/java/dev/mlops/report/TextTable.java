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

    public String title() {
        return title;
    }

    public List<String> headers() {
        return headers;
    }

    /** The rows as added, each a copy. */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The width piped output keeps; a terminal's own width is used where it is known. */
    public static final int WIDTH = 80;

    /** The table as text, laid out as the current {@link Layout} says: cut into blocks at {@value #WIDTH}, or fitted. */
    public String text() {
        Layout layout = Layout.current();
        return layout.fit() ? fitted(layout.width()) : text(layout.width());
    }

    /**
     * The table in {@code width} columns with every row on one line: columns are left out, the
     * drawn bars (no header) first, then from the right, never the first nor a verdict; a footnote
     * names them. A textual table that still does not fit has its prose wrapped as {@link #text(int)}.
     */
    String fitted(int width) {
        int[] w = widths(headers, rows);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            kept.add(i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = headers.size() - 1; i > 0; i--) {
            if (headers.get(i).isBlank()) {
                order.add(i);
            }
        }
        for (int i = headers.size() - 1; i > 0; i--) {
            if (!headers.get(i).isBlank() && !Layout.KEPT.contains(headers.get(i))) {
                order.add(i);
            }
        }
        List<String> dropped = new ArrayList<>();
        for (int i : order) {
            if (fits(pick(w, kept), width) || !numeric && prose(kept)) {
                break;
            }
            kept.remove(Integer.valueOf(i));
            if (!headers.get(i).isBlank()) {
                dropped.add(0, headers.get(i));
            }
        }
        TextTable t = new TextTable(title, pick(headers, kept), numeric);
        rows.forEach(r -> t.row(pick(r, kept)));
        String text = t.text(width);
        return dropped.isEmpty() ? text : text + note("(left out to fit " + width + " columns: " + String.join(", ", dropped)
                + "; --format markdown or csv has them)", width);
    }

    /** A footnote in lines of at most {@code width}, cut at spaces. */
    static String note(String text, int width) {
        return String.join("\n", dev.mlops.text.Wrap.lines(text, width)) + "\n";
    }

    /** A textual table with a column of prose can wrap it rather than lose columns. */
    private boolean prose(List<Integer> cols) {
        for (int c : cols.subList(1, cols.size())) {
            if (rows.stream().anyMatch(r -> r.get(c).indexOf(' ') > 0)) {
                return true;
            }
        }
        return false;
    }

    private static int[] pick(int[] w, List<Integer> cols) {
        int[] out = new int[cols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = w[cols.get(i)];
        }
        return out;
    }

    /**
     * The table as text at most {@code width} columns wide: a textual table wraps its widest
     * column; a table of numbers is cut into blocks of columns, each led by the first column.
     */
    public String text(int width) {
        int[] w = widths(headers, rows);
        if (fits(w, width)) {
            return render(title, headers, rows, w);
        }
        if (!numeric) {
            // wrap the widest column of free text (one whose cells have spaces); identifiers are never cut
            int widest = -1;
            for (int i = 1; i < w.length; i++) {
                int col = i;
                boolean prose = rows.stream().anyMatch(r -> r.get(col).indexOf(' ') > 0);
                widest = prose && (widest < 0 || w[i] > w[widest]) ? i : widest;
            }
            int room = widest < 0 ? 0 : width - (total(w) - w[widest]);
            if (room >= 16) {
                List<List<String>> wrapped = new ArrayList<>();
                for (List<String> r : rows) {
                    wrapped.addAll(wrap(r, widest, room));
                }
                w[widest] = Math.max(headers.get(widest).length(), Math.min(w[widest], room));
                return render(title, headers, wrapped, w);
            }
        }
        StringBuilder sb = new StringBuilder();
        int from = 1;
        boolean firstBlock = true;
        while (from < headers.size()) {
            int to = from;
            int used = w[0];
            while (to < headers.size() && (to == from || used + 2 + w[to] <= width)) {
                used += 2 + w[to];
                to++;
            }
            List<Integer> cols = new ArrayList<>(List.of(0));
            for (int i = from; i < to; i++) {
                cols.add(i);
            }
            List<String> h = pick(headers, cols);
            List<List<String>> rs = new ArrayList<>();
            for (List<String> r : rows) {
                rs.add(pick(r, cols));
            }
            if (!firstBlock) {
                sb.append('\n');
            }
            sb.append(render(firstBlock ? title : null, h, rs, widths(h, rs)));
            firstBlock = false;
            from = to;
        }
        return sb.toString();
    }

    private static List<String> pick(List<String> cells, List<Integer> cols) {
        List<String> out = new ArrayList<>();
        for (int c : cols) {
            out.add(cells.get(c));
        }
        return out;
    }

    /** A row whose cell {@code col} is longer than {@code room}, as several lines, cut at spaces where it can. */
    private static List<List<String>> wrap(List<String> row, int col, int room) {
        List<List<String>> out = new ArrayList<>();
        String rest = row.get(col);
        boolean first = true;
        while (first || !rest.isEmpty()) {
            String piece;
            if (rest.length() <= room) {
                piece = rest;
                rest = "";
            } else {
                int cut = rest.lastIndexOf(' ', room);
                if (cut <= 0) {
                    // a word longer than the column (a file name) is kept whole rather than cut
                    cut = rest.indexOf(' ');
                    cut = cut < 0 ? rest.length() : cut;
                }
                piece = rest.substring(0, cut).stripTrailing();
                rest = rest.substring(cut).stripLeading();
            }
            List<String> line = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                line.add(i == col ? piece : first ? row.get(i) : "");
            }
            out.add(line);
            first = false;
        }
        return out;
    }

    private static int[] widths(List<String> headers, List<List<String>> rows) {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        return w;
    }

    private static int total(int[] w) {
        int t = 2 * (w.length - 1);
        for (int x : w) {
            t += x;
        }
        return t;
    }

    private static boolean fits(int[] w, int width) {
        return total(w) <= width;
    }

    private String render(String title, List<String> headers, List<List<String>> rows, int[] w) {
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
            String pad = " ".repeat(Math.max(0, w[i] - c.length()));
            sb.append(i == 0 ? "" : "  ").append(i == 0 || !numeric ? c + pad : pad + c);
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        sb.setLength(end);
        sb.append('\n');
    }

    /**
     * The table as CSV (RFC 4180): a header row, then the rows. Thousands separators are dropped
     * from numbers, so that 10,730 reads back as 10730.
     */
    public String csv() {
        return csv(List.of(), List.of());
    }

    /** The table as CSV, with {@code lead} columns (for example the version) in front of every row. */
    public String csv(List<String> leadHeaders, List<String> lead) {
        StringBuilder sb = new StringBuilder();
        List<String> h = new ArrayList<>(leadHeaders);
        h.addAll(headers);
        csvLine(sb, h);
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>(lead);
            cells.addAll(r);
            csvLine(sb, cells);
        }
        return sb.toString();
    }

    /** The rows of several tables with the same columns, each led by its own values, as one CSV. */
    public static String csv(List<String> leadHeaders, List<List<String>> leads, List<TextTable> tables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            String part = tables.get(i).csv(leadHeaders, leads.get(i));
            sb.append(i == 0 ? part : part.substring(part.indexOf('\n') + 1));
        }
        return sb.toString();
    }

    private static void csvLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                c = c.replace(",", "");
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            sb.append(c);
        }
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
