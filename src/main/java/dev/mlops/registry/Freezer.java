package dev.mlops.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Computes what freezing a version writes: the SHA-256 of every artifact it names, set into the
 * registry text (comments and key order kept) with {@code frozen: true}, and for each directory
 * the listing its hash is computed from. Pure: the caller writes the result, atomically.
 */
public final class Freezer {
    private Freezer() {
    }

    /**
     * The outcome: the new registry text, the hashes by role, and listing files to write.
     *
     * @param registryText the registry with the hashes recorded
     * @param hashes       role to its hash
     * @param listings     path of a directory listing to its content
     */
    public record Frozen(String registryText, Map<String, TreeHash.Hashed> hashes, Map<Path, String> listings) {
    }

    /** Where the listing of a frozen directory artifact is kept. */
    public static Path listingOf(Path root, String version, String role) {
        return ArtifactPaths.built(root, root.resolve(".mlops").resolve("frozen").resolve(version).resolve(role + ".sha256"));
    }

    public static Frozen freeze(Registry r, Version v, ExecutorService pool) throws IOException {
        Path root = ArtifactPaths.root(r);
        if (v.artifacts().isEmpty()) {
            throw new RegistryException(r.file().getFileName() + ": version " + v.id()
                    + " names no artifact to freeze (adapter, tokenizer, prompt_template, training_data paths)");
        }
        Map<String, TreeHash.Hashed> hashes = new LinkedHashMap<>();
        Map<Path, String> listings = new LinkedHashMap<>();
        RegistryEditor editor = new RegistryEditor(Files.readString(r.file(), StandardCharsets.UTF_8));
        for (Map.Entry<String, Artifact> a : v.artifacts().entrySet()) {
            String where = v.id() + " " + a.getKey();
            Path p = ArtifactPaths.resolve(root, a.getValue().path(), where);
            if (!Files.exists(p)) {
                throw new RegistryException(where + ": " + a.getValue().path() + " does not exist, so it cannot be frozen");
            }
            TreeHash.Hashed h = TreeHash.hash(root, p, where, pool);
            hashes.put(a.getKey(), h);
            if (h.isDirectory()) {
                listings.put(listingOf(root, v.id(), a.getKey()), h.listing());
            }
            editor.set(v.id(), List.of(a.getKey()), "sha256", RegistryEditor.quote(h.sha256()));
        }
        editor.set(v.id(), List.of(), "frozen", "true");
        Registry check = RegistryLoader.parse(r.file(), YamlNode.parse(r.file().toString(),
                new java.io.StringReader(editor.text())));
        Version after = check.version(v.id()).orElseThrow();
        if (!after.frozen() || !hashes.keySet().stream().allMatch(k -> hashes.get(k).sha256()
                .equals(after.artifacts().get(k).sha256()))) {
            throw new IllegalStateException("editing the registry did not record the hashes of " + v.id());
        }
        return new Frozen(editor.text(), hashes, listings);
    }
}
