package dev.mlops.report;

import dev.mlops.analysis.AnalyzeReport;

/** The renderer of usage reports: {@link AnalyzeText}, {@link AnalyzeCsv}, {@link AnalyzeJson}. */
public final class AnalyzeRender {
    private AnalyzeRender() {
    }

    /** @param histograms whether the table draws the latency and token histograms */
    public static Renderer<AnalyzeReport> renderer(String toolVersion, boolean histograms) {
        return (r, f) -> switch (f) {
            case JSON -> AnalyzeJson.render(r, toolVersion);
            case CSV -> AnalyzeCsv.render(r);
            case MARKDOWN -> AnalyzeText.markdown(r);
            case TABLE -> AnalyzeText.table(r, histograms);
        };
    }
}
