package dev.mlops.cli;

import dev.mlops.report.html.HtmlRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --html FILE}: the report also as one self-contained HTML page, written atomically. */
final class HtmlOption {
    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML "
            + "page with charts (no network needed to open it); - is stdout, instead of the usual report.")
    Path file;

    /** True when the page goes to standard output, in place of the report. */
    boolean toStdout() {
        return file != null && OutputOptions.dash(file);
    }

    <R> void write(HtmlRenderer<R> renderer, R report, PrintWriter out) {
        if (file != null) {
            OutputOptions.emit(file, renderer.html(report), out);
        }
    }
}
