package dev.mlops.registry;

/**
 * A file or directory a version is made of, relative to the registry file.
 *
 * @param path   relative path
 * @param sha256 the recorded hash, or null if the version was never frozen
 */
public record Artifact(String path, String sha256) implements java.io.Serializable {
}
