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
 * @param skipped     items of an envelope format that are not requests (an OTLP span without gen_ai attributes)
 * @param unit        what an example's number counts: "line", or an envelope's item ("span", "observation")
 */
public record FileReport(String name, String format, String compression, long records, long bad,
                         List<BadLines.Example> examples, boolean informative, long skipped, String unit) {
    public FileReport {
        examples = List.copyOf(examples);
    }

    public FileReport(String name, String format, String compression, long records, long bad,
                      List<BadLines.Example> examples, boolean informative) {
        this(name, format, compression, records, bad, examples, informative, 0, "line");
    }

    /** Where an example is: "12" for a line, "span 12" for an envelope's item. */
    public String where(BadLines.Example e) {
        return unit.equals("line") ? Long.toString(e.line()) : unit + " " + e.line();
    }

    public FileReport(String name, String format, String compression, long records, long bad,
                      List<BadLines.Example> examples) {
        this(name, format, compression, records, bad, examples, true);
    }
}
