package dev.mlops.registry;

import java.util.Map;

/**
 * One frozen (or not yet frozen) version of a model.
 *
 * @param id             unique id across the registry, as logs carry it
 * @param model          the model it belongs to
 * @param baseModel      base model name
 * @param baseRevision   base model revision
 * @param adapterType    adapter type (lora, full, ...), or null
 * @param adapterRank    LoRA rank, or 0
 * @param adapterAlpha   LoRA alpha, or 0
 * @param artifacts      adapter, tokenizer, prompt_template by role
 * @param sampling       sampling settings, in file order
 * @param trainingData   training data snapshot name, or null
 * @param trainingDataSha256 its recorded hash, or null
 * @param stage          lifecycle stage
 * @param frozen         whether the artifacts are recorded as frozen
 * @param serving        where it is served (the playground's target), or null
 * @param line           the line of the version in the registry file
 */
public record Version(String id, String model, String baseModel, String baseRevision, String adapterType,
                      int adapterRank, double adapterAlpha, Map<String, Artifact> artifacts,
                      Map<String, Object> sampling, String trainingData, String trainingDataSha256,
                      Stage stage, boolean frozen, Serving serving, int line) implements java.io.Serializable {
    public Version {
        artifacts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(artifacts));
        sampling = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sampling));
    }
}
