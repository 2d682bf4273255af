package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import dev.mlops.stats.Distribution;
import java.util.ArrayList;
import java.util.List;

/** One window of one group: proxy and satisfaction sums, a bounded sample of pairs and of responses. */
final class CollapseWindow {
    long requests;
    long scored;
    double proxySum;
    double proxySq;
    double satSum;
    double satSq;
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
        proxySum += p;
        proxySq += p * p;
        satSum += q;
        satSq += q * q;
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
        proxySum += o.proxySum;
        proxySq += o.proxySq;
        satSum += o.satSum;
        satSq += o.satSq;
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
