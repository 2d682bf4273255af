package dev.mlops.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Langfuse's CSV exports from the UI, read as observations and mapped as {@link Langfuse} maps them:
 * <ul>
 *   <li>the batch export of observations (Langfuse v3): one column per key of the exported
 *       observation (id, traceId, type, startTime, endTime, completionStartTime, model, usageDetails,
 *       inputUsage, outputUsage, costDetails, totalCost, level, statusMessage, userId, traceTags, ...),
 *       objects and arrays as JSON text in their cells;</li>
 *   <li>the older generations export (Langfuse v2): a fixed header with no type column (every row is
 *       a generation), latency as "1.25s" and costs as "$0.00012".</li>
 * </ul>
 * Latency and time to first token come from the start, end and completion-start times, whose meaning
 * did not change between versions (the latency column did: seconds, then milliseconds).
 */
final class LangfuseCsv implements RecordSource {
    /** The format: a CSV whose header names traceId and startTime. */
    static final Format FORMAT = new Format() {
        @Override
        public String key() {
            return "langfuse-csv";
        }

        @Override
        public Framing framing() {
            return Framing.ENVELOPE;
        }

        @Override
        public int sniff(Head h) {
            String line = h.firstLine();
            return !h.json() && line.contains("traceId") && line.contains("startTime") ? 4 : 0;
        }

        @Override
        public RecordSource records(InputStream in) throws IOException {
            return new LangfuseCsv(in);
        }
    };

    private final CsvParser parser;
    private final BadLines bad = new BadLines();
    private List<String> header;
    private boolean typed;
    private boolean text = true;
    private long items;

    LangfuseCsv(InputStream in) throws IOException {
        parser = CsvLogReader.MAPPER.getFactory().createParser(in);
    }

    @Override
    public void text(boolean wanted) {
        text = wanted;
    }

    @Override
    public byte[] next() throws IOException {
        ObjectNode r = nextTree();
        return r == null ? null : r == SKIPPED_TREE ? SKIPPED : JsonEnvelope.Json.MAPPER.writeValueAsBytes(r);
    }

    @Override
    public ObjectNode nextTree() throws IOException {
        while (true) {
            List<String> cells;
            long line;
            try {
                if (header == null && !readHeader()) {
                    return null;
                }
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return null;
                }
                line = parser.currentLocation().getLineNr();
                cells = CsvLogReader.row(parser);
            } catch (JsonProcessingException e) {
                items++;
                bad.add(items, "malformed CSV, the rest of the file is not read: " + e.getOriginalMessage());
                return null;
            }
            if (cells == null) {
                return null;
            }
            if (cells.size() == 1 && cells.get(0).isEmpty()) {
                continue;
            }
            items++;
            if (cells.size() != header.size()) {
                bad.add(items, "has " + cells.size() + " columns, the header has " + header.size() + " (line " + line + ")");
                return SKIPPED_TREE;
            }
            ObjectNode o = observation(cells);
            if (typed && !"GENERATION".equalsIgnoreCase(o.path("type").asText())) {
                return SKIPPED_TREE;
            }
            ObjectNode r = JsonNodeFactory.instance.objectNode();
            try {
                if (!typed) {
                    firstTokenOfV2(o);
                }
                Langfuse.record(o, o, r, text, true);
            } catch (IllegalArgumentException e) {
                bad.add(items, e.getMessage() + " (line " + line + ")");
                return SKIPPED_TREE;
            }
            return r;
        }
    }

    private boolean readHeader() throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return false;
        }
        header = CsvLogReader.row(parser);
        typed = header != null && header.contains("type");
        return header != null;
    }

    /** A row as the observation it was written from: numbers, "$" amounts and JSON cells parsed back. */
    private ObjectNode observation(List<String> cells) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i).trim();
            if (!v.isEmpty()) {
                o.set(header.get(i), value(header.get(i), v));
            }
        }
        return o;
    }

    /**
     * The v2 generations export has no completionStartTime; its timeToFirstToken column is
     * startTime − completionStartTime in milliseconds (so negative), which gives the time back.
     */
    private static void firstTokenOfV2(ObjectNode o) {
        JsonNode ttft = o.remove("timeToFirstToken");
        JsonNode start = o.path("startTime");
        if (ttft != null && ttft.isNumber() && start.isTextual() && !o.has("completionStartTime")) {
            try {
                java.time.Instant t = java.time.Instant.parse(start.asText());
                o.put("completionStartTime", t.minusNanos(Math.round(ttft.doubleValue() * 1e6)).toString());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("startTime is not an ISO-8601 time: " + start.asText());
            }
        }
    }

    /** The columns read as numbers; others stay text (an id of digits is not a number). */
    private static final java.util.Set<String> NUMBERS = java.util.Set.of("latency", "timeToFirstToken", "totalCost",
            "calculatedTotalCost", "inputUsage", "outputUsage", "promptTokens", "completionTokens", "total_cost",
            "time_to_first_token", "input_usage", "output_usage", "prompt_tokens", "completion_tokens");

    private static JsonNode value(String column, String v) {
        if (NUMBERS.contains(column)) {
            String n = v.startsWith("$") ? v.substring(1).replace(",", "") : v;
            try {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(n));
            } catch (NumberFormatException e) {
                return JsonNodeFactory.instance.textNode(v);
            }
        }
        return Langfuse.parsed(JsonNodeFactory.instance.textNode(v));
    }

    @Override
    public String noun() {
        return "observation";
    }

    @Override
    public long items() {
        return items;
    }

    @Override
    public BadLines bad() {
        return bad;
    }

    @Override
    public String nothingUsable() {
        return String.format(java.util.Locale.ROOT, "%,d observation%s read, none is a GENERATION", items,
                items == 1 ? "" : "s");
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
