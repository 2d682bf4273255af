package dev.mlops.logs;

import java.util.List;

/**
 * What was read from one input.
 *
 * @param name        the file as given, or "-"
 * @param format      the format read: jsonl, json-array, csv, azure-trace or llmperf
 * @param compression none, gzip or zstd
 * @param records     records read successfully
 * @param bad         records that could not be read
 * @param examples    the first few bad records, with line numbers
 * @param informative whether any record held tokens, latency, status, cost, feedback or text
 */
public record FileReport(String name, String format, String compression, long records, long bad,
                         List<BadLines.Example> examples, boolean informative) {
    public FileReport {
        examples = List.copyOf(examples);
    }

    public FileReport(String name, String format, String compression, long records, long bad,
                      List<BadLines.Example> examples) {
        this(name, format, compression, records, bad, examples, true);
    }
}
