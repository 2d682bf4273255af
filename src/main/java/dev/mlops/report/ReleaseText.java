package dev.mlops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.Verifier;
import dev.mlops.registry.VersionDiff;
import dev.mlops.release.GateResult;
import dev.mlops.release.Release;
import dev.mlops.schema.DiffDoc;
import dev.mlops.schema.Documents;
import dev.mlops.schema.VerifyDoc;
import java.util.ArrayList;
import java.util.List;

/** Renders verification, version diffs, promotion and rollback results, and the history. */
public final class ReleaseText {
    private ReleaseText() {
    }

    public static String verify(List<Verifier.Check> checks, OutputFormat f) {
        if (f == OutputFormat.JSON) {
            return Documents.write(new VerifyDoc(VerifyDoc.SCHEMA, checks.stream().noneMatch(Verifier.Check::mismatch),
                    checks.stream().map(c -> new VerifyDoc.Artifact(c.version(), c.role(), c.path(), c.status(),
                            c.expected(), c.actual(), c.details())).toList()));
        }
        TextTable t = TextTable.text(null, List.of("version", "artifact", "path", "status", "detail"));
        for (Verifier.Check c : checks) {
            t.row(List.of(c.version(), c.role(), c.path(), c.status(), String.join(", ", c.details())));
        }
        return tableAs(t, f);
    }

    public static String diff(String a, String b, List<VersionDiff.Row> rows, boolean all, OutputFormat f) {
        List<VersionDiff.Row> shown = all ? rows : rows.stream().filter(VersionDiff.Row::differs).toList();
        if (f == OutputFormat.JSON) {
            return Documents.write(new DiffDoc(DiffDoc.SCHEMA, a, b, shown.stream()
                    .map(r -> new DiffDoc.Field(r.field(), r.a(), r.b(), r.differs())).toList()));
        }
        TextTable t = TextTable.text(null, List.of("field", a, b));
        for (VersionDiff.Row r : shown) {
            boolean hash = f != OutputFormat.CSV && r.field().endsWith("sha256");
            t.row(List.of(r.field(), hash ? shortHash(r.a()) : r.a(), hash ? shortHash(r.b()) : r.b()));
        }
        if (f == OutputFormat.CSV) {
            return t.csv();
        }
        return shown.isEmpty() ? a + " and " + b + " do not differ\n" : tableAs(t, f);
    }

    /** A SHA-256 as people compare them at a glance: its first 16 digits (the JSON and CSV have all 64). */
    private static String shortHash(String h) {
        return h != null && h.matches("[0-9a-f]{64}") ? h.substring(0, 16) + "…" : h;
    }

    private static String tableAs(TextTable t, OutputFormat f) {
        return switch (f) {
            case CSV -> t.csv();
            case MARKDOWN -> t.markdown();
            case TABLE, JSON -> t.text();
        };
    }

    /** What became of a plan. */
    public enum Outcome { WRITTEN, DRY_RUN, BLOCKED }

    public static String plan(Release.Plan p, Outcome outcome, OutputFormat f, String manifestName) {
        boolean dryRun = outcome != Outcome.WRITTEN;
        if (f == OutputFormat.JSON) {
            ObjectNode root = p.manifest().deepCopy();
            root.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
            root.put("manifest_file", dryRun ? null : manifestName);
            return Json.write(root);
        }
        JsonNode m = p.manifest();
        if (f == OutputFormat.CSV) {
            TextTable t = TextTable.text(null, List.of("gate", "limit", "value", "passed", "detail"));
            for (GateResult g : p.gates()) {
                t.row(List.of(g.gate(), g.limit(), Fmt.plain(g.value()), Boolean.toString(g.passed()), g.detail()));
            }
            return t.csv();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(m.get("action").asText()).append(' ').append(m.get("version").asText()).append(": ")
                .append(m.get("from_stage").asText()).append(" -> ").append(m.get("to_stage").asText());
        if (m.hasNonNull("replaces")) {
            sb.append(" (replaces ").append(m.get("replaces").asText()).append(')');
        }
        if (m.hasNonNull("traffic_percent")) {
            sb.append(", ").append(m.get("traffic_percent").asInt()).append("% of traffic");
        }
        sb.append('\n');
        if (!p.gates().isEmpty()) {
            TextTable t = TextTable.text(null, List.of("gate", "limit", "value", "result", "detail"));
            for (GateResult g : p.gates()) {
                t.row(List.of(g.gate(), g.limit(), Fmt.num(g.value()), g.passed() ? "pass" : "FAIL", g.detail()));
            }
            sb.append('\n').append(t.text());
        }
        if (m.get("forced").asBoolean()) {
            sb.append("\nforced past failed gates: ").append(m.get("reason").asText()).append('\n');
        }
        sb.append(outcome == Outcome.WRITTEN ? "\nmanifest: " + manifestName + "\n"
                : outcome == Outcome.DRY_RUN ? "\ndry run: nothing was written\n"
                : "\ngates failed: nothing was written\n");
        return sb.toString();
    }

    public static String history(List<JsonNode> entries, OutputFormat f) {
        if (f == OutputFormat.JSON) {
            ObjectNode root = Json.object();
            root.put("schema", "mlops.history/v1");
            ArrayNode a = root.putArray("entries");
            entries.forEach(a::add);
            return Json.write(root);
        }
        TextTable t = TextTable.text(null, List.of("at", "action", "model", "version", "from", "to", "replaces", "by",
                "reason", "evidence"));
        if (f == OutputFormat.CSV) {
            TextTable c = TextTable.text(null, List.of("at", "action", "model", "version", "from_stage", "to_stage",
                    "replaces", "by", "reason", "forced", "evidence"));
            for (JsonNode e : entries) {
                List<String> ev = new ArrayList<>();
                e.path("evidence").forEach(x -> ev.add(x.path("file").asText()));
                c.row(List.of(e.path("at").asText(), e.path("action").asText(), e.path("model").asText(),
                        e.path("version").asText(), e.path("from_stage").asText(""), e.path("to_stage").asText(""),
                        e.path("replaces").isTextual() ? e.path("replaces").asText() : "", e.path("by").asText(),
                        e.path("reason").asText(""), Boolean.toString(e.path("forced").asBoolean()), String.join(" ", ev)));
            }
            return c.csv();
        }
        for (JsonNode e : entries) {
            List<String> ev = new ArrayList<>();
            e.path("evidence").forEach(x -> ev.add(x.path("file").asText()));
            t.row(List.of(e.path("at").asText(), e.path("action").asText() + (e.path("forced").asBoolean() ? " (forced)" : ""),
                    e.path("model").asText(),
                    e.path("version").asText(), e.path("from_stage").asText("-"), e.path("to_stage").asText("-"),
                    e.path("replaces").isTextual() ? e.path("replaces").asText() : "-", e.path("by").asText(),
                    e.path("reason").asText(""), String.join(" ", ev)));
        }
        return entries.isEmpty() ? "no history yet\n" : f == OutputFormat.MARKDOWN ? t.markdown() : t.text();
    }
}
