package dev.mlops.registry;

import java.util.List;

/**
 * A model and its versions.
 *
 * @param name     model name
 * @param pricing  its pricing, or null
 * @param slo      its SLOs (possibly none)
 * @param versions its versions in file order
 */
public record Model(String name, Pricing pricing, Slo slo, List<Version> versions) implements java.io.Serializable {
    public Model {
        versions = List.copyOf(versions);
    }
}
