package dev.mlops.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.ArtifactPaths;
import dev.mlops.registry.Freezer;
import dev.mlops.registry.Registry;
import dev.mlops.registry.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What freezing a version writes, in one transaction: the hashes into the registry, the listing
 * of each directory artifact, and a history entry.
 *
 * @param frozen the hashes and the new registry text
 * @param writes every file, with its new content
 */
public record FreezePlan(Freezer.Frozen frozen, Map<Path, String> writes) {
    public static FreezePlan of(Registry r, Version v, History history, Release.Actor actor, ExecutorService pool)
            throws IOException {
        Path root = ArtifactPaths.root(r);
        Freezer.Frozen f = Freezer.freeze(r, v, pool);
        ObjectNode entry = new ObjectMapper().createObjectNode();
        entry.put("action", "freeze");
        entry.put("model", v.model());
        entry.put("version", v.id());
        entry.put("by", actor.by());
        entry.put("at", actor.at().toString());
        entry.put("reason", actor.reason());
        entry.put("forced", v.frozen());
        ObjectNode hashes = entry.putObject("artifacts");
        f.hashes().forEach((role, h) -> hashes.put(role, h.sha256()));
        Map<Path, String> writes = new LinkedHashMap<>(f.listings());
        writes.putAll(Release.recorded(r, root, f.registryText(), entry, history, actor.key()));
        return new FreezePlan(f, writes);
    }

    public void apply(Path root, String versionId) throws IOException {
        Transaction t = Transaction.in(root, "freeze " + versionId);
        writes.forEach(t::write);
        t.commit();
    }
}
