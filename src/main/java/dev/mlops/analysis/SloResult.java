package dev.mlops.analysis;

import java.util.List;

/**
 * A group's SLO evaluation.
 *
 * @param model  the registry model whose SLO applies
 * @param checks one check per SLO measure
 */
public record SloResult(String model, List<SloCheck> checks) {
    public SloResult {
        checks = List.copyOf(checks);
    }

    public boolean missed() {
        return checks.stream().anyMatch(SloCheck::missed);
    }
}
