package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The JSON of {@code mlops registry diff} (schema {@value #SCHEMA}). */
public record DiffDoc(
        @JsonPropertyDescription("\"" + DiffDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the first version") String a,
        @JsonPropertyDescription("the second version") String b,
        @JsonPropertyDescription("the fields that differ; with --all, every field") List<Field> fields) {
    public static final String SCHEMA = "mlops.diff/v1";

    /** One field of both versions. */
    public record Field(String field, String a, String b, boolean differs) {
    }
}
