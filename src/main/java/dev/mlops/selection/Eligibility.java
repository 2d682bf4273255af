package dev.mlops.selection;

import dev.mlops.analysis.RecordFilter;
import dev.mlops.logs.LogRecord;
import java.util.function.Predicate;

/**
 * Which records may be picked: --where, --ok-only (no errors, no truncated answers) and
 * --feedback positive|negative|any on a feedback field (positive above 0).
 */
public record Eligibility(RecordFilter where, boolean okOnly, String feedback, String feedbackField) implements java.io.Serializable, Predicate<LogRecord> {
    @Override
    public boolean test(LogRecord r) {
        if (!where.test(r)) {
            return false;
        }
        if (okOnly && (r.isError() || "length".equals(r.finishReason()) || "max_tokens".equals(r.finishReason()))) {
            return false;
        }
        if (feedback.equals("any")) {
            return true;
        }
        double f = r.number(feedbackField);
        return !Double.isNaN(f) && (feedback.equals("positive") ? f > 0 : f <= 0);
    }
}
