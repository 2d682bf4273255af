package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** A promotion or rollback manifest, {@code manifests/TIME-MODEL-VERSION-STAGE.json} (schema {@value #SCHEMA}). */
public record ManifestDoc(
        @JsonPropertyDescription("\"" + ManifestDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("promote or rollback") String action,
        String model,
        String version,
        String fromStage,
        String toStage,
        @JsonPropertyDescription("the versions it replaces in to_stage, comma-separated, or null") String replaces,
        @JsonPropertyDescription("a canary's share of traffic, or null") Integer trafficPercent,
        Identity identity,
        List<Gate> gates,
        boolean gatesPassed,
        @JsonPropertyDescription("true when --force went past failed gates or the history") boolean forced,
        List<EvidenceRef> evidence,
        String reason,
        String by,
        @JsonPropertyDescription("ISO-8601") String at,
        String toolVersion,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonPropertyDescription("why a forced rollback was forced") String forcedBecause) {
    public static final String SCHEMA = "mlops.manifest/v1";

    /** The frozen identity of a version: everything that must be equal for it to be the same version. */
    public record Identity(BaseModel baseModel, Adapter adapter, Map<String, ArtifactRef> artifacts,
                           @JsonPropertyDescription("name to value") Map<String, Object> sampling,
                           TrainingData trainingData) {
    }

    /** The base model. */
    public record BaseModel(String name, String revision) {
    }

    /** The adapter: type (lora, ...), rank and alpha (0 when not given). */
    public record Adapter(String type, int rank, double alpha) {
    }

    /** One artifact by role, with its frozen SHA-256. */
    public record ArtifactRef(String path, String sha256) {
    }

    /** The training-data snapshot. */
    public record TrainingData(String name, String sha256) {
    }

    /** One promotion gate's result. */
    public record Gate(String gate, String limit, Double value, boolean passed, String detail) {
    }

    /** One evidence file, by its SHA-256. */
    public record EvidenceRef(String file, String schema, String sha256) {
    }
}
