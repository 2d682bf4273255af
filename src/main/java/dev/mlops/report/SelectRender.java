package dev.mlops.report;

import dev.mlops.schema.Documents;
import dev.mlops.schema.SelectDoc;
import dev.mlops.selection.SelectReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the coverage report of {@code mlops select}: a table, Markdown, or JSON ({@value SelectReport#SCHEMA}). */
public final class SelectRender {
    private SelectRender() {
    }

    public static String text(SelectReport r, boolean markdown) {
        TextTable t = strata(r);
        TextTable tok = tokens(r);
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

    /** Per stratum: the records the source has, the quota, the candidates and the records picked. */
    public static TextTable strata(SelectReport r) {
        TextTable t = new TextTable(String.format(Locale.ROOT, "picked %,d of %,d requested (%s allocation, seed %d)",
                r.picked(), r.requested(), r.allocate(), r.seed()),
                List.of("stratum", "source", "quota", "candidates", "picked"));
        for (SelectReport.Stratum s : r.strata()) {
            t.row(List.of(s.label(), Fmt.count(s.available()), Fmt.count(s.quota()), Fmt.count(s.candidates()),
                    Fmt.count(s.picked())));
        }
        return t;
    }

    /** The length measure's summary in the source and in the selection. */
    public static TextTable tokens(SelectReport r) {
        TextTable tok = new TextTable("tokens (length measure)", List.of("", "n", "mean", "min", "p10", "p50", "p90",
                "p99", "max"));
        for (Object[] row : new Object[][] {{"source", r.source()}, {"selection", r.selection()}}) {
            SelectReport.Tokens k = (SelectReport.Tokens) row[1];
            tok.row(List.of((String) row[0], Fmt.count(k.count()), Fmt.num(k.mean()), Fmt.num(k.min()), Fmt.num(k.p10()),
                    Fmt.num(k.p50()), Fmt.num(k.p90()), Fmt.num(k.p99()), Fmt.num(k.max())));
        }
        return tok;
    }

    public static String json(SelectReport r, String toolVersion) {
        var strata = r.strata().stream().map(s -> new SelectDoc.Stratum(s.label(), s.key(), s.available(), s.quota(),
                s.candidates(), s.picked(), Math.max(0, s.quota() - s.picked()))).toList();
        Map<String, Double> js = new LinkedHashMap<>();
        r.js().forEach((f, d) -> js.put(f, Documents.num(d)));
        return Documents.write(new SelectDoc(SelectDoc.SCHEMA, toolVersion, r.requested(), r.picked(), r.seed(),
                r.allocate(), r.outputFormat(), strata, tokens(r.source()), tokens(r.selection()), js, r.duplicates(),
                r.withoutText(), r.eligiblePairs() >= 0 ? Long.valueOf(r.eligiblePairs()) : null, r.redacted()));
    }

    private static SelectDoc.Tokens tokens(SelectReport.Tokens t) {
        return new SelectDoc.Tokens(t.count(), Documents.num(t.mean()), Documents.num(t.min()), Documents.num(t.p10()),
                Documents.num(t.p50()), Documents.num(t.p90()), Documents.num(t.p99()), Documents.num(t.max()));
    }
}
