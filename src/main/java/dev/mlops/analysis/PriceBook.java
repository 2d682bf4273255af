package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import dev.mlops.registry.Model;
import dev.mlops.registry.Pricing;
import dev.mlops.registry.Registry;
import dev.mlops.registry.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Resolves a record to its registry model (through its version id, else its model name). Immutable. */
public final class PriceBook implements java.io.Serializable {
    private final Map<String, Model> byVersion = new HashMap<>();
    private final Map<String, Model> byModel = new HashMap<>();

    private PriceBook(Optional<Registry> registry) {
        registry.ifPresent(r -> {
            for (Model m : r.models().values()) {
                byModel.put(m.name(), m);
                for (Version v : m.versions()) {
                    byVersion.put(v.id(), m);
                }
            }
        });
    }

    public static PriceBook of(Optional<Registry> registry) {
        return new PriceBook(registry);
    }

    public Model model(LogRecord r) {
        Model m = r.version() == null ? null : byVersion.get(r.version());
        return m != null ? m : r.model() == null ? null : byModel.get(r.model());
    }

    /** The registry price of a request, or NaN. */
    public double cost(LogRecord r, Model m) {
        Pricing p = m == null ? null : m.pricing();
        return p == null ? Double.NaN : p.cost(r.inputTokens(), r.outputTokens(), r.cachedInputTokens());
    }
}
