package dev.mlops.report.html;

import java.util.Locale;

/** An SVG element written as text: coordinates to one decimal, so the same report draws the same bytes. */
final class Svg {
    static final String NS = "http://www.w3.org/2000/svg";
    private final StringBuilder sb = new StringBuilder();

    Svg(int width, int height, String label) {
        this(width, height, label, false);
    }

    /** @param natural no wider than its own size (a small heatmap is not blown up to the page's width) */
    Svg(int width, int height, String label, boolean natural) {
        sb.append("<svg xmlns=\"").append(NS).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append('"').append(natural ? " style=\"max-width:" + width + "px\"" : "")
                .append(" role=\"img\" aria-label=\"").append(Page.esc(label)).append("\">");
    }

    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    Svg raw(String s) {
        sb.append(s);
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cls) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cls).append("\"/>");
        return this;
    }

    Svg text(double x, double y, String anchor, String cls, String text) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cls).append("\">").append(Page.esc(text)).append("</text>");
        return this;
    }

    /** A rectangle with a hover title and its data attributes ({@code data} is already written: name="value" pairs). */
    Svg rect(double x, double y, double w, double h, String cls, String title, String data) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(w, 0)))
                .append("\" height=\"").append(n(Math.max(h, 0))).append("\" class=\"").append(cls).append('"')
                .append(data.isEmpty() ? "" : " " + data).append("><title>").append(Page.esc(title)).append("</title></rect>");
        return this;
    }

    Svg circle(double x, double y, double r, String cls, String title, String data) {
        sb.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
                .append("\" class=\"").append(cls).append('"').append(data.isEmpty() ? "" : " " + data)
                .append("><title>").append(Page.esc(title)).append("</title></circle>");
        return this;
    }

    Svg path(String d, String cls, String title, String data) {
        sb.append("<path d=\"").append(d).append("\" class=\"").append(cls).append('"')
                .append(data.isEmpty() ? "" : " " + data).append("><title>").append(Page.esc(title))
                .append("</title></path>");
        return this;
    }

    /** One {@code name="value"} data attribute, escaped. */
    static String data(String name, String value) {
        return "data-" + name + "=\"" + Page.esc(value) + "\"";
    }

    String end() {
        return sb.append("</svg>").toString();
    }
}
