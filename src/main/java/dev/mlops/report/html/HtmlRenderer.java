package dev.mlops.report.html;

/**
 * Writes one kind of report as a self-contained HTML page. Every report command names one, so a
 * report without an HTML form does not compile.
 *
 * @param <R> the report
 */
@FunctionalInterface
public interface HtmlRenderer<R> {
    String html(R report);
}
