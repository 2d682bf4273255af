package dev.mlops.selection;

import dev.mlops.logs.LogRecord;

/**
 * A record kept in a stratum's reservoir, with its text.
 *
 * @param key     its sampling key: smaller is picked first
 * @param stratum its stratum
 * @param record  the record, with prompt and response
 * @param raw     its raw source
 */
public record Candidate(double key, long hash, String stratum, LogRecord record, String raw) implements java.io.Serializable {
}
