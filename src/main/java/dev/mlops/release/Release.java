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
    public record Actor(String by, Instant at, String reason, String toolVersion, java.util.Optional<HistoryKey> key) {
    }

    /**
     * A promotion or rollback ready to write.
     *
     * @param manifest     the manifest
     * @param manifestPath where it goes
     * @param gates        gate results (empty for a rollback)
     * @param writes       every file the plan writes, with its new content
     * @param action       what it does, in words, for the journal
     */
    public record Plan(ObjectNode manifest, Path manifestPath, List<GateResult> gates, Map<Path, String> writes,
                       String action) {
        public boolean passed() {
            return gates.stream().allMatch(GateResult::passed);
        }
    }

    public static Plan promote(Registry r, Version v, Stage to, List<Evidence> evidence, boolean force, Integer traffic,
                               boolean kserve, History history, Actor actor, ExecutorService pool) throws IOException {
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
                actor.reason(), actor.by(), actor.at(), actor.toolVersion(), null);
        return plan(r, v, to, replaced, demoted, m, gates, kserve ? traffic : null, kserve, actor, history);
    }

    /**
     * Plans a rollback. The target comes from the verified {@code history}: by default the version
     * in production before the current one; with {@code toVersion}, only a version that was in
     * production before, unless {@code force} (the manifest then says so).
     */
    public static Plan rollback(Registry r, String model, String toVersion, boolean force, History history, Actor actor,
                                ExecutorService pool) throws IOException {
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
        String target = toVersion != null ? toVersion : previousProduction(history, model, now);
        Version t = r.version(target).orElseThrow(() -> new ReleaseException("no version '" + target + "' in the registry"));
        boolean forced = false;
        if (toVersion != null && !wasInProduction(history, model).contains(target)) {
            if (!force) {
                throw new ReleaseException(target + " was never in production according to the history, so rolling "
                        + "back to it would skip its promotion gates; promote it, or give --force --reason TEXT");
            }
            forced = true;
        }
        if (!t.model().equals(model)) {
            throw new ReleaseException(target + " is a version of " + t.model() + ", not of " + model);
        }
        if (target.equals(now)) {
            throw new ReleaseException(target + " is already in production");
        }
        requireClean(r, t, "be rolled back to", pool);
        List<String> replaced = current.stream().map(Version::id).toList();
        ObjectNode m = Manifests.manifest("rollback", t, t.stage().key(), Stage.PRODUCTION.key(),
                String.join(",", replaced), null, List.of(), forced, List.of(), actor.reason(), actor.by(), actor.at(),
                actor.toolVersion(), forced ? target + " was never in production according to the history" : null);
        return plan(r, t, Stage.PRODUCTION, replaced, Stage.RETIRED, m, List.of(), null, false, actor, history);
    }

    /** Every version of {@code model} that the history shows in production at some time. */
    static java.util.Set<String> wasInProduction(History h, String model) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (JsonNode e : h.entries()) {
            if (model.equals(e.path("model").asText()) && "production".equals(e.path("to_stage").asText())) {
                out.add(e.path("version").asText());
                if (e.path("replaces").isTextual()) {
                    out.addAll(List.of(e.path("replaces").asText().split(",")));
                }
            }
        }
        return out;
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
                             List<GateResult> gates, Integer traffic, boolean kserve, Actor actor, History history)
            throws IOException {
        Path root = ArtifactPaths.root(r);
        String before = RegistryLoader.read(r.file(), r.file().getFileName().toString());
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
        ArrayNode ev = entry.putArray("evidence");
        m.get("evidence").forEach(ev::add);
        Map<Path, String> writes = new LinkedHashMap<>();
        writes.put(manifestPath, manifest);
        if (kserve) {
            String name = manifestPath.getFileName().toString().replace(".json", ".kserve.yaml");
            writes.put(manifestPath.resolveSibling(name), KServe.inferenceService(v, to.key(), traffic,
                    root.relativize(manifestPath).toString()));
        }
        writes.putAll(recorded(r, root, editor.text(), entry, history, actor.key()));
        return new Plan(m, manifestPath, gates, writes, m.get("action").asText() + " " + v.id() + " to " + to.key());
    }

    /**
     * The registry, history and head writes of a change: the entry appended (its registry_sha256
     * is that of the new registry without its history record), and the registry's history
     * record set to the new count and head.
     */
    public static Map<Path, String> recorded(Registry r, Path root, String registryText, ObjectNode entry, History history,
                                             java.util.Optional<HistoryKey> key) throws IOException {
        entry.put("registry_sha256", TreeHash.sha256(RegistryEditor.withoutHistory(registryText)
                .getBytes(StandardCharsets.UTF_8)));
        History.Appended a = history.append(entry, key);
        String text = new RegistryEditor(registryText).setHistory(a.record()).text();
        RegistryLoader.parse(r.file(), text);
        Map<Path, String> writes = new LinkedHashMap<>();
        writes.put(r.file(), text);
        writes.put(History.fileOf(root), a.fileContent());
        writes.put(History.headOf(root), a.headContent());
        return writes;
    }

    /** Writes a plan all-or-nothing. */
    public static void apply(Plan p, Path root) throws IOException {
        Transaction t = Transaction.in(root, p.action());
        p.writes().forEach(t::write);
        t.commit();
    }
}
