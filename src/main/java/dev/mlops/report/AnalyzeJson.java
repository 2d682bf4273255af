package dev.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.analysis.AnalyzeReport;
import dev.mlops.analysis.GroupUsage;
import dev.mlops.analysis.SloCheck;
import dev.mlops.logs.BadLines;
import dev.mlops.logs.FileReport;
import dev.mlops.stats.Histogram;
import dev.mlops.stats.Summary;

/** The stable JSON form of an {@link AnalyzeReport} ({@value AnalyzeReport#SCHEMA}). */
public final class AnalyzeJson {
    private AnalyzeJson() {
    }

    public static String render(AnalyzeReport r, String toolVersion) {
        ObjectNode root = Json.object();
        root.put("schema", AnalyzeReport.SCHEMA);
        root.put("tool_version", toolVersion);
        ArrayNode by = root.putArray("group_by");
        r.groupBy().forEach(by::add);
        ArrayNode filters = root.putArray("filters");
        r.filters().forEach(filters::add);
        ArrayNode inputs = root.putArray("inputs");
        for (FileReport f : r.inputs()) {
            ObjectNode o = inputs.addObject();
            o.put("file", f.name());
            o.put("format", f.format());
            o.put("compression", f.compression());
            o.put("records", f.records());
            o.put("bad_records", f.bad());
            ArrayNode ex = o.putArray("bad_examples");
            for (BadLines.Example e : f.examples()) {
                ex.addObject().put("line", e.line()).put("message", e.message());
            }
        }
        ObjectNode recs = root.putObject("records");
        recs.put("read", r.read());
        recs.put("bad", r.bad());
        recs.put("matched", r.matched());
        root.put("exact_limit", r.exactLimit());
        root.set("overall", group(r.overall()));
        ArrayNode groups = root.putArray("groups");
        r.groups().forEach(g -> groups.add(group(g)));
        root.put("slo_missed", r.sloMissed());
        return Json.write(root);
    }

    static ObjectNode group(GroupUsage g) {
        ObjectNode o = Json.object();
        ObjectNode key = o.putObject("key");
        g.key().forEach(key::put);
        o.put("requests", g.requests());
        o.put("errors", g.errors());
        Json.put(o, "error_rate", g.errorRate());
        ObjectNode types = o.putObject("error_types");
        g.errorTypes().forEach(types::put);
        o.put("truncated", g.truncated());
        Json.put(o, "truncation_rate", g.truncationRate());
        o.set("latency_ms", summary(g.latencyMs()));
        o.set("ttft_ms", summary(g.ttftMs()));
        o.set("input_tokens", summary(g.inputTokens()));
        o.set("output_tokens", summary(g.outputTokens()));
        o.set("output_tokens_per_s", summary(g.outputTokensPerS()));
        ObjectNode cost = o.putObject("cost");
        Json.put(cost, "total_usd", g.cost().totalUsd());
        Json.put(cost, "per_request_usd", g.cost().perRequestUsd());
        cost.put("source", g.cost().source());
        cost.put("from_log", g.cost().fromLog());
        cost.put("from_registry", g.cost().fromRegistry());
        cost.put("unpriced", g.cost().unpriced());
        if (g.first() == null) {
            o.putNull("first");
            o.putNull("last");
        } else {
            o.put("first", g.first().toString());
            o.put("last", g.last().toString());
        }
        if (g.slo() == null) {
            o.putNull("slo");
        } else {
            ObjectNode slo = o.putObject("slo");
            slo.put("model", g.slo().model());
            slo.put("missed", g.slo().missed());
            ArrayNode checks = slo.putArray("checks");
            for (SloCheck c : g.slo().checks()) {
                ObjectNode co = checks.addObject();
                co.put("measure", c.measure());
                Json.put(co, "limit", c.limit());
                Json.put(co, "value", c.value());
                co.put("status", c.status());
            }
        }
        return o;
    }

    static ObjectNode summary(Summary s) {
        ObjectNode o = Json.object();
        o.put("count", s.count());
        Json.put(o, "mean", s.mean());
        Json.put(o, "min", s.min());
        Json.put(o, "p50", s.p50());
        Json.put(o, "p90", s.p90());
        Json.put(o, "p95", s.p95());
        Json.put(o, "p99", s.p99());
        Json.put(o, "max", s.max());
        o.put("method", s.method());
        o.put("relative_error", s.relativeError());
        ObjectNode h = o.putObject("histogram");
        h.put("buckets_per_decade", Histogram.PER_DECADE);
        h.put("zeros", s.histogram().zeros());
        ArrayNode b = h.putArray("buckets");
        for (Histogram.Bucket k : s.histogram().buckets()) {
            ObjectNode bo = b.addObject();
            bo.put("lower", k.lower());
            bo.put("upper", k.upper());
            bo.put("count", k.count());
        }
        return o;
    }
}
