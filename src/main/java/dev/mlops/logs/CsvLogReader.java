package dev.mlops.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a CSV log with a header row, streaming (jackson-dataformat-csv). Columns are matched
 * to the {@link Mapping} by their full name; columns that no rule names are not converted.
 */
final class CsvLogReader {
    static final CsvMapper MAPPER = new CsvMapper();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Mapping mapping;

    CsvLogReader(Mapping mapping) {
        this.mapping = mapping;
    }

    JsonLogReader.Outcome read(InputStream in, String file, Consumer<LogRecord> sink) throws IOException {
        JsonLogReader.Outcome outcome = new JsonLogReader.Outcome();
        RecordBuilder builder = new RecordBuilder();
        try (CsvParser p = MAPPER.getFactory().createParser(in)) {
            p.enable(CsvParser.Feature.TRIM_SPACES);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return outcome;
            }
            List<String> header = row(p);
            if (header == null) {
                return outcome;
            }
            Slot[][] columns = columns(header);
            boolean any = false;
            for (Slot[] c : columns) {
                any |= c.length > 0;
            }
            if (!any) {
                throw new InputException(file + ":1: no column is a known log field (columns: "
                        + String.join(", ", header) + "); map one with --map FIELD=COLUMN");
            }
            long line = 1;
            while (true) {
                List<String> values;
                long reading = line + 1;
                try {
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        break;
                    }
                    line = p.currentLocation().getLineNr();
                    reading = line;
                    values = row(p);
                } catch (java.io.CharConversionException e) {
                    throw new InputException(file + ":" + reading + ": is not valid UTF-8 text ("
                            + e.getMessage().lines().findFirst().orElse("") + ")");
                } catch (JsonProcessingException e) {
                    outcome.bad.add(e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                            "malformed CSV: " + e.getOriginalMessage());
                    break;
                }
                if (values.size() == 1 && values.get(0).isEmpty()) {
                    continue;
                }
                if (values.size() != header.size()) {
                    outcome.bad.add(line, "has " + values.size() + " columns, the header has " + header.size());
                    continue;
                }
                builder.reset();
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    if (v.isEmpty()) {
                        continue;
                    }
                    for (Slot s : columns[i]) {
                        builder.text(s, v);
                    }
                }
                if (builder.problem() != null) {
                    outcome.bad.add(line, builder.problem());
                } else {
                    outcome.records++;
                    LogRecord r = builder.build();
                    if (sink instanceof Selective) {
                        Selective s = (Selective) sink;
                        long hash = String.join("\u0001", values).hashCode() * 0x9E3779B97F4A7C15L
                                ^ (long) values.hashCode() << 17;
                        if (s.wants(r.withText(null, null), hash)) {
                            com.fasterxml.jackson.databind.node.ObjectNode raw = JSON.createObjectNode();
                            for (int i = 0; i < values.size(); i++) {
                                raw.put(header.get(i), values.get(i));
                            }
                            s.acceptWhole(r, hash, raw.toString());
                        }
                    } else {
                        sink.accept(r);
                    }
                }
            }
        }
        return outcome;
    }

    /** The next row's cells, or null at the end of the file. */
    static List<String> row(CsvParser p) throws IOException {
        List<String> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                return values.isEmpty() ? null : values;
            }
            values.add(p.getText());
        }
        return values;
    }

    private Slot[][] columns(List<String> header) {
        Slot[][] out = new Slot[header.size()][];
        var byPath = mapping.byPath();
        List<Rule> rules = mapping.rules();
        for (int i = 0; i < header.size(); i++) {
            List<Slot> slots = new ArrayList<>();
            List<Rule> exact = byPath.get(header.get(i));
            if (exact == null) {
                // column names match whatever their case: Model, model, MODEL
                exact = new ArrayList<>();
                for (var e : byPath.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(header.get(i))) {
                        exact.addAll(e.getValue());
                    }
                }
            }
            for (Rule r : exact) {
                slots.add(new Slot(r, rules.indexOf(r)));
            }
            out[i] = slots.toArray(new Slot[0]);
        }
        return out;
    }
}
