package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import dev.mlops.stats.Distribution;
import java.util.ArrayList;
import java.util.List;

/** One window of one group: proxy and satisfaction sums, a bounded sample of pairs and of responses. */
final class CollapseWindow implements java.io.Serializable {
    long requests;
    long scored;
    final dev.mlops.stats.ExactSum proxySum = new dev.mlops.stats.ExactSum();
    final dev.mlops.stats.ExactSum proxySq = new dev.mlops.stats.ExactSum();
    final dev.mlops.stats.ExactSum satSum = new dev.mlops.stats.ExactSum();
    final dev.mlops.stats.ExactSum satSq = new dev.mlops.stats.ExactSum();
    long proxyPositive;
    long clickbait;
    final Distribution length = new Distribution(100_000);
    final List<double[]> pairs = new ArrayList<>();
    final List<String> responses = new ArrayList<>();
    private final int maxPairs;
    private final int maxResponses;

    CollapseWindow(int maxPairs, int maxResponses) {
        this.maxPairs = maxPairs;
        this.maxResponses = maxResponses;
    }

    void accept(LogRecord r, CollapseSettings s) {
        requests++;
        double p = r.number(s.proxy());
        double q = r.number(s.satisfaction());
        if (r.outputTokens() >= 0 && !r.isError()) {
            length.add(r.outputTokens());
        }
        if (r.response() != null && !r.response().isBlank() && responses.size() < maxResponses) {
            responses.add(r.response());
        }
        if (Double.isNaN(p) || Double.isNaN(q)) {
            return;
        }
        scored++;
        proxySum.add(p);
        proxySq.add(p * p);
        satSum.add(q);
        satSq.add(q * q);
        if (p > s.proxyAbove()) {
            proxyPositive++;
            if (q <= s.satisfiedAbove()) {
                clickbait++;
            }
        }
        if (pairs.size() < maxPairs) {
            pairs.add(new double[] {p, q});
        }
    }

    void merge(CollapseWindow o) {
        requests += o.requests;
        scored += o.scored;
        proxySum.merge(o.proxySum);
        proxySq.merge(o.proxySq);
        satSum.merge(o.satSum);
        satSq.merge(o.satSq);
        proxyPositive += o.proxyPositive;
        clickbait += o.clickbait;
        length.merge(o.length);
        for (double[] pq : o.pairs) {
            if (pairs.size() < maxPairs) {
                pairs.add(pq);
            }
        }
        for (String t : o.responses) {
            if (responses.size() < maxResponses) {
                responses.add(t);
            }
        }
    }
}
