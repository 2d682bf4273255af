package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The JSON of {@code mlops registry verify} (schema {@value #SCHEMA}). */
public record VerifyDoc(
        @JsonPropertyDescription("\"" + VerifyDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("true when no artifact differs from its frozen hash") boolean clean,
        List<Artifact> artifacts) {
    public static final String SCHEMA = "mlops.verify/v1";

    /** One artifact of one version. */
    public record Artifact(String version, String role, String path,
                           @JsonPropertyDescription("ok, changed, missing, unexpected (new files in a directory) or unrecorded (never frozen)") String status,
                           String expected, String actual,
                           @JsonPropertyDescription("files added, removed or changed") List<String> details) {
    }
}
