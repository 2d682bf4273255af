package dev.mlops.report.html;

import dev.mlops.analysis.HealthReport;
import dev.mlops.analysis.HealthReport.Severity;
import dev.mlops.report.Fmt;
import dev.mlops.report.HealthRender;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code mlops health --html}: the verdict, then per version its requests, error rate and p95
 * latency per window with the change points drawn where the shift began, its error types and its
 * findings; then the forgetting table of the canary evals.
 */
public final class HealthHtml {
    private static final DateTimeFormatter WINDOW = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private HealthHtml() {
    }

    public static String render(HealthReport r, String toolVersion) {
        Page page = new Page("mlops health", "mlops " + toolVersion + " · " + HealthReport.SCHEMA);
        long critical = r.count(Severity.CRITICAL);
        long warning = r.count(Severity.WARNING);
        List<String> facts = new ArrayList<>();
        for (HealthReport.Entry e : r.versions()) {
            facts.add(e.label() + ": " + Fmt.count(e.requests()) + " requests, " + e.count(Severity.CRITICAL)
                    + " critical, " + e.count(Severity.WARNING) + " warning");
        }
        page.summary(critical > 0 ? Page.Level.BAD : warning > 0 ? Page.Level.WARN : Page.Level.OK,
                critical > 0 ? critical + " CRITICAL, " + warning + " warning" : warning > 0 ? warning + " WARNING" : "ok",
                facts);
        for (HealthReport.Entry e : r.versions()) {
            version(page, e);
        }
        if (r.forgetting() != null) {
            forgetting(page, r.forgetting());
        }
        return page.html();
    }

    private static void version(Page page, HealthReport.Entry e) {
        page.section(e.label());
        List<HealthReport.Window> ws = e.windows();
        if (!ws.isEmpty()) {
            List<String> labels = ws.stream().map(w -> WINDOW.format(w.start())).toList();
            List<List<String>> rows = new ArrayList<>();
            for (HealthReport.Window w : ws) {
                rows.add(List.of(w.start().toString(), Fmt.count(w.requests()), Fmt.count(w.errors()),
                        Fmt.percent(w.requests() == 0 ? Double.NaN : (double) w.errors() / w.requests()),
                        Fmt.num(w.latencyP95Ms())));
            }
            Page.Table table = new Page.Table(List.of("window (UTC)", "requests", "errors", "error rate", "p95 latency ms"), rows);
            page.figure("requests per window", series(e, labels, "requests", w -> w.requests(), null).svg(), null);
            page.figure("error rate per window" + changed(e, "error_rate"), series(e, labels, "error rate",
                    w -> w.requests() == 0 ? Double.NaN : (double) w.errors() / w.requests(), "error_rate").svg(), null);
            page.figure("p95 latency ms per window" + changed(e, "latency_p95_ms"), series(e, labels, "p95 latency ms",
                    HealthReport.Window::latencyP95Ms, "latency_p95_ms").svg(), null);
            page.numbers(table);
        }
        if (!e.errorTypes().isEmpty()) {
            Bars bars = new Bars("failed requests by error type, " + e.label());
            List<List<String>> rows = new ArrayList<>();
            e.errorTypes().forEach((type, n) -> {
                bars.bar(type, n, Double.NaN, "bad");
                rows.add(List.of(type, Fmt.count(n)));
            });
            page.figure("failed requests by error type", bars.svg(), new Page.Table(List.of("type", "requests"), rows));
        }
        page.table(HealthRender.findings(e));
    }

    private static String changed(HealthReport.Entry e, String measure) {
        return e.changes().stream().anyMatch(c -> c.measure().equals(measure))
                ? "; the dashed line is where the change began, the red point the alarm" : "";
    }

    private static XyChart series(HealthReport.Entry e, List<String> labels, String name,
                                  ToDoubleFunction<HealthReport.Window> f, String measure) {
        XyChart chart = new XyChart(name + " per window, " + e.label()).categories(labels).titles("window (UTC)", name);
        List<XyChart.Point> pts = new ArrayList<>();
        List<HealthReport.Window> ws = e.windows();
        for (int i = 0; i < ws.size(); i++) {
            pts.add(new XyChart.Point(i, f.applyAsDouble(ws.get(i))));
        }
        chart.series(name, pts);
        for (HealthReport.Change c : e.changes()) {
            if (c.measure().equals(measure)) {
                int from = index(ws, c.from());
                int alarm = index(ws, c.alarm());
                chart.vRule(from, "change from " + WINDOW.format(c.from()));
                if (alarm >= 0) {
                    chart.mark(alarm, f.applyAsDouble(ws.get(alarm)), "alarm at " + c.alarm(), "bad");
                }
            }
        }
        return chart;
    }

    private static int index(List<HealthReport.Window> ws, Instant t) {
        for (int i = 0; i < ws.size(); i++) {
            if (ws.get(i).start().equals(t)) {
                return i;
            }
        }
        return -1;
    }

    private static void forgetting(Page page, HealthReport.Forgetting fg) {
        page.section("Forgetting: canary evals per category");
        Bars bars = new Bars("passes lost per category");
        for (HealthReport.Category c : fg.categories()) {
            bars.bar(c.category(), c.lostPasses(), Double.NaN, c.regressed() ? "bad" : "");
        }
        var t = HealthRender.forgetting(fg);
        if (!bars.isEmpty()) {
            page.figure("passes lost per category (red: regressed)", bars.svg(),
                    Page.of(t));
        }
        page.table(t);
    }
}
