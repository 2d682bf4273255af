package dev.mlops.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

/** Re-hashes the artifacts of versions and compares them with what the registry recorded. */
public final class Verifier {
    private Verifier() {
    }

    /**
     * One artifact's verification.
     *
     * @param version  version id
     * @param role     adapter, tokenizer, prompt_template or training_data
     * @param path     the path as the registry names it
     * @param status   ok, changed, missing, unexpected (new files in a directory) or unrecorded (never frozen)
     * @param expected the recorded hash, or null
     * @param actual   the hash now, or null
     * @param details  for a directory, the files that differ: "changed: x", "missing: y", "unexpected: z"
     */
    public record Check(String version, String role, String path, String status, String expected, String actual,
                        List<String> details) {
        public Check {
            details = List.copyOf(details);
        }

        public boolean mismatch() {
            return status.equals("changed") || status.equals("missing") || status.equals("unexpected");
        }
    }

    public static List<Check> verify(Registry r, Version v, ExecutorService pool) throws IOException {
        Path root = ArtifactPaths.root(r);
        List<Check> out = new ArrayList<>();
        for (Map.Entry<String, Artifact> a : v.artifacts().entrySet()) {
            String role = a.getKey();
            Artifact art = a.getValue();
            String where = v.id() + " " + role;
            Path p = ArtifactPaths.resolve(root, art.path(), where);
            if (!Files.exists(p)) {
                out.add(new Check(v.id(), role, art.path(), "missing", art.sha256(), null, List.of()));
                continue;
            }
            TreeHash.Hashed h = TreeHash.hash(root, p, where, pool);
            if (art.sha256() == null) {
                out.add(new Check(v.id(), role, art.path(), "unrecorded", null, h.sha256(), List.of()));
            } else if (art.sha256().equals(h.sha256())) {
                out.add(new Check(v.id(), role, art.path(), "ok", art.sha256(), h.sha256(), List.of()));
            } else {
                List<String> details = h.isDirectory() ? explain(Freezer.listingOf(root, v.id(), role), art.sha256(), h)
                        : List.of();
                String status = details.stream().anyMatch(d -> d.startsWith("changed")) || details.isEmpty() ? "changed"
                        : details.stream().anyMatch(d -> d.startsWith("missing")) ? "missing" : "unexpected";
                out.add(new Check(v.id(), role, art.path(), status, art.sha256(), h.sha256(), details));
            }
        }
        return out;
    }

    /** Compares a directory with the listing kept when it was frozen, if that listing is the recorded one. */
    private static List<String> explain(Path listingFile, String recorded, TreeHash.Hashed now) throws IOException {
        if (!Files.exists(listingFile)) {
            return List.of();
        }
        String listing = Files.readString(listingFile, StandardCharsets.UTF_8);
        if (!TreeHash.sha256(listing.getBytes(StandardCharsets.UTF_8)).equals(recorded)) {
            return List.of();
        }
        Map<String, String> before = new TreeMap<>();
        for (String line : listing.split("\n")) {
            if (line.length() > 66) {
                before.put(line.substring(66), line.substring(0, 64));
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String sha = now.files().get(e.getKey());
            if (sha == null) {
                out.add("missing: " + e.getKey());
            } else if (!sha.equals(e.getValue())) {
                out.add("changed: " + e.getKey());
            }
        }
        for (String f : now.files().keySet()) {
            if (!before.containsKey(f)) {
                out.add("unexpected: " + f);
            }
        }
        return out;
    }
}
