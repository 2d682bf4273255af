package dev.mlops.analysis;

import dev.mlops.analysis.HealthReport.Finding;
import dev.mlops.analysis.HealthReport.Severity;
import dev.mlops.logs.FileReport;
import dev.mlops.stats.MultipleTesting;
import dev.mlops.stats.Paired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns health counts into findings. Default thresholds: error rate warning at 1%, critical at
 * 5%; truncation warning at 5%, critical at 20%; empty responses warning at 1%, critical at 10%;
 * timeouts warning at 0.5%. Change points: {@link ChangePoints}. Forgetting:
 * per category, exact McNemar on pass/fail and Wilcoxon signed-rank on scores, Benjamini-Hochberg
 * over all of them at 0.05; a regressed category is critical.
 */
public final class HealthAnalysis {

    private HealthAnalysis() {
    }

    public static HealthReport analyze(HealthScan scan, List<FileReport> files, HealthReport.Forgetting evals) {
        HealthReport.Forgetting forgetting = evals;
        List<HealthReport.Entry> entries = new ArrayList<>();
        for (Map.Entry<GroupKey, HealthScan.Group> e : scan.result().entrySet()) {
            List<Finding> f = new ArrayList<>();
            List<HealthReport.Change> changes = new ArrayList<>();
            HealthScan.Group g = e.getValue();
            quality(g, scan, f);
            infrastructure(g, scan, f, changes);
            Map<String, String> key = CollapseAnalysis.key(scan.groupBy(), e.getKey());
            if (forgetting != null && forgetting.currentVersion() != null
                    && forgetting.currentVersion().equals(key.get("version"))) {
                forgetting(forgetting, f);
                forgetting = null;
            }
            f.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::section)
                    .thenComparing(Finding::check));
            entries.add(new HealthReport.Entry(key, g.requests, f, windows(g, scan.windowSeconds()), g.errorTypes,
                    changes));
        }
        if (forgetting != null) {
            List<Finding> f = new ArrayList<>();
            forgetting(forgetting, f);
            Map<String, String> key = new java.util.LinkedHashMap<>();
            key.put("version", forgetting.currentVersion() == null ? "(eval)" : forgetting.currentVersion());
            entries.add(new HealthReport.Entry(key, 0, f));
        }
        for (FileReport file : files) {
            if (file.bad() > 0 && !entries.isEmpty()) {
                List<Finding> f = new ArrayList<>(entries.get(0).findings());
                f.add(0, new Finding("data_quality", "malformed_records", Severity.WARNING, file.bad(),
                        String.format(Locale.ROOT, "%s: %,d malformed records skipped%s", file.name(), file.bad(),
                                file.examples().isEmpty() ? "" : ", first at line " + file.examples().get(0).line()
                                        + ": " + file.examples().get(0).message())));
                entries.set(0, entries.get(0).withFindings(f));
            }
        }
        return new HealthReport(entries, evals);
    }

    private static void quality(HealthScan.Group g, HealthScan scan, List<Finding> out) {
        for (int i = 0; i < HealthScan.FIELDS.size(); i++) {
            long m = g.missing[i];
            String field = HealthScan.FIELDS.get(i);
            boolean answer = HealthScan.ANSWER_FIELDS.contains(field);
            long of = answer ? g.requests - g.errors : g.requests;
            String what = answer ? "successful requests" : "records";
            if (m == of && of > 0) {
                out.add(new Finding("data_quality", "missing." + field, Severity.INFO, 1,
                        field + " is absent from every one of the " + what));
            } else if (m > 0) {
                out.add(new Finding("data_quality", "missing." + field, Severity.WARNING, share(m, of),
                        String.format(Locale.ROOT, "%s is missing from %,d of %,d %s (%s)", field, m, of, what,
                                pct(m, of))));
            }
        }
        if (g.duplicateIds > 0) {
            out.add(new Finding("data_quality", "duplicate_ids", Severity.WARNING, g.duplicateIds, String.format(Locale.ROOT,
                    "%,d records repeat a request id (of the first %,d ids)", g.duplicateIds, g.idsChecked)));
        }
        if (g.outOfOrder > 0) {
            out.add(new Finding("data_quality", "timestamps_out_of_order",
                    g.outOfOrder > g.requests / 100 ? Severity.WARNING : Severity.INFO, g.outOfOrder,
                    String.format(Locale.ROOT, "%,d records are earlier than the record before them", g.outOfOrder)));
        }
        if (g.future > 0) {
            out.add(new Finding("data_quality", "timestamps_in_future", Severity.WARNING, g.future,
                    String.format(Locale.ROOT, "%,d records are timestamped in the future", g.future)));
        }
        gaps(g, scan.gapSeconds(), out);
        if (g.emptyPrompts > 0) {
            out.add(new Finding("data_quality", "empty_prompts", Severity.WARNING, g.emptyPrompts,
                    String.format(Locale.ROOT, "%,d records have an empty prompt", g.emptyPrompts)));
        }
        if (g.invalidUtf8 > 0) {
            out.add(new Finding("data_quality", "invalid_utf8", Severity.WARNING, g.invalidUtf8,
                    String.format(Locale.ROOT, "%,d records hold text that is not valid UTF-8", g.invalidUtf8)));
        }
        if (g.zeroLatency > 0) {
            out.add(new Finding("data_quality", "zero_latency", Severity.WARNING, g.zeroLatency, String.format(Locale.ROOT,
                    "%,d records report a latency of 0 ms (%,d of them failed requests): not a measurement",
                    g.zeroLatency, g.zeroLatencyErrors)));
        }
    }

    private static void gaps(HealthScan.Group g, long gapSeconds, List<Finding> out) {
        if (gapSeconds <= 0 || g.buckets.size() < 2) {
            return;
        }
        long step = Math.max(1, gapSeconds / 2);
        Long prev = null;
        int found = 0;
        for (long b : g.buckets.keySet()) {
            if (prev != null && (b - prev - 1) * step >= gapSeconds) {
                found++;
                if (found <= 5) {
                    out.add(new Finding("data_quality", "traffic_gap", Severity.WARNING, (b - prev - 1) * step,
                            String.format(Locale.ROOT, "no traffic for at least %s after %s", human((b - prev - 1) * step),
                                    Instant.ofEpochSecond((prev + 1) * step))));
                }
            }
            prev = b;
        }
    }

    private static void infrastructure(HealthScan.Group g, HealthScan scan, List<Finding> out,
                                       List<HealthReport.Change> changes) {
        double rate = share(g.errors, g.requests);
        Severity s = rate >= 0.05 ? Severity.CRITICAL : rate >= 0.01 ? Severity.WARNING : Severity.INFO;
        StringBuilder types = new StringBuilder();
        g.errorTypes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> types.append(types.length() == 0 ? "" : ", ")
                .append(e.getKey()).append(": ").append(String.format(Locale.ROOT, "%,d", e.getValue())));
        out.add(new Finding("infrastructure", "error_rate", s, rate, String.format(Locale.ROOT,
                "error rate %s (%,d of %,d)%s", pct(g.errors, g.requests), g.errors, g.requests,
                types.length() == 0 ? "" : " by type: " + types)));
        if (g.timeouts > 0) {
            double t = share(g.timeouts, g.requests);
            out.add(new Finding("infrastructure", "timeouts", t >= 0.005 ? Severity.WARNING : Severity.INFO, t,
                    String.format(Locale.ROOT, "%,d timeouts (%s)", g.timeouts, pct(g.timeouts, g.requests))));
        }
        if (g.withFinishReason > 0) {
            double t = share(g.truncated, g.withFinishReason);
            out.add(new Finding("infrastructure", "truncation_rate", t >= 0.2 ? Severity.CRITICAL
                    : t >= 0.05 ? Severity.WARNING : Severity.INFO, t, String.format(Locale.ROOT,
                    "%s of answers stopped at the token limit (finish_reason=length)", pct(g.truncated, g.withFinishReason))));
        }
        long ok = g.requests - g.errors;
        if (g.emptyResponses > 0) {
            double t = share(g.emptyResponses, ok);
            out.add(new Finding("infrastructure", "empty_responses", t >= 0.1 ? Severity.CRITICAL
                    : t >= 0.01 ? Severity.WARNING : Severity.INFO, t, String.format(Locale.ROOT,
                    "%,d successful requests returned an empty response (%s)", g.emptyResponses, pct(g.emptyResponses, ok))));
        }
        ChangePoints.find(g, scan.windowSeconds(), out, changes);
    }

    private static List<HealthReport.Window> windows(HealthScan.Group g, long windowSeconds) {
        List<HealthReport.Window> out = new ArrayList<>();
        g.windows.forEach((i, w) -> out.add(new HealthReport.Window(java.time.Instant.ofEpochSecond(i * windowSeconds),
                w.requests, w.errors, w.latency.count() == 0 ? Double.NaN : w.latency.quantile(0.95))));
        return out;
    }

    /** Compares two canary evals item by item. */
    public static HealthReport.Forgetting forgetting(EvalResults before, EvalResults after) {
        Map<String, List<EvalResults.Row[]>> byCategory = new TreeMap<>();
        List<String> onlyBefore = new ArrayList<>();
        List<String> onlyAfter = new ArrayList<>();
        List<String> flipped = new ArrayList<>();
        for (EvalResults.Row b : before.rows().values()) {
            EvalResults.Row a = after.rows().get(b.item());
            if (a == null) {
                onlyBefore.add(b.item());
                continue;
            }
            byCategory.computeIfAbsent(b.category(), k -> new ArrayList<>()).add(new EvalResults.Row[] {b, a});
            if (Boolean.TRUE.equals(b.passed()) && Boolean.FALSE.equals(a.passed())) {
                flipped.add(b.item());
            }
        }
        for (String id : after.rows().keySet()) {
            if (!before.rows().containsKey(id)) {
                onlyAfter.add(id);
            }
        }
        List<double[]> raw = new ArrayList<>();
        List<HealthReport.Category> partial = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (Map.Entry<String, List<EvalResults.Row[]>> e : byCategory.entrySet()) {
            int pb = 0;
            int pa = 0;
            int lost = 0;
            int gained = 0;
            boolean hasPass = true;
            List<double[]> scores = new ArrayList<>();
            for (EvalResults.Row[] pair : e.getValue()) {
                Boolean x = pair[0].passed();
                Boolean y = pair[1].passed();
                if (x == null || y == null) {
                    hasPass = false;
                } else {
                    pb += x ? 1 : 0;
                    pa += y ? 1 : 0;
                    lost += x && !y ? 1 : 0;
                    gained += !x && y ? 1 : 0;
                }
                if (!Double.isNaN(pair[0].score()) && !Double.isNaN(pair[1].score())) {
                    scores.add(new double[] {pair[0].score(), pair[1].score()});
                }
            }
            double pPass = hasPass ? Paired.mcNemarExact(lost, gained) : Double.NaN;
            double pScore = Double.NaN;
            double sb = Double.NaN;
            double sa = Double.NaN;
            if (scores.size() >= 2) {
                double[] b = scores.stream().mapToDouble(x -> x[0]).toArray();
                double[] a = scores.stream().mapToDouble(x -> x[1]).toArray();
                pScore = Paired.wilcoxon(b, a, true).pValue();
                sb = java.util.Arrays.stream(b).average().orElse(Double.NaN);
                sa = java.util.Arrays.stream(a).average().orElse(Double.NaN);
            }
            partial.add(new HealthReport.Category(e.getKey(), e.getValue().size(), hasPass ? pb : -1, hasPass ? pa : -1,
                    lost, gained, sb, sa, pPass, pScore, Double.NaN, false));
            raw.add(new double[] {pPass, pScore});
            if (!Double.isNaN(pPass)) {
                ps.add(pPass);
            }
            if (!Double.isNaN(pScore)) {
                ps.add(pScore);
            }
        }
        double[] adjusted = MultipleTesting.benjaminiHochberg(ps.stream().mapToDouble(Double::doubleValue).toArray());
        List<HealthReport.Category> cats = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < partial.size(); i++) {
            HealthReport.Category c = partial.get(i);
            double adjPass = Double.NaN;
            double adjScore = Double.NaN;
            if (!Double.isNaN(raw.get(i)[0])) {
                adjPass = adjusted[k++];
            }
            if (!Double.isNaN(raw.get(i)[1])) {
                adjScore = adjusted[k++];
            }
            boolean worsePass = c.lostPasses() > c.gainedPasses() && adjPass < 0.05;
            boolean worseScore = c.scoreAfter() < c.scoreBefore() && adjScore < 0.05;
            double adj = Double.isNaN(adjPass) ? adjScore : Double.isNaN(adjScore) ? adjPass : Math.min(adjPass, adjScore);
            cats.add(new HealthReport.Category(c.category(), c.paired(), c.passBefore(), c.passAfter(), c.lostPasses(),
                    c.gainedPasses(), c.scoreBefore(), c.scoreAfter(), c.pPassed(), c.pScore(), adj,
                    worsePass || worseScore));
        }
        int paired = byCategory.values().stream().mapToInt(List::size).sum();
        return new HealthReport.Forgetting(before.version(), after.version(), paired, cats, flipped, onlyBefore, onlyAfter);
    }

    static void forgetting(HealthReport.Forgetting fg, List<Finding> out) {
        for (HealthReport.Category c : fg.categories()) {
            if (c.regressed()) {
                out.add(new Finding("forgetting", "regressed." + c.category(), Severity.CRITICAL, c.pAdjusted(),
                        String.format(Locale.ROOT, "category %s regressed: %s (adjusted p=%.3g over %d paired items)",
                                c.category(), c.passBefore() >= 0 ? c.passBefore() + " -> " + c.passAfter() + " passed, "
                                        + c.lostPasses() + " lost, " + c.gainedPasses() + " gained"
                                        : String.format(Locale.ROOT, "mean score %.4g -> %.4g", c.scoreBefore(), c.scoreAfter()),
                                c.pAdjusted(), c.paired())));
            }
        }
        if (!fg.flipped().isEmpty()) {
            out.add(new Finding("forgetting", "flipped_items", Severity.INFO, fg.flipped().size(), fg.flipped().size()
                    + " items passed before and fail now: " + String.join(", ", fg.flipped().subList(0,
                    Math.min(20, fg.flipped().size()))) + (fg.flipped().size() > 20 ? ", ..." : "")));
        }
        if (!fg.onlyBaseline().isEmpty() || !fg.onlyCurrent().isEmpty()) {
            out.add(new Finding("forgetting", "unpaired_items", Severity.WARNING,
                    fg.onlyBaseline().size() + fg.onlyCurrent().size(), String.format(Locale.ROOT,
                    "%d baseline items have no match in the current eval, %d current items none in the baseline%s",
                    fg.onlyBaseline().size(), fg.onlyCurrent().size(), fg.onlyBaseline().isEmpty() ? ""
                            : " (first: " + String.join(", ", fg.onlyBaseline().subList(0,
                            Math.min(5, fg.onlyBaseline().size()))) + ")")));
        }
    }

    private static double share(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    private static String pct(long a, long b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * a / b);
    }

    static String human(long seconds) {
        return dev.mlops.text.Durations.human(seconds);
    }
}
