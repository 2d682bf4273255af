/**
 * The model registry: immutable records, the line-aware YAML loader and its validation, names that may
 * become paths, the comment-keeping editor, artifact hashing, freeze, verify and diff. May depend on io only.
 */
package dev.mlops.registry;
