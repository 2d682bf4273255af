/**
 * Accumulators (accept, merge, result) and the immutable reports they make: usage, drift, collapse, health.
 * May depend on logs, stats, registry and io; never on the command line or on renderers.
 */
package dev.mlops.analysis;
