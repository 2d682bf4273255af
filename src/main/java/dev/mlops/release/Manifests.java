package dev.mlops.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.Artifact;
import dev.mlops.registry.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Builds promotion and rollback manifests ({@value #SCHEMA}) and chooses where they go. */
public final class Manifests {
    public static final String SCHEMA = "mlops.manifest/v1";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Manifests() {
    }

    /** The frozen identity of a version: everything that must be equal for it to be the same version. */
    public static ObjectNode identity(Version v) {
        ObjectNode id = JSON.createObjectNode();
        ObjectNode base = id.putObject("base_model");
        base.put("name", v.baseModel());
        base.put("revision", v.baseRevision());
        ObjectNode ad = id.putObject("adapter");
        ad.put("type", v.adapterType());
        ad.put("rank", v.adapterRank());
        ad.put("alpha", v.adapterAlpha());
        ObjectNode arts = id.putObject("artifacts");
        for (var e : v.artifacts().entrySet()) {
            Artifact a = e.getValue();
            arts.putObject(e.getKey()).put("path", a.path()).put("sha256", a.sha256());
        }
        ObjectNode s = id.putObject("sampling");
        v.sampling().forEach(s::putPOJO);
        ObjectNode d = id.putObject("training_data");
        d.put("name", v.trainingData());
        d.put("sha256", v.trainingDataSha256());
        return id;
    }

    static ObjectNode manifest(String action, Version v, String from, String to, String replaces, Integer traffic,
                               List<GateResult> gates, boolean forced, List<Evidence> evidence, String reason,
                               String by, Instant at, String toolVersion) {
        ObjectNode m = JSON.createObjectNode();
        m.put("schema", SCHEMA);
        m.put("action", action);
        m.put("model", v.model());
        m.put("version", v.id());
        m.put("from_stage", from);
        m.put("to_stage", to);
        m.put("replaces", replaces);
        if (traffic == null) {
            m.putNull("traffic_percent");
        } else {
            m.put("traffic_percent", traffic);
        }
        m.set("identity", identity(v));
        ArrayNode gs = m.putArray("gates");
        for (GateResult g : gates) {
            ObjectNode o = gs.addObject();
            o.put("gate", g.gate());
            o.put("limit", g.limit());
            if (Double.isNaN(g.value())) {
                o.putNull("value");
            } else {
                o.put("value", g.value());
            }
            o.put("passed", g.passed());
            o.put("detail", g.detail());
        }
        m.put("gates_passed", gates.stream().allMatch(GateResult::passed));
        m.put("forced", forced);
        ArrayNode ev = m.putArray("evidence");
        for (Evidence e : evidence) {
            ev.addObject().put("file", e.name()).put("schema", e.schema()).put("sha256", e.sha256());
        }
        m.put("reason", reason);
        m.put("by", by);
        m.put("at", at.toString());
        m.put("tool_version", toolVersion);
        return m;
    }

    /** manifests/20261125T070000Z-bot-v12-production.json, with -2, -3... if that name is taken. */
    static Path path(Path root, String model, String version, String to, Instant at) {
        Path dir = root.resolve("manifests");
        String base = STAMP.format(at) + "-" + model + "-" + version + "-" + to;
        Path p = dir.resolve(base + ".json");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + i + ".json");
        }
        if (!p.getParent().equals(dir)) {
            throw new ReleaseException(base + ": a manifest name may not hold a path");
        }
        return dev.mlops.registry.ArtifactPaths.built(root, p);
    }
}
