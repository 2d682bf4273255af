package dev.mlops.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.io.BoundedFiles;
import dev.mlops.registry.TreeHash;
import dev.mlops.schema.Documents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A report that another command wrote with {@code --format json}, used as promotion evidence and
 * keyed by its {@code schema} (mlops.analyze/v1, mlops.drift/v1, mlops.abtest/v1, mlops.health/v1).
 *
 * @param name   the file as the user named it
 * @param schema its schema
 * @param sha256 the SHA-256 of its bytes, recorded in the manifest
 * @param json   its content
 */
public record Evidence(String name, String schema, String sha256, JsonNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Evidence load(Path file, String name) {
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(file, name, BoundedFiles.SETTINGS_LIMIT);
        } catch (BoundedFiles.RefusedException e) {
            throw new ReleaseException(e.getMessage());
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ReleaseException(name + ": not JSON (write evidence with --format json)");
        }
        if (json == null || !json.path("schema").isTextual() || !json.get("schema").asText().startsWith("mlops.")) {
            throw new ReleaseException(name + ": not an mlops report (it has no \"schema\": \"mlops.…\")");
        }
        return new Evidence(name, json.get("schema").asText(), TreeHash.sha256(bytes), json);
    }

    /** The evidence read into its document type: the type its schema's writer wrote. */
    public <T> T as(Class<T> type) {
        try {
            return Documents.read(json, type);
        } catch (IllegalArgumentException e) {
            throw new ReleaseException(name + ": not a valid " + schema + " report: " + e.getMessage());
        }
    }
}
