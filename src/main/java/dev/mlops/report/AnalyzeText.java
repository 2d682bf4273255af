package dev.mlops.report;

import dev.mlops.analysis.AnalyzeReport;
import dev.mlops.analysis.GroupUsage;
import dev.mlops.analysis.SloCheck;
import dev.mlops.logs.FileReport;
import dev.mlops.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The table and Markdown forms of an {@link AnalyzeReport}, with histograms in the table form. */
public final class AnalyzeText {
    private AnalyzeText() {
    }

    public static String table(AnalyzeReport r, boolean histogramsPerGroup) {
        StringBuilder sb = new StringBuilder();
        for (TextTable t : tables(r)) {
            sb.append(t.text()).append('\n');
        }
        sb.append(slo(r));
        sb.append(charts("all", r.overall()));
        if (histogramsPerGroup) {
            for (GroupUsage g : r.groups()) {
                sb.append(charts(g.label(), g));
            }
        }
        return sb.toString();
    }

    public static String markdown(AnalyzeReport r) {
        StringBuilder sb = new StringBuilder("## mlops analyze\n\n");
        for (TextTable t : tables(r)) {
            sb.append(t.markdown()).append('\n');
        }
        String slo = slo(r);
        if (!slo.isEmpty()) {
            sb.append("```\n").append(slo).append("```\n");
        }
        return sb.toString();
    }

    private static List<GroupUsage> rows(AnalyzeReport r) {
        List<GroupUsage> rows = new ArrayList<>(r.groups());
        if (r.groups().size() != 1) {
            rows.add(r.overall());
        }
        return rows;
    }

    public static List<TextTable> tables(AnalyzeReport r) {
        String by = r.groupBy().isEmpty() ? "group" : String.join(" / ", r.groupBy());
        List<GroupUsage> rows = rows(r);
        long skipped = r.inputs().stream().mapToLong(FileReport::skipped).sum();
        TextTable summary = new TextTable(String.format(java.util.Locale.ROOT,
                "requests (%s read, %s bad, %s matched%s)", Fmt.count(r.read()), Fmt.count(r.bad()),
                Fmt.count(r.matched()), skipped == 0 ? "" : "; " + Fmt.count(skipped) + " skipped: not requests"),
                List.of(by, "requests", "errors", "error rate", "truncated", "out tok/s p50", "cost/request",
                        "cost total", "slo"));
        for (GroupUsage g : rows) {
            summary.row(List.of(g.label(), Fmt.count(g.requests()), Fmt.count(g.errors()), Fmt.percent(g.errorRate()),
                    Fmt.percent(g.truncationRate()), Fmt.num(g.outputTokensPerS().p50()),
                    Fmt.usd(g.cost().perRequestUsd()), Fmt.usd(g.cost().totalUsd()),
                    g.slo() == null ? "-" : g.slo().missed() ? "MISSED" : "met"));
        }
        List<TextTable> out = new ArrayList<>();
        out.add(summary);
        out.add(measure("latency ms (successful requests)", by, rows, GroupUsage::latencyMs, true));
        out.add(measure("time to first token ms", by, rows, GroupUsage::ttftMs, true));
        out.add(measure("input tokens", by, rows, GroupUsage::inputTokens, false));
        out.add(measure("output tokens", by, rows, GroupUsage::outputTokens, false));
        return out;
    }

    private static TextTable measure(String title, String by, List<GroupUsage> rows,
                                     Function<GroupUsage, Summary> f, boolean p95) {
        List<String> headers = new ArrayList<>(List.of(by, "n", "mean", "p50", "p90"));
        if (p95) {
            headers.add("p95");
        }
        headers.addAll(List.of("p99", "max", "method"));
        TextTable t = new TextTable(title, headers);
        for (GroupUsage g : rows) {
            Summary s = f.apply(g);
            List<String> cells = new ArrayList<>(List.of(g.label(), Fmt.count(s.count()), Fmt.num(s.mean()),
                    Fmt.num(s.p50()), Fmt.num(s.p90())));
            if (p95) {
                cells.add(Fmt.num(s.p95()));
            }
            cells.addAll(List.of(Fmt.num(s.p99()), Fmt.num(s.max()),
                    s.isEmpty() ? "-" : s.method().equals("exact") ? "exact" : "sketch ±1%"));
            t.row(cells);
        }
        return t;
    }

    private static String slo(AnalyzeReport r) {
        StringBuilder sb = new StringBuilder();
        for (GroupUsage g : r.groups()) {
            if (g.slo() == null) {
                continue;
            }
            for (SloCheck c : g.slo().checks()) {
                sb.append(String.format(java.util.Locale.ROOT, "SLO %-7s %s %s: %s (limit %s)%n",
                        c.status().equals("missed") ? "MISSED" : c.status(), g.label(), c.measure(),
                        Fmt.num(c.value()), Fmt.num(c.limit())));
            }
        }
        return sb.length() == 0 ? "" : sb.append('\n').toString();
    }

    private static String charts(String label, GroupUsage g) {
        StringBuilder sb = new StringBuilder();
        sb.append(HistogramChart.draw("latency ms, " + label, g.latencyMs().histogram())).append('\n');
        sb.append(HistogramChart.draw("input tokens, " + label, g.inputTokens().histogram())).append('\n');
        sb.append(HistogramChart.draw("output tokens, " + label, g.outputTokens().histogram())).append('\n');
        return sb.toString();
    }
}
