package dev.mlops.report.html;

import dev.mlops.report.Verdicts;
import java.util.List;

/**
 * One self-contained HTML report: a summary with the verdict at the top, then sections of
 * figures, tables and notes. The CSS is inline (light and dark, readable from a phone to 1280 px,
 * no animation) and nothing is loaded from anywhere.
 */
final class Page {
    /** How a verdict looks: green, yellow or red. */
    enum Level {
        OK, WARN, BAD;

        String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Level worst(Level a, Level b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }

    /** A table: a header and rows of cells, as text. */
    record Table(List<String> header, List<List<String>> rows) {
        Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    private final StringBuilder body = new StringBuilder();
    private final String title;
    private final String tool;

    Page(String title, String tool) {
        this.title = title;
        this.tool = tool;
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The verdict in words and colour, and the figures that say what was read. */
    Page summary(Level level, String verdict, List<String> facts) {
        body.append("<section class=\"summary ").append(level.css()).append("\"><p class=\"verdict\">")
                .append(esc(verdict)).append("</p><ul>");
        facts.forEach(f -> body.append("<li>").append(esc(f)).append("</li>"));
        body.append("</ul></section>");
        return this;
    }

    Page section(String heading) {
        body.append("<h2>").append(esc(heading)).append("</h2>");
        return this;
    }

    Page note(String text) {
        body.append("<p class=\"note\">").append(esc(text)).append("</p>");
        return this;
    }

    /** A line in a verdict's colour, e.g. a trust check that failed. */
    Page banner(Level level, String text) {
        body.append("<p class=\"banner ").append(level.css()).append("\">").append(esc(text)).append("</p>");
        return this;
    }

    /** A chart with its numbers in a table under it, folded; with null, the next figure's table holds them. */
    Page figure(String caption, String svg, Table numbers) {
        body.append("<figure><figcaption>").append(esc(caption)).append("</figcaption>").append(svg);
        if (numbers != null) {
            body.append("<details><summary>numbers</summary>");
            appendTable(numbers);
            body.append("</details>");
        }
        body.append("</figure>");
        return this;
    }

    /** The numbers of the charts above, folded: one table for charts that share it. */
    Page numbers(Table numbers) {
        body.append("<details><summary>numbers of the charts above</summary>");
        appendTable(numbers);
        body.append("</details>");
        return this;
    }

    Page table(Table t) {
        appendTable(t);
        return this;
    }

    /**
     * A table the terminal shows too, under its own title. Its unnamed columns are the terminal's
     * drawn bars, which the page's charts replace: they are left out.
     */
    Page table(dev.mlops.report.TextTable t) {
        if (t.title() != null && !t.title().isEmpty()) {
            body.append("<h3>").append(esc(t.title())).append("</h3>");
        }
        appendTable(of(t));
        return this;
    }

    /** A terminal table without its unnamed (drawn) columns. */
    static Table of(dev.mlops.report.TextTable t) {
        List<Integer> keep = new java.util.ArrayList<>();
        for (int i = 0; i < t.headers().size(); i++) {
            if (!t.headers().get(i).isBlank()) {
                keep.add(i);
            }
        }
        return new Table(keep.stream().map(t.headers()::get).toList(), t.rows().stream()
                .map(r -> keep.stream().map(r::get).toList()).toList());
    }

    private void appendTable(Table t) {
        body.append("<div class=\"scroll\"><table><thead><tr>");
        t.header().forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr></thead><tbody>");
        for (List<String> row : t.rows()) {
            body.append("<tr>");
            for (String cell : row) {
                body.append("<td").append(cellClass(cell)).append('>').append(esc(cell)).append("</td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table></div>");
    }

    /** Verdict words in a table get their colour, the same words as in the terminal ({@link Verdicts}). */
    private static String cellClass(String cell) {
        Verdicts.Tone t = Verdicts.of(cell);
        return t == null ? "" : " class=\"" + t.name().toLowerCase(java.util.Locale.ROOT) + "\"";
    }

    String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                + "<title>" + esc(title) + "</title><style>" + Style.CSS + "</style></head><body><header><h1>"
                + esc(title) + "</h1><p class=\"tool\">" + esc(tool) + "</p></header><main>" + body
                + "</main></body></html>\n";
    }
}
