package dev.mlops.analysis;

/**
 * What collapse analysis reads and how it judges.
 *
 * @param proxy            the proxy metric's field (feedback.clicked, feedback.reward...)
 * @param satisfaction     the satisfaction signal's field (feedback.thumbs, feedback.rating...)
 * @param proxyAbove       a request is proxy-positive when its proxy is above this
 * @param satisfiedAbove   a request is satisfied when its satisfaction is above this, unsatisfied otherwise
 * @param alpha            significance level of each trend test
 * @param minWindow        windows with fewer scored requests are "insufficient data"
 * @param pairs            (proxy, satisfaction) pairs kept per window for the rank correlation
 * @param responses        responses kept per window for the diversity measures
 */
public record CollapseSettings(String proxy, String satisfaction, double proxyAbove, double satisfiedAbove,
                               double alpha, long minWindow, int pairs, int responses) implements java.io.Serializable {
    public static final String DEFAULT_PROXY = "feedback.clicked";
    public static final String DEFAULT_SATISFACTION = "feedback.thumbs";
}
