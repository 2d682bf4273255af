package dev.mlops.cli;

import dev.mlops.analysis.RecordFilter;
import dev.mlops.selection.Eligibility;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which records {@code mlops select} may pick: filters, errors and truncation, feedback. */
final class EligibilityOptions {
    @Option(names = "--where", paramLabel = "EXPR", description = "Keep records where EXPR holds (as in analyze).")
    List<String> where = new ArrayList<>();

    @Option(names = "--ok-only", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Leave out errors and truncated answers (default: on; --no-ok-only keeps them).")
    boolean okOnly;

    @Option(names = "--feedback", paramLabel = "WHICH", defaultValue = "any",
            description = "positive, negative or any (default: ${DEFAULT-VALUE}).")
    String feedback;

    @Option(names = "--feedback-field", paramLabel = "FIELD", defaultValue = "feedback.thumbs",
            description = "The feedback that --feedback and dpo read; positive above 0 (default: ${DEFAULT-VALUE}).")
    String feedbackField;

    void validate(CommandSpec spec) {
        if (!List.of("positive", "negative", "any").contains(feedback)) {
            throw new ParameterException(spec.commandLine(), "--feedback " + feedback + ": expected positive, negative or any");
        }
    }

    RecordFilter filter(CommandSpec spec) {
        try {
            return RecordFilter.of(where, null, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Eligibility with --feedback as given, or with any feedback (a DPO pair needs both kinds). */
    Eligibility eligibility(RecordFilter filter, boolean anyFeedback) {
        return new Eligibility(filter, okOnly, anyFeedback ? "any" : feedback, feedbackField);
    }
}
