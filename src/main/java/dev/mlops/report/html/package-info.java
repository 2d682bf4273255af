/**
 * Self-contained HTML reports: one file with its CSS inline and its charts as SVG drawn here, so
 * that a report opens offline, prints, and can be checked as XML. {@link Page} is the document,
 * {@link Svg} and {@link Scale} draw, the charts ({@link XyChart}, {@link Bars}, {@link Forest},
 * {@link Heatmap}) carry their raw numbers in {@code data-} attributes and a table beside them,
 * and one class per report ({@link AnalyzeHtml} and the rest) lays a report out.
 */
package dev.mlops.report.html;
