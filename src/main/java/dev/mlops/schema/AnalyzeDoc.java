package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/** The JSON of {@code mlops analyze} (schema {@value #SCHEMA}). */
public record AnalyzeDoc(
        @JsonPropertyDescription("\"" + AnalyzeDoc.SCHEMA + "\"") String schema,
        @JsonPropertyDescription("the mlops version") String toolVersion,
        @JsonPropertyDescription("the --by fields") List<String> groupBy,
        @JsonPropertyDescription("the --where expressions and time range") List<String> filters,
        List<Input> inputs,
        Records records,
        @JsonPropertyDescription("values per group kept for exact percentiles") int exactLimit,
        @JsonPropertyDescription("all matched records; its key is empty") Group overall,
        List<Group> groups,
        @JsonPropertyDescription("true when any group missed an SLO") boolean sloMissed) {
    public static final String SCHEMA = "mlops.analyze/v1";

    /** What was read from one input. */
    public record Input(
            String file,
            @JsonPropertyDescription("jsonl, json-array, csv, azure-trace, llmperf, ...") String format,
            @JsonPropertyDescription("none, gzip, zstd") String compression,
            long records,
            long badRecords,
            List<BadExample> badExamples,
            @JsonPropertyDescription("items of an export that are not requests, e.g. OTLP spans without gen_ai "
                    + "attributes") long skipped) {
    }

    /** One bad record. */
    public record BadExample(@JsonPropertyDescription("its line, or its item in an export (span N)") long line,
                             String message) {
    }

    /** Record counts over all inputs. */
    public record Records(long read, long bad, long matched) {
    }

    /** Usage of one group. Distributions are over successful requests. */
    @JsonClassDescription("usage of one group; overall has an empty key")
    public record Group(
            @JsonPropertyDescription("field to value") Map<String, String> key,
            long requests,
            long errors,
            Double errorRate,
            @JsonPropertyDescription("type to count") Map<String, Long> errorTypes,
            @JsonPropertyDescription("requests with finish_reason length") long truncated,
            @JsonPropertyDescription("null when no record has a finish_reason") Double truncationRate,
            SummaryDoc latencyMs,
            SummaryDoc ttftMs,
            SummaryDoc inputTokens,
            SummaryDoc outputTokens,
            SummaryDoc outputTokensPerS,
            GroupCost cost,
            @JsonPropertyDescription("ISO-8601 or null") String first,
            @JsonPropertyDescription("ISO-8601 or null") String last,
            @JsonPropertyDescription("null when no single registry model applies") Slo slo) {
    }

    /** Cost of a group. */
    public record GroupCost(
            Double totalUsd,
            @JsonPropertyDescription("null when nothing is priced") Double perRequestUsd,
            @JsonPropertyDescription("log, registry, mixed, none") String source,
            long fromLog,
            long fromRegistry,
            long unpriced) {
    }

    /** The SLO evaluation of a group. */
    public record Slo(String model, boolean missed, List<SloCheck> checks) {
    }

    /** One SLO check. */
    public record SloCheck(String measure, Double limit, Double value,
                           @JsonPropertyDescription("met, missed or no_data") String status) {
    }
}
