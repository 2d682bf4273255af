package dev.mlops.analysis;

import java.util.List;
import java.util.Map;

/**
 * The result of {@code mlops collapse}.
 *
 * @param settings what was read and how it was judged
 * @param groupBy  the --by fields
 * @param groups   one entry per group, windows in time order
 */
public record CollapseReport(CollapseSettings settings, List<String> groupBy, List<Group> groups) {
    public static final String SCHEMA = "mlops.collapse/v1";

    public CollapseReport {
        groupBy = List.copyOf(groupBy);
        groups = List.copyOf(groups);
    }

    public boolean suspected() {
        return groups.stream().anyMatch(Group::suspected);
    }

    /**
     * One time window of one group. Means come with 95% normal-approximation intervals.
     *
     * @param label          the window's start (ISO-8601), or "all"
     * @param requests       requests in the window
     * @param scored         requests with both a proxy and a satisfaction value
     * @param rho            Spearman correlation of proxy and satisfaction (on a bounded sample of pairs)
     * @param clickbaitRate  share of proxy-positive requests that left the user unsatisfied
     * @param medianLength   median output tokens
     * @param distinct2      distinct-2 over a bounded sample of responses
     * @param nearDuplicates share of sampled responses with a near-duplicate (MinHash Jaccard ≥ 0.8)
     * @param insufficient   fewer scored requests than the minimum, or a proxy with one value: not judged
     */
    public record Window(String label, long requests, long scored, double proxyMean, double proxyLow,
                         double proxyHigh, double satisfactionMean, double satisfactionLow, double satisfactionHigh,
                         double rho, double clickbaitRate, double medianLength, double distinct2,
                         double nearDuplicates, boolean insufficient) {
    }

    /**
     * One signal of collapse.
     *
     * @param name     divergence, decoupling, length_exploitation, diversity_collapse or version_comparison
     * @param fired    whether it fired
     * @param evidence the windows and numbers behind it
     */
    public record Signal(String name, boolean fired, String evidence) {
    }

    /**
     * A version against a reference version over the whole span: lifts with 95% intervals.
     *
     * @param against the reference version
     * @param flagged the proxy rose significantly while satisfaction fell significantly
     */
    public record Comparison(String against, double proxyLift, double proxyLow, double proxyHigh,
                             double satisfactionLift, double satisfactionLow, double satisfactionHigh,
                             boolean flagged) {
    }

    /**
     * @param key          the group's values of the --by fields
     * @param windows      its windows in time order
     * @param signals      every signal, fired or not
     * @param comparison   against --against, or null
     * @param insufficient fewer than 3 judged windows (trend signals need 3) and no comparison
     */
    public record Group(Map<String, String> key, List<Window> windows, List<Signal> signals, Comparison comparison,
                        boolean insufficient) {
        public Group {
            key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
            windows = List.copyOf(windows);
            signals = List.copyOf(signals);
        }

        public boolean suspected() {
            return signals.stream().anyMatch(Signal::fired);
        }

        public String label() {
            return key.isEmpty() ? "all" : String.join(" / ", key.values());
        }
    }
}
