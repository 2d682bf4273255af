package dev.mlops.report;

import dev.mlops.analysis.AnalyzeReport;
import dev.mlops.analysis.GroupUsage;
import dev.mlops.text.Numbers;
import dev.mlops.stats.Summary;
import java.util.ArrayList;
import java.util.List;

/** One CSV row per group (and a last row "all" for every matched record), with every measure. */
public final class AnalyzeCsv {
    private static final List<String> MEASURES = List.of("latency_ms", "ttft_ms", "input_tokens", "output_tokens",
            "output_tokens_per_s");
    private static final List<String> STATS = List.of("count", "mean", "min", "p50", "p90", "p95", "p99", "max",
            "method");

    private AnalyzeCsv() {
    }

    public static String render(AnalyzeReport r) {
        List<String> header = new ArrayList<>(r.groupBy().isEmpty() ? List.of("group") : r.groupBy());
        header.addAll(List.of("requests", "errors", "error_rate", "truncated", "truncation_rate"));
        for (String m : MEASURES) {
            for (String s : STATS) {
                header.add(m + "_" + s);
            }
        }
        header.addAll(List.of("cost_total_usd", "cost_per_request_usd", "cost_source", "slo_missed"));
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        List<GroupUsage> rows = new ArrayList<>(r.groups());
        rows.add(r.overall());
        for (GroupUsage g : rows) {
            List<String> cells = new ArrayList<>();
            if (g.key().isEmpty()) {
                cells.add("all");
                for (int i = 1; i < Math.max(1, r.groupBy().size()); i++) {
                    cells.add("");
                }
            } else {
                cells.addAll(g.key().values());
            }
            cells.add(Long.toString(g.requests()));
            cells.add(Long.toString(g.errors()));
            cells.add(num(g.errorRate()));
            cells.add(Long.toString(g.truncated()));
            cells.add(num(g.truncationRate()));
            for (Summary s : List.of(g.latencyMs(), g.ttftMs(), g.inputTokens(), g.outputTokens(),
                    g.outputTokensPerS())) {
                cells.addAll(List.of(Long.toString(s.count()), num(s.mean()), num(s.min()), num(s.p50()),
                        num(s.p90()), num(s.p95()), num(s.p99()), num(s.max()), s.method()));
            }
            cells.add(num(g.cost().totalUsd()));
            cells.add(num(g.cost().perRequestUsd()));
            cells.add(g.cost().source());
            cells.add(g.slo() == null ? "" : Boolean.toString(g.slo().missed()));
            line(sb, cells);
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Numbers.plain(v);
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}
