package dev.mlops.report.html;

import dev.mlops.analysis.AnalyzeReport;
import dev.mlops.analysis.GroupUsage;
import dev.mlops.analysis.SloCheck;
import dev.mlops.analysis.Timeline;
import dev.mlops.report.AnalyzeText;
import dev.mlops.report.Fmt;
import dev.mlops.report.TextTable;
import dev.mlops.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** {@code mlops analyze --html}: the verdict on the SLOs, the usage tables, and each measure's distribution. */
public final class AnalyzeHtml {
    private AnalyzeHtml() {
    }

    public static String render(AnalyzeReport r, String toolVersion) {
        Page page = new Page("mlops analyze", "mlops " + toolVersion + " · " + AnalyzeReport.SCHEMA);
        List<String> missed = new ArrayList<>();
        boolean anySlo = false;
        for (GroupUsage g : r.groups()) {
            if (g.slo() != null) {
                anySlo |= !g.slo().checks().isEmpty();
                for (SloCheck c : g.slo().checks()) {
                    if (c.missed()) {
                        missed.add(g.label() + " " + c.measure() + " " + Fmt.num(c.value()) + " (limit " + Fmt.num(c.limit()) + ")");
                    }
                }
            }
        }
        String verdict = !missed.isEmpty() ? "SLO MISSED: " + String.join("; ", missed)
                : anySlo ? "every SLO met" : "no SLO to check (give --registry with SLOs)";
        List<String> facts = new ArrayList<>(List.of(
                Fmt.count(r.read()) + " records read, " + Fmt.count(r.bad()) + " bad, " + Fmt.count(r.matched()) + " matched",
                r.groups().size() + " group" + (r.groups().size() == 1 ? "" : "s")
                        + (r.groupBy().isEmpty() ? "" : " by " + String.join(" / ", r.groupBy())),
                "cost " + Fmt.usd(r.overall().cost().totalUsd())));
        if (r.overall().first() != null) {
            facts.add("from " + r.overall().first() + " to " + r.overall().last());
        }
        r.filters().forEach(f -> facts.add("filter: " + f));
        page.summary(missed.isEmpty() ? Page.Level.OK : Page.Level.BAD, verdict, facts);
        List<TextTable> tables = AnalyzeText.tables(r);
        page.section("Usage");
        page.table(tables.get(0));
        if (anySlo) {
            page.section("SLOs");
            List<List<String>> rows = new ArrayList<>();
            for (GroupUsage g : r.groups()) {
                if (g.slo() != null) {
                    for (SloCheck c : g.slo().checks()) {
                        rows.add(List.of(g.label(), c.measure(), Fmt.num(c.limit()), Fmt.num(c.value()),
                                c.missed() ? "MISSED" : c.status()));
                    }
                }
            }
            page.table(new Page.Table(List.of("group", "measure", "limit", "value", "status"), rows));
        }
        overTime(page, r);
        distribution(page, r, "latency ms", GroupUsage::latencyMs, "latency_", tables.get(1));
        distribution(page, r, "time to first token ms", GroupUsage::ttftMs, "ttft_", tables.get(2));
        distribution(page, r, "input tokens", GroupUsage::inputTokens, null, tables.get(3));
        distribution(page, r, "output tokens", GroupUsage::outputTokens, null, tables.get(4));
        errors(page, r);
        return page.html();
    }

    private static void distribution(Page page, AnalyzeReport r, String measure, Function<GroupUsage, Summary> f,
                                     String sloPrefix, TextTable percentiles) {
        page.section(measure);
        List<Distributions.Named> groups = new ArrayList<>();
        for (GroupUsage g : r.groups()) {
            groups.add(new Distributions.Named(g.label(), f.apply(g).histogram()));
        }
        Distributions.add(page, measure, groups, sloPrefix == null ? List.of() : limits(r, sloPrefix));
        page.table(percentiles);
    }

    /** The SLO limits on one measure, one rule per distinct limit, naming the groups and percentiles that share it. */
    static List<Distributions.Limit> limits(AnalyzeReport r, String prefix) {
        Map<Double, List<String>> by = new TreeMap<>();
        for (GroupUsage g : r.groups()) {
            if (g.slo() != null) {
                for (SloCheck c : g.slo().checks()) {
                    if (c.measure().startsWith(prefix)) {
                        String p = c.measure().substring(prefix.length()).replace("_ms", "");
                        List<String> names = by.computeIfAbsent(c.limit(), k -> new ArrayList<>());
                        if (!names.contains(p)) {
                            names.add(p);
                        }
                    }
                }
            }
        }
        List<Distributions.Limit> out = new ArrayList<>();
        by.forEach((limit, names) -> out.add(new Distributions.Limit(limit, "SLO " + String.join("/", names) + " "
                + Fmt.num(limit))));
        return out;
    }

    /** Requests, p95 latency, error rate and cost per time window, a line per group, with the SLOs as rules. */
    private static void overTime(Page page, AnalyzeReport r) {
        List<GroupUsage> groups = r.groups().stream().filter(g -> g.timeline() != null && g.timeline().points().size() > 1)
                .limit(Distributions.MAX_SERIES).toList();
        if (groups.isEmpty()) {
            return;
        }
        page.section("Over time");
        List<List<String>> rows = new ArrayList<>();
        for (GroupUsage g : groups) {
            for (Timeline.Point p : g.timeline().points()) {
                rows.add(List.of(g.label(), p.start().toString(), Fmt.count(p.requests()), Fmt.count(p.errors()),
                        Fmt.percent(p.errorRate()), Fmt.num(p.latencyP95Ms()), Fmt.usd(p.costUsd())));
            }
        }
        Page.Table table = new Page.Table(List.of("group", "window (UTC)", "requests", "errors", "error rate",
                "p95 latency ms", "cost"), rows);
        List<Long> widths = groups.stream().map(g -> g.timeline().windowSeconds()).distinct().toList();
        String width = widths.size() == 1 ? dev.mlops.text.Durations.human(widths.get(0)) : "window";
        figure(page, groups, table, "requests per " + width, "requests", p -> p.requests(), List.of());
        figure(page, groups, table, "p95 latency ms per " + width + " (successful requests)", "p95 latency ms",
                Timeline.Point::latencyP95Ms, rule(r, "latency_p95_ms", "p95"));
        figure(page, groups, table, "error rate per " + width, "error rate", Timeline.Point::errorRate,
                rule(r, "error_rate", "error rate"));
        if (groups.stream().anyMatch(g -> g.timeline().points().stream().anyMatch(p -> !Double.isNaN(p.costUsd())))) {
            figure(page, groups, table, "cost per " + width + ", USD", "cost", Timeline.Point::costUsd, List.of());
        }
        page.numbers(table);
    }

    /** The distinct limits of one SLO measure over the groups, as rules. */
    private static List<Distributions.Limit> rule(AnalyzeReport r, String measure, String name) {
        return r.groups().stream().filter(g -> g.slo() != null).flatMap(g -> g.slo().checks().stream())
                .filter(c -> c.measure().equals(measure)).map(SloCheck::limit).distinct().sorted()
                .map(l -> new Distributions.Limit(l, "SLO " + name + " " + Fmt.num(l))).toList();
    }

    private static void figure(Page page, List<GroupUsage> groups, Page.Table table, String caption, String measure,
                               java.util.function.ToDoubleFunction<Timeline.Point> f, List<Distributions.Limit> rules) {
        XyChart chart = new XyChart(caption).time().titles("window start (UTC)", measure);
        for (GroupUsage g : groups) {
            chart.series(g.label(), g.timeline().points().stream().map(p -> new XyChart.Point(p.start().getEpochSecond(),
                    f.applyAsDouble(p))).toList());
        }
        rules.forEach(l -> chart.hRule(l.at(), l.label()));
        page.figure(caption, chart.svg(), null);
    }

    private static void errors(Page page, AnalyzeReport r) {
        if (r.overall().errors() == 0) {
            return;
        }
        page.section("Errors by type");
        Bars bars = new Bars("failed requests by error type");
        List<List<String>> rows = new ArrayList<>();
        r.overall().errorTypes().forEach((type, n) -> {
            bars.bar(type, n, Double.NaN, "bad");
            rows.add(List.of(type, Fmt.count(n)));
        });
        page.figure("failed requests by error type, all groups", bars.svg(), new Page.Table(List.of("type", "requests"), rows));
    }
}
