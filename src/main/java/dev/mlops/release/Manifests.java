package dev.mlops.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.Version;
import dev.mlops.schema.Documents;
import dev.mlops.schema.ManifestDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds promotion and rollback manifests ({@value #SCHEMA}) and chooses where they go. */
public final class Manifests {
    public static final String SCHEMA = ManifestDoc.SCHEMA;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Manifests() {
    }

    /** The frozen identity of a version: everything that must be equal for it to be the same version. */
    public static ManifestDoc.Identity identityDoc(Version v) {
        Map<String, ManifestDoc.ArtifactRef> arts = new LinkedHashMap<>();
        v.artifacts().forEach((role, a) -> arts.put(role, new ManifestDoc.ArtifactRef(a.path(), a.sha256())));
        return new ManifestDoc.Identity(new ManifestDoc.BaseModel(v.baseModel(), v.baseRevision()),
                new ManifestDoc.Adapter(v.adapterType(), v.adapterRank(), v.adapterAlpha()), arts,
                new LinkedHashMap<>(v.sampling()), new ManifestDoc.TrainingData(v.trainingData(), v.trainingDataSha256()));
    }

    /** The identity as a JSON object, for the listings that show it beside other fields. */
    public static ObjectNode identity(Version v) {
        return Documents.tree(identityDoc(v));
    }

    static ObjectNode manifest(String action, Version v, String from, String to, String replaces, Integer traffic,
                               List<GateResult> gates, boolean forced, List<Evidence> evidence, String reason,
                               String by, Instant at, String toolVersion, String forcedBecause) {
        var gs = gates.stream().map(g -> new ManifestDoc.Gate(g.gate(), g.limit(), Documents.num(g.value()),
                g.passed(), g.detail())).toList();
        var ev = evidence.stream().map(e -> new ManifestDoc.EvidenceRef(e.name(), e.schema(), e.sha256())).toList();
        return Documents.tree(new ManifestDoc(ManifestDoc.SCHEMA, action, v.model(), v.id(), from, to, replaces, traffic,
                identityDoc(v), gs, gates.stream().allMatch(GateResult::passed), forced, ev, reason, by, at.toString(),
                toolVersion, forcedBecause));
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
