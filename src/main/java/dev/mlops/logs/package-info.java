/**
 * Reading what production exports into {@link dev.mlops.logs.LogRecord}s: formats, framing, field mapping,
 * compression, the byte-level JSON scanner and the local runner ({@link dev.mlops.logs.LogScan}) that folds
 * records into accumulators, part by part. May depend on io only.
 */
package dev.mlops.logs;
