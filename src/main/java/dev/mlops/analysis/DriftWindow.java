package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import dev.mlops.stats.Distribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one window of one group looked like: numeric distributions, category counts and term
 * document frequencies. Memory is bounded by the exact limit, {@link #MAX_CATEGORIES} per
 * categorical feature and the term counter's capacity.
 */
public final class DriftWindow implements java.io.Serializable {
    static final int MAX_CATEGORIES = 1000;
    static final String OTHER = "(other)";
    static final String MISSING = "(none)";

    final Map<String, Distribution> numeric = new LinkedHashMap<>();
    final Map<String, TreeMap<String, Long>> categorical = new LinkedHashMap<>();
    final TermSample terms;
    long records;

    DriftWindow(List<String> numericFeatures, List<String> categoricalFeatures, int exactLimit, int termCapacity,
                int textLevel) {
        for (String f : numericFeatures) {
            numeric.put(f, new Distribution(exactLimit));
        }
        for (String f : categoricalFeatures) {
            categorical.put(f, new TreeMap<>());
        }
        terms = new TermSample(textLevel, termCapacity);
    }

    void accept(LogRecord r, Terms tokenizer, boolean textOfResponse) {
        records++;
        for (Map.Entry<String, Distribution> e : numeric.entrySet()) {
            String f = e.getKey();
            // latencies of failed requests are not latencies of the model: compare successful ones
            if (r.isError() && (f.equals("latency_ms") || f.equals("ttft_ms"))) {
                continue;
            }
            double v = r.number(f);
            if (!Double.isNaN(v) && v >= 0) {
                e.getValue().add(v);
            }
        }
        for (Map.Entry<String, TreeMap<String, Long>> e : categorical.entrySet()) {
            String v = r.value(e.getKey());
            String k = v == null ? MISSING : v;
            TreeMap<String, Long> m = e.getValue();
            if (!m.containsKey(k) && m.size() >= MAX_CATEGORIES) {
                k = OTHER;
            }
            m.merge(k, 1L, Long::sum);
        }
        if (tokenizer != null) {
            String text = textOfResponse ? r.response() : r.prompt();
            if (text != null) {
                terms.add(text, tokenizer);
            }
        }
    }

    void merge(DriftWindow o) {
        records += o.records;
        numeric.forEach((f, d) -> d.merge(o.numeric.get(f)));
        categorical.forEach((f, m) -> o.categorical.get(f).forEach((k, c) -> {
            String key = !m.containsKey(k) && m.size() >= MAX_CATEGORIES ? OTHER : k;
            m.merge(key, c, Long::sum);
        }));
        terms.merge(o.terms);
    }
}
