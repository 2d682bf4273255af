package dev.mlops.analysis;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code mlops health}: findings per version, each with a severity and its numbers.
 *
 * @param versions one entry per group (version), findings sorted by severity
 * @param forgetting the canary-eval comparison, or null without eval files
 */
public record HealthReport(List<Entry> versions, Forgetting forgetting) {
    public static final String SCHEMA = "mlops.health/v1";

    public HealthReport {
        versions = List.copyOf(versions);
    }

    /** info, warning, critical: in that order of gravity. */
    public enum Severity { INFO, WARNING, CRITICAL }

    /**
     * @param section  data_quality, infrastructure or forgetting
     * @param check    what was checked, e.g. error_rate, missing.latency_ms, change_point.latency_p95_ms
     * @param severity its gravity
     * @param value    the number behind it (NaN when none)
     * @param message  one line for people, with the numbers
     */
    public record Finding(String section, String check, Severity severity, double value, String message) {
    }

    /**
     * One time window of a version's traffic, as the change-point detectors saw it.
     *
     * @param start        the window's start
     * @param requests     requests in it
     * @param errors       failed requests
     * @param latencyP95Ms p95 latency of its successful requests (NaN when none)
     */
    public record Window(java.time.Instant start, long requests, long errors, double latencyP95Ms) {
    }

    /**
     * A change point: where a shift in a measure began and where the detector raised its alarm.
     *
     * @param measure error_rate or latency_p95_ms
     * @param from    the start of the first window after the change
     * @param alarm   the start of the window in which the alarm was raised
     */
    public record Change(String measure, java.time.Instant from, java.time.Instant alarm) {
    }

    /**
     * One version's health: its key and findings, and for pictures its windows, error types and
     * change points (empty for an eval-only entry).
     */
    public record Entry(Map<String, String> key, long requests, List<Finding> findings, List<Window> windows,
                        Map<String, Long> errorTypes, List<Change> changes) {
        public Entry {
            key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
            findings = List.copyOf(findings);
            windows = List.copyOf(windows);
            errorTypes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(errorTypes));
            changes = List.copyOf(changes);
        }

        public Entry(Map<String, String> key, long requests, List<Finding> findings) {
            this(key, requests, findings, List.of(), Map.of(), List.of());
        }

        Entry withFindings(List<Finding> f) {
            return new Entry(key, requests, f, windows, errorTypes, changes);
        }

        public long count(Severity s) {
            return findings.stream().filter(f -> f.severity() == s).count();
        }

        public String label() {
            return key.isEmpty() ? "all" : String.join(" / ", key.values());
        }
    }

    /**
     * One category of eval items compared between two versions.
     *
     * @param passBefore   items passed by the baseline (NaN-free counts; -1 when the eval has no pass/fail)
     * @param lostPasses   items passed before and failed after
     * @param gainedPasses items failed before and passed after
     * @param pPassed      exact McNemar p-value (NaN without pass/fail)
     * @param pScore       Wilcoxon signed-rank p-value (NaN without scores)
     * @param pAdjusted    the smaller of the two after Benjamini-Hochberg over all tests
     * @param regressed    significantly worse after correction
     */
    public record Category(String category, int paired, int passBefore, int passAfter, int lostPasses,
                           int gainedPasses, double scoreBefore, double scoreAfter, double pPassed, double pScore,
                           double pAdjusted, boolean regressed) {
    }

    /**
     * @param baselineVersion the baseline eval's version (as its rows name it)
     * @param currentVersion  the current eval's version
     * @param paired          items found in both
     * @param categories      per category, sorted by name
     * @param flipped         items that passed before and fail now
     * @param onlyBaseline    items of the baseline with no match in the current eval
     * @param onlyCurrent     items of the current eval with no match in the baseline
     */
    public record Forgetting(String baselineVersion, String currentVersion, int paired, List<Category> categories,
                             List<String> flipped, List<String> onlyBaseline, List<String> onlyCurrent) {
        public Forgetting {
            categories = List.copyOf(categories);
            flipped = List.copyOf(flipped);
            onlyBaseline = List.copyOf(onlyBaseline);
            onlyCurrent = List.copyOf(onlyCurrent);
        }
    }

    public long count(Severity s) {
        return versions.stream().mapToLong(e -> e.count(s)).sum();
    }

    /** Whether any finding is at least as grave as {@code s}. */
    public boolean atLeast(Severity s) {
        return versions.stream().flatMap(e -> e.findings().stream()).anyMatch(f -> f.severity().compareTo(s) >= 0);
    }
}
