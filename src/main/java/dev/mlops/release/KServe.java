package dev.mlops.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.registry.Artifact;
import dev.mlops.registry.Version;
import java.util.Locale;

/**
 * Writes a promotion as a KServe {@code InferenceService} (serving.kserve.io/v1beta1) for the
 * Hugging Face runtime: the base model, the LoRA adapter, and for a canary
 * {@code canaryTrafficPercent}, so that a real router can apply it.
 */
public final class KServe {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private KServe() {
    }

    public static String inferenceService(Version v, String stage, Integer traffic, String manifest) {
        ObjectNode root = Manifests.JSON.createObjectNode();
        root.put("apiVersion", "serving.kserve.io/v1beta1");
        root.put("kind", "InferenceService");
        ObjectNode meta = root.putObject("metadata");
        meta.put("name", dnsName(v.model()));
        ObjectNode labels = meta.putObject("labels");
        labels.put("mlops/version", dnsName(v.id()));
        labels.put("mlops/stage", stage);
        ObjectNode ann = meta.putObject("annotations");
        ann.put("mlops/manifest", manifest);
        Artifact adapter = v.artifacts().get("adapter");
        if (adapter != null && adapter.sha256() != null) {
            ann.put("mlops/adapter-sha256", adapter.sha256());
        }
        ObjectNode predictor = root.putObject("spec").putObject("predictor");
        if (traffic != null) {
            predictor.put("canaryTrafficPercent", traffic);
        }
        ObjectNode model = predictor.putObject("model");
        model.putObject("modelFormat").put("name", "huggingface");
        ArrayNode args = model.putArray("args");
        args.add("--model_name=" + v.model());
        if (v.baseModel() != null) {
            args.add("--model_id=" + v.baseModel());
        }
        if (v.baseRevision() != null) {
            args.add("--model_revision=" + v.baseRevision());
        }
        if (adapter != null && adapter.path() != null) {
            args.add("--enable-lora");
            args.add("--lora-modules");
            args.add(v.id() + "=" + adapter.path());
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kubernetes names: lowercase letters, digits and '-', at most 63 characters. */
    static String dnsName(String s) {
        String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return n.length() > 63 ? n.substring(0, 63) : n.isEmpty() ? "model" : n;
    }
}
