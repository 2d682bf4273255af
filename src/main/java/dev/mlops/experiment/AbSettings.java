package dev.mlops.experiment;

import dev.mlops.analysis.PriceBook;
import dev.mlops.analysis.RecordFilter;
import java.io.Serializable;
import java.util.List;

/**
 * What an A/B test reads.
 *
 * @param armField     the field that names a request's arm; null for the record's arm (else its version)
 * @param unitField    the randomisation unit's field (user by default)
 * @param segmentField the field segments are cut by, or null
 * @param metrics      the metrics compared
 * @param filter       which requests are kept (--where, --since, --until)
 * @param prices       the registry's prices, for requests without a logged cost; null without a registry
 */
public record AbSettings(String armField, String unitField, String segmentField, List<Metric> metrics,
                         RecordFilter filter, PriceBook prices) implements Serializable {
    public AbSettings {
        metrics = List.copyOf(metrics);
    }
}
