package dev.mlops.analysis;

import dev.mlops.analysis.HealthReport.Finding;
import dev.mlops.analysis.HealthReport.Severity;
import dev.mlops.logs.FileReport;
import dev.mlops.stats.BinomialCusum;
import dev.mlops.stats.ChangePoint;
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
 * timeouts warning at 0.5%. Change points, over windows of at least 30 requests (a final window
 * with less than half the median traffic is still filling and left out), with the first third (at
 * least 4) as the baseline: the error rate by a Bernoulli CUSUM ({@link BinomialCusum}) whose
 * threshold is simulated for a 1% false-alarm rate, reported (critical) only for a rise of at least
 * one percentage point; p95 latency by a standardised CUSUM with k = 0.5 and h simulated the same
 * way, reported (warning) for a move of at least 10%. The start is the maximum-likelihood split
 * for error rates and the CUSUM's restart for latency. Forgetting:
 * per category, exact McNemar on pass/fail and Wilcoxon signed-rank on scores, Benjamini-Hochberg
 * over all of them at 0.05; a regressed category is critical.
 */
public final class HealthAnalysis {
    static final double CUSUM_K = 0.5;
    static final int MIN_WINDOWS = 8;
    /** Windows with fewer requests are left out of the change-point series. */
    static final int MIN_WINDOW_REQUESTS = 30;
    /** The false-alarm rate each change-point detector is calibrated to, per series. */
    static final double FALSE_ALARM = 0.01;
    /** The smallest rise in error rate reported as a change point (one percentage point). */
    static final double MIN_RATE_SHIFT = 0.01;
    /** The smallest rise in p95 latency reported as a change point (10%). */
    static final double MIN_LATENCY_SHIFT = 0.10;
    /** The seed of the threshold simulations: the same input gives the same report. */
    static final long SEED = 20261201L;

    private HealthAnalysis() {
    }

    public static HealthReport analyze(HealthScan scan, List<FileReport> files, HealthReport.Forgetting evals) {
        HealthReport.Forgetting forgetting = evals;
        List<HealthReport.Entry> entries = new ArrayList<>();
        for (Map.Entry<GroupKey, HealthScan.Group> e : scan.result().entrySet()) {
            List<Finding> f = new ArrayList<>();
            HealthScan.Group g = e.getValue();
            quality(g, scan, f);
            infrastructure(g, scan, f);
            Map<String, String> key = CollapseAnalysis.key(scan.groupBy(), e.getKey());
            if (forgetting != null && forgetting.currentVersion() != null
                    && forgetting.currentVersion().equals(key.get("version"))) {
                forgetting(forgetting, f);
                forgetting = null;
            }
            f.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::section)
                    .thenComparing(Finding::check));
            entries.add(new HealthReport.Entry(key, g.requests, f));
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
                entries.set(0, new HealthReport.Entry(entries.get(0).key(), entries.get(0).requests(), f));
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

    private static void infrastructure(HealthScan.Group g, HealthScan scan, List<Finding> out) {
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
        changePoints(g, scan.windowSeconds(), out);
    }

    private static void changePoints(HealthScan.Group g, long windowSeconds, List<Finding> out) {
        List<Long> idx = new ArrayList<>();
        for (Map.Entry<Long, HealthScan.Window> w : g.windows.entrySet()) {
            if (w.getValue().requests >= MIN_WINDOW_REQUESTS) {
                idx.add(w.getKey());
            }
        }
        if (idx.size() > 1 && partial(g, idx)) {
            idx.remove(idx.size() - 1);
        }
        if (idx.size() < MIN_WINDOWS) {
            if (!g.windows.isEmpty()) {
                out.add(new Finding("infrastructure", "change_points", Severity.INFO, idx.size(), String.format(Locale.ROOT,
                        "insufficient data: %d windows of %s with at least %d requests, change points need at least %d",
                        idx.size(), human(windowSeconds), MIN_WINDOW_REQUESTS, MIN_WINDOWS)));
            }
            return;
        }
        int base = Math.max(4, idx.size() / 3);
        long[] n = new long[idx.size()];
        long[] e = new long[idx.size()];
        double[] p95 = new double[idx.size()];
        for (int i = 0; i < idx.size(); i++) {
            HealthScan.Window w = g.windows.get(idx.get(i));
            n[i] = w.requests;
            e[i] = w.errors;
            p95[i] = w.latency.count() == 0 ? Double.NaN : w.latency.quantile(0.95);
        }
        BinomialCusum.Result r = BinomialCusum.detect(n, e, base, FALSE_ALARM, MIN_RATE_SHIFT, SEED);
        if (r.alarm()) {
            out.add(new Finding("infrastructure", "change_point.error_rate", Severity.CRITICAL, r.after() - r.p0(),
                    String.format(Locale.ROOT, "error rate rose from %s to %s from the window starting %s (Bernoulli "
                            + "CUSUM alarm at %s)", pct(r.p0()), pct(r.after()),
                            Instant.ofEpochSecond(idx.get(r.start()) * windowSeconds),
                            Instant.ofEpochSecond(idx.get(r.index()) * windowSeconds))));
        }
        changePoint("latency_p95_ms", p95, idx, windowSeconds, Severity.WARNING, out);
    }

    /** The last window holds less than half the median traffic of the others: it is still filling. */
    private static boolean partial(HealthScan.Group g, List<Long> idx) {
        long[] counts = new long[idx.size() - 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = g.windows.get(idx.get(i)).requests;
        }
        java.util.Arrays.sort(counts);
        long median = counts[counts.length / 2];
        return g.windows.get(idx.get(idx.size() - 1)).requests * 2 < median;
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    static void changePoint(String what, double[] series, List<Long> idx, long windowSeconds, Severity severity,
                            List<Finding> out) {
        for (double v : series) {
            if (Double.isNaN(v)) {
                return;
            }
        }
        int base = Math.max(4, series.length / 3);
        double mean = 0;
        for (int i = 0; i < base; i++) {
            mean += series[i];
        }
        mean /= base;
        double var = 0;
        for (int i = 0; i < base; i++) {
            var += (series[i] - mean) * (series[i] - mean);
        }
        double sd = Math.max(Math.sqrt(var / (base - 1)), Math.max(0.05 * Math.abs(mean), 1e-9));
        double[] z = new double[series.length - base];
        for (int i = base; i < series.length; i++) {
            z[i - base] = (series[i] - mean) / sd;
        }
        double h = ChangePoint.calibratedH(base, z.length, CUSUM_K, FALSE_ALARM, SEED);
        ChangePoint.Alarm a = ChangePoint.cusumUp(z, CUSUM_K, h);
        if (a == null) {
            return;
        }
        int start = base + a.start();
        double after = 0;
        for (int i = start; i < series.length; i++) {
            after += series[i];
        }
        after /= series.length - start;
        if (after - mean < MIN_LATENCY_SHIFT * Math.abs(mean)) {
            return;
        }
        out.add(new Finding("infrastructure", "change_point." + what, severity, after - mean, String.format(Locale.ROOT,
                "%s %s from %.4g to %.4g on average from the window starting %s (CUSUM alarm at %s)", what,
                after > mean ? "rose" : "fell", mean, after, Instant.ofEpochSecond(idx.get(start) * windowSeconds),
                Instant.ofEpochSecond(idx.get(base + a.index()) * windowSeconds))));
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

    private static String human(long seconds) {
        return seconds >= 86_400 ? seconds / 86_400 + "d" : seconds >= 3600 ? seconds / 3600 + "h"
                : seconds >= 60 ? seconds / 60 + "m" : seconds + "s";
    }
}
