package dev.mlops.registry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable registry: which models and versions exist and what they are made of.
 *
 * @param file          where it was loaded from
 * @param schemaVersion the file's schema_version (1 when absent)
 * @param models        models by name, in file order
 * @param promotion     the gates of each stage
 * @param history       what the registry records of its history, or null before the first write
 */
public record Registry(Path file, int schemaVersion, Map<String, Model> models, Map<Stage, List<Gate>> promotion,
                       HistoryRecord history) {
    public Registry {
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
        promotion = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(promotion.isEmpty()
                ? new java.util.EnumMap<Stage, List<Gate>>(Stage.class) : promotion));
    }

    /** The gates a version must pass to enter {@code stage} (none when the registry names none). */
    public List<Gate> gates(Stage stage) {
        return promotion.getOrDefault(stage, List.of());
    }

    public Optional<Version> version(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Model m : models.values()) {
            for (Version v : m.versions()) {
                if (v.id().equals(id)) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Model> model(String name) {
        return Optional.ofNullable(name == null ? null : models.get(name));
    }

    /** The model a log record belongs to: through its version id, else its model name. */
    public Optional<Model> modelFor(String versionId, String modelName) {
        Optional<Version> v = version(versionId);
        if (v.isPresent()) {
            return model(v.get().model());
        }
        return model(modelName);
    }

    public List<Version> versions() {
        return models.values().stream().flatMap(m -> m.versions().stream()).toList();
    }
}
