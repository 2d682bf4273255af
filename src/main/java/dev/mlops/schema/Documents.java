package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes documents as pretty-printed JSON with a final newline, and reads them back. Keys are the
 * records' components in snake_case; a measure that has no value (NaN) is null; unknown keys are
 * ignored on reading, so a newer writer's report is still evidence; a nested object left out reads as
 * null, a list or map as empty.
 */
public final class Documents {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a list or map that a hand-written report leaves out reads as empty, never as null
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .build();

    private Documents() {
    }

    /** The document as JSON text. */
    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a parsed document into its record.
     *
     * @throws IllegalArgumentException when a key holds a value of the wrong type; its message names the
     *                                  key's path ({@code groups[0].error_rate}) and what was wrong
     */
    public static <T> T read(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
            String why = e.getOriginalMessage().replaceAll("`[a-z.]+\\.([A-Za-z]+)`", "$1").lines().findFirst()
                    .orElse("");
            throw new IllegalArgumentException((path.isEmpty() ? "" : path + ": ") + why, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** The document as a JSON tree, for a file that is built on further (a manifest, a listing). */
    public static com.fasterxml.jackson.databind.node.ObjectNode tree(Object document) {
        return MAPPER.valueToTree(document);
    }

    /** A measure: null when it has no value (NaN or infinite). */
    public static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
