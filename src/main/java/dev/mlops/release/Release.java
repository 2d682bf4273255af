package dev.mlops.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.ArtifactPaths;
import dev.mlops.registry.Registry;
import dev.mlops.registry.RegistryEditor;
import dev.mlops.registry.RegistryLoader;
import dev.mlops.registry.Stage;
import dev.mlops.registry.TreeHash;
import dev.mlops.registry.Verifier;
import dev.mlops.registry.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Plans promotions and rollbacks: gates, manifest, the registry's new stages, the history entry.
 * A plan is data; {@link #apply} writes it in one {@link Transaction}.
 */
public final class Release {
    private Release() {
    }

    /** Who acts, when, why, and with which build. */
    public record Actor(String by, Instant at, String reason, String toolVersion) {
    }

    /**
     * A promotion or rollback ready to write.
     *
     * @param manifest     the manifest
     * @param manifestPath where it goes
     * @param gates        gate results (empty for a rollback)
     * @param writes       every file the plan writes, with its new content
     */
    public record Plan(ObjectNode manifest, Path manifestPath, List<GateResult> gates, Map<Path, String> writes) {
        public boolean passed() {
            return gates.stream().allMatch(GateResult::passed);
        }
    }

    public static Plan promote(Registry r, Version v, Stage to, List<Evidence> evidence, boolean force, Integer traffic,
                               boolean kserve, Actor actor, ExecutorService pool) throws IOException {
        if (to == Stage.CANARY || to == Stage.PRODUCTION) {
            requireClean(r, v, "enter " + to.key(), pool);
        }
        List<GateResult> gates = Gates.evaluate(r.gates(to), evidence, v.id());
        boolean passed = gates.stream().allMatch(GateResult::passed);
        List<String> replaced = r.models().get(v.model()).versions().stream()
                .filter(x -> x.stage() == to && !x.id().equals(v.id()) && to != Stage.STAGING)
                .map(Version::id).toList();
        Stage demoted = to == Stage.CANARY ? Stage.STAGING : Stage.RETIRED;
        ObjectNode m = Manifests.manifest("promote", v, v.stage().key(), to.key(), replaced.isEmpty() ? null
                : String.join(",", replaced), to == Stage.CANARY ? traffic : null, gates, force && !passed, evidence,
                actor.reason(), actor.by(), actor.at(), actor.toolVersion());
        return plan(r, v, to, replaced, demoted, m, gates, kserve ? traffic : null, kserve, actor);
    }

    public static Plan rollback(Registry r, String model, String toVersion, Actor actor, ExecutorService pool)
            throws IOException {
        if (!r.models().containsKey(model)) {
            throw new ReleaseException("no model '" + model + "' in the registry (models: "
                    + String.join(", ", r.models().keySet()) + ")");
        }
        List<Version> current = r.models().get(model).versions().stream()
                .filter(x -> x.stage() == Stage.PRODUCTION).toList();
        if (current.isEmpty()) {
            throw new ReleaseException(model + " has no version in production to roll back");
        }
        String now = current.get(0).id();
        String target = toVersion != null ? toVersion : previousProduction(History.load(ArtifactPaths.root(r)), model, now);
        Version t = r.version(target).orElseThrow(() -> new ReleaseException("no version '" + target + "' in the registry"));
        if (!t.model().equals(model)) {
            throw new ReleaseException(target + " is a version of " + t.model() + ", not of " + model);
        }
        if (target.equals(now)) {
            throw new ReleaseException(target + " is already in production");
        }
        requireClean(r, t, "be rolled back to", pool);
        List<String> replaced = current.stream().map(Version::id).toList();
        ObjectNode m = Manifests.manifest("rollback", t, t.stage().key(), Stage.PRODUCTION.key(),
                String.join(",", replaced), null, List.of(), false, List.of(), actor.reason(), actor.by(), actor.at(),
                actor.toolVersion());
        return plan(r, t, Stage.PRODUCTION, replaced, Stage.RETIRED, m, List.of(), null, false, actor);
    }

    /**
     * The production version before the current one, according to the history: walking back
     * from the current version's latest entry, the first other version to have been in
     * production, skipping versions that a rollback already took out of production.
     */
    static String previousProduction(History h, String model, String current) {
        List<String> sequence = new ArrayList<>();
        java.util.Set<String> rolledBack = new java.util.HashSet<>();
        for (JsonNode e : h.entries()) {
            if (!model.equals(e.path("model").asText())) {
                continue;
            }
            if ("production".equals(e.path("to_stage").asText())) {
                // what an entry replaced was in production just before it, even if no entry put it there
                if (e.path("replaces").isTextual()) {
                    sequence.addAll(List.of(e.path("replaces").asText().split(",")));
                }
                sequence.add(e.path("version").asText());
            }
            if ("rollback".equals(e.path("action").asText()) && e.path("replaces").isTextual()) {
                rolledBack.addAll(List.of(e.path("replaces").asText().split(",")));
            }
        }
        int from = sequence.lastIndexOf(current);
        for (int i = (from < 0 ? sequence.size() : from) - 1; i >= 0; i--) {
            String v = sequence.get(i);
            if (!v.equals(current) && !rolledBack.contains(v)) {
                return v;
            }
        }
        throw new ReleaseException("the history holds no earlier production version of " + model
                + " to roll back to; name one with --to VERSION");
    }

    private static void requireClean(Registry r, Version v, String what, ExecutorService pool) throws IOException {
        if (!v.frozen()) {
            throw new ReleaseException(v.id() + " is not frozen, so it cannot " + what
                    + "; run: mlops registry freeze " + v.id());
        }
        List<Verifier.Check> bad = Verifier.verify(r, v, pool).stream()
                .filter(c -> !c.status().equals("ok")).toList();
        if (!bad.isEmpty()) {
            throw new ReleaseException(v.id() + " does not verify, so it cannot " + what + ": " + bad.stream()
                    .map(c -> c.role() + " " + c.path() + " " + c.status()
                            + (c.details().isEmpty() ? "" : " (" + String.join(", ", c.details()) + ")"))
                    .collect(Collectors.joining("; ")));
        }
    }

    private static Plan plan(Registry r, Version v, Stage to, List<String> replaced, Stage demoted, ObjectNode m,
                             List<GateResult> gates, Integer traffic, boolean kserve, Actor actor) throws IOException {
        Path root = ArtifactPaths.root(r);
        String before = Files.readString(r.file(), StandardCharsets.UTF_8);
        RegistryEditor editor = new RegistryEditor(before).set(v.id(), List.of(), "stage", to.key());
        for (String id : replaced) {
            editor.set(id, List.of(), "stage", demoted.key());
        }
        Registry after = RegistryLoader.parse(r.file(), editor.text());
        if (after.version(v.id()).orElseThrow().stage() != to) {
            throw new IllegalStateException("editing the registry did not move " + v.id() + " to " + to.key());
        }
        Path manifestPath = Manifests.path(root, v.model(), v.id(), to.key(), actor.at());
        String manifest = Manifests.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
        ObjectNode entry = Manifests.JSON.createObjectNode();
        entry.put("action", m.get("action").asText());
        entry.put("model", v.model());
        entry.put("version", v.id());
        entry.put("from_stage", m.get("from_stage").asText());
        entry.put("to_stage", to.key());
        entry.set("replaces", m.get("replaces"));
        entry.put("by", actor.by());
        entry.put("at", actor.at().toString());
        entry.put("reason", actor.reason());
        entry.put("forced", m.get("forced").asBoolean());
        entry.put("manifest", root.relativize(manifestPath).toString());
        entry.put("manifest_sha256", TreeHash.sha256(manifest.getBytes(StandardCharsets.UTF_8)));
        entry.put("registry_sha256", TreeHash.sha256(editor.text().getBytes(StandardCharsets.UTF_8)));
        ArrayNode ev = entry.putArray("evidence");
        m.get("evidence").forEach(ev::add);
        String[] history = History.load(root).append(entry);
        Map<Path, String> writes = new LinkedHashMap<>();
        writes.put(manifestPath, manifest);
        if (kserve) {
            String name = manifestPath.getFileName().toString().replace(".json", ".kserve.yaml");
            writes.put(manifestPath.resolveSibling(name), KServe.inferenceService(v, to.key(), traffic,
                    root.relativize(manifestPath).toString()));
        }
        writes.put(r.file(), editor.text());
        writes.put(History.fileOf(root), history[0]);
        writes.put(History.headOf(root), history[1]);
        return new Plan(m, manifestPath, gates, writes);
    }

    /** Writes a plan all-or-nothing. */
    public static void apply(Plan p, Path root) throws IOException {
        Transaction t = Transaction.in(root);
        p.writes().forEach(t::write);
        t.commit();
    }
}
