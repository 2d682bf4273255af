package dev.mlops.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Field-by-field differences between two versions. */
public final class VersionDiff {
    private VersionDiff() {
    }

    /**
     * One field of both versions.
     *
     * @param field the field
     * @param a     its value in the first version ("-" when absent)
     * @param b     its value in the second
     */
    public record Row(String field, String a, String b) {
        public boolean differs() {
            return !a.equals(b);
        }
    }

    public static List<Row> diff(Registry r, Version a, Version b) {
        List<Row> rows = new ArrayList<>();
        add(rows, "model", a.model(), b.model());
        add(rows, "stage", a.stage().key(), b.stage().key());
        add(rows, "frozen", a.frozen(), b.frozen());
        add(rows, "base_model.name", a.baseModel(), b.baseModel());
        add(rows, "base_model.revision", a.baseRevision(), b.baseRevision());
        add(rows, "adapter.type", a.adapterType(), b.adapterType());
        add(rows, "adapter.rank", a.adapterRank() == 0 ? null : a.adapterRank(), b.adapterRank() == 0 ? null : b.adapterRank());
        add(rows, "adapter.alpha", a.adapterAlpha() == 0 ? null : dev.mlops.text.Numbers.plain(a.adapterAlpha()),
                b.adapterAlpha() == 0 ? null : dev.mlops.text.Numbers.plain(b.adapterAlpha()));
        add(rows, "adapter.bytes", size(r, a), size(r, b));
        Set<String> roles = new LinkedHashSet<>(a.artifacts().keySet());
        roles.addAll(b.artifacts().keySet());
        for (String role : roles) {
            Artifact x = a.artifacts().get(role);
            Artifact y = b.artifacts().get(role);
            add(rows, role + ".path", x == null ? null : x.path(), y == null ? null : y.path());
            add(rows, role + ".sha256", x == null ? null : x.sha256(), y == null ? null : y.sha256());
        }
        Set<String> keys = new LinkedHashSet<>(a.sampling().keySet());
        keys.addAll(b.sampling().keySet());
        for (String k : keys) {
            add(rows, "sampling." + k, a.sampling().get(k), b.sampling().get(k));
        }
        add(rows, "training_data.name", a.trainingData(), b.trainingData());
        add(rows, "training_data.sha256", a.trainingDataSha256(), b.trainingDataSha256());
        return rows;
    }

    private static void add(List<Row> rows, String field, Object a, Object b) {
        rows.add(new Row(field, a == null ? "-" : String.valueOf(a), b == null ? "-" : String.valueOf(b)));
    }

    /** The adapter's size on disk, or null when it has none or it is not there. */
    private static Long size(Registry r, Version v) {
        Artifact ad = v.artifacts().get("adapter");
        if (ad == null || ad.path() == null) {
            return null;
        }
        try {
            Path p = ArtifactPaths.resolve(ArtifactPaths.root(r), ad.path(), v.id() + " adapter");
            if (!Files.exists(p)) {
                return null;
            }
            if (!Files.isDirectory(p)) {
                return Files.size(p);
            }
            try (Stream<Path> s = Files.walk(p)) {
                long total = 0;
                for (Path f : (Iterable<Path>) s::iterator) {
                    if (Files.isRegularFile(f)) {
                        total += Files.size(f);
                    }
                }
                return total;
            }
        } catch (IOException | RegistryException e) {
            return null;
        }
    }
}
