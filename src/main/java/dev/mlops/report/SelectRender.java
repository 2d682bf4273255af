package dev.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.selection.SelectReport;
import java.util.List;
import java.util.Locale;

/** Renders the coverage report of {@code mlops select}: a table, Markdown, or JSON ({@value SelectReport#SCHEMA}). */
public final class SelectRender {
    private SelectRender() {
    }

    public static String text(SelectReport r, boolean markdown) {
        TextTable t = new TextTable(String.format(Locale.ROOT, "picked %,d of %,d requested (%s allocation, seed %d)",
                r.picked(), r.requested(), r.allocate(), r.seed()),
                List.of("stratum", "source", "quota", "candidates", "picked"));
        for (SelectReport.Stratum s : r.strata()) {
            t.row(List.of(s.label(), Fmt.count(s.available()), Fmt.count(s.quota()), Fmt.count(s.candidates()),
                    Fmt.count(s.picked())));
        }
        TextTable tok = new TextTable("tokens (length measure)", List.of("", "n", "mean", "min", "p10", "p50", "p90",
                "p99", "max"));
        for (Object[] row : new Object[][] {{"source", r.source()}, {"selection", r.selection()}}) {
            SelectReport.Tokens k = (SelectReport.Tokens) row[1];
            tok.row(List.of((String) row[0], Fmt.count(k.count()), Fmt.num(k.mean()), Fmt.num(k.min()), Fmt.num(k.p10()),
                    Fmt.num(k.p50()), Fmt.num(k.p90()), Fmt.num(k.p99()), Fmt.num(k.max())));
        }
        StringBuilder sb = new StringBuilder();
        sb.append(markdown ? t.markdown() : t.text()).append('\n').append(markdown ? tok.markdown() : tok.text()).append('\n');
        r.js().forEach((f, d) -> sb.append(String.format(Locale.ROOT, "Jensen-Shannon distance, source vs selection, "
                + "%s: %.4f%n", f, d)));
        sb.append(String.format(Locale.ROOT, "duplicates left out: %,d%n", r.duplicates()));
        if (r.withoutText() > 0) {
            sb.append(String.format(Locale.ROOT, "left out without a prompt or a response: %,d%n", r.withoutText()));
        }
        if (r.eligiblePairs() >= 0) {
            sb.append(String.format(Locale.ROOT, "prompts rated both ways (eligible for a pair): %,d%n", r.eligiblePairs()));
        }
        r.redacted().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "redacted %s: %,d%n", k, v)));
        return sb.toString();
    }

    public static String json(SelectReport r, String toolVersion) {
        ObjectNode root = Json.object();
        root.put("schema", SelectReport.SCHEMA);
        root.put("tool_version", toolVersion);
        root.put("requested", r.requested());
        root.put("picked", r.picked());
        root.put("seed", r.seed());
        root.put("allocate", r.allocate());
        root.put("output_format", r.outputFormat());
        ArrayNode strata = root.putArray("strata");
        for (SelectReport.Stratum s : r.strata()) {
            ObjectNode o = strata.addObject();
            o.put("stratum", s.label());
            ObjectNode key = o.putObject("key");
            s.key().forEach(key::put);
            o.put("source", s.available());
            o.put("quota", s.quota());
            o.put("candidates", s.candidates());
            o.put("picked", s.picked());
            o.put("shortfall", Math.max(0, s.quota() - s.picked()));
        }
        tokens(root.putObject("source_tokens"), r.source());
        tokens(root.putObject("selection_tokens"), r.selection());
        ObjectNode js = root.putObject("js_distance");
        r.js().forEach((f, d) -> Json.put(js, f, d));
        root.put("duplicates_left_out", r.duplicates());
        root.put("without_text_left_out", r.withoutText());
        if (r.eligiblePairs() >= 0) {
            root.put("eligible_pairs", r.eligiblePairs());
        }
        ObjectNode red = root.putObject("redacted");
        r.redacted().forEach(red::put);
        return Json.write(root);
    }

    private static void tokens(ObjectNode o, SelectReport.Tokens t) {
        o.put("count", t.count());
        Json.put(o, "mean", t.mean());
        Json.put(o, "min", t.min());
        Json.put(o, "p10", t.p10());
        Json.put(o, "p50", t.p50());
        Json.put(o, "p90", t.p90());
        Json.put(o, "p99", t.p99());
        Json.put(o, "max", t.max());
    }
}
