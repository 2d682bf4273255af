package dev.mlops.logs;

import java.util.Objects;

/**
 * Maps one source field (a dotted path into a JSON record, or a CSV column name) onto a
 * {@link Field}. Rules earlier in a {@link Mapping} win over later ones for the same field.
 *
 * @param path   the source path, for example {@code usage.prompt_tokens}
 * @param field  the target field
 * @param how    how the value is read
 * @param scale  for durations, the factor to milliseconds (1000 for seconds)
 * @param name   for {@link Field#FEEDBACK} and {@link Field#ATTRIBUTE}, the key in the record's map
 */
public record Rule(String path, Field field, How how, double scale, String name) {

    /** How a source value is read. */
    public enum How {
        /** The value itself, converted to the field's kind. */
        VALUE,
        /** A non-null, non-empty, non-false value marks the request as failed and names the error type. */
        ERROR_MARKER,
        /** An HTTP status code: 400 and above is an error. */
        HTTP_CODE,
        /** A log level: ERROR or FATAL is an error. */
        LEVEL,
        /** A chat messages array: the text of its last user message. */
        MESSAGES,
        /** A count of 0 marks the request as failed ("empty response"): BurstGPT's failed requests. */
        ZERO_IS_ERROR,
        /**
         * A count added to the field's value (Anthropic's cache reads and writes, which its input
         * tokens leave out, so that input tokens mean the same in every format: all of them).
         */
        ADD
    }

    public Rule {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(how, "how");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty source path");
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        if ((field == Field.FEEDBACK || field == Field.ATTRIBUTE) && (name == null || name.isEmpty())) {
            throw new IllegalArgumentException(field.key() + " rule needs a name");
        }
    }

    public static Rule of(String path, Field field) {
        return new Rule(path, field, How.VALUE, 1, null);
    }

    public static Rule seconds(String path, Field field) {
        return new Rule(path, field, How.VALUE, 1000, null);
    }

    public static Rule added(String path, Field field) {
        return new Rule(path, field, How.ADD, 1, null);
    }

    public static Rule marker(String path, How how) {
        return new Rule(path, Field.STATUS, how, 1, null);
    }

    /** The name this rule gives its target, as used in messages: {@code output_tokens}, {@code attributes.region}. */
    public String target() {
        return name == null ? field.key() : field.key().replace("attribute", "attributes") + "." + name;
    }
}
