package dev.mlops.report;

import java.util.EnumSet;
import java.util.Set;

/**
 * Turns one kind of report into text. Each renderer says which formats it writes; a command
 * offers only those. Implementations dispatch with an exhaustive {@code switch} expression over
 * {@link OutputFormat}, with no default: a new format is a compile error in every renderer
 * until each one writes it (or says it does not).
 *
 * @param <R> the report
 */
public interface Renderer<R> {
    /** The formats this renderer writes. */
    default Set<OutputFormat> formats() {
        return EnumSet.allOf(OutputFormat.class);
    }

    String render(R report, OutputFormat format);
}
