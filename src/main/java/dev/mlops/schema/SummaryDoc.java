package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The distribution of one measure in one group. */
@JsonClassDescription("a distribution, over successful requests; its measures are null when it is empty")
public record SummaryDoc(
        long count,
        Double mean,
        Double min,
        Double p50,
        Double p90,
        Double p95,
        Double p99,
        Double max,
        @JsonPropertyDescription("exact or ddsketch") String method,
        @JsonPropertyDescription("0 or 0.01") double relativeError,
        HistogramDoc histogram) {

    public SummaryDoc {
        histogram = histogram == null ? new HistogramDoc(0, 0, List.of()) : histogram;
    }

    /** Counts on log-scaled buckets. */
    @JsonClassDescription("counts on log-scaled buckets, [lower, upper)")
    public record HistogramDoc(int bucketsPerDecade, long zeros, List<Bucket> buckets) {
        public HistogramDoc {
            buckets = buckets == null ? List.of() : List.copyOf(buckets);
        }
    }

    /** One bucket: values in [lower, upper). */
    public record Bucket(double lower, double upper, long count) {
    }
}
