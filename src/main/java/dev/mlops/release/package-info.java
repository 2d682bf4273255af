/**
 * Release state: gates and evidence, manifests, the hash-chained history, the journal and the
 * all-or-nothing transaction, KServe. May depend on registry and io.
 */
package dev.mlops.release;
