/**
 * Picking training examples: strata, allocation, bottom-k reservoirs, deduplication, DPO pairs,
 * redaction and the dataset writers. May depend on analysis, logs, stats and io.
 */
package dev.mlops.selection;
