package dev.mlops.report;

import dev.mlops.analysis.AnalyzeReport;
import dev.mlops.analysis.GroupUsage;
import dev.mlops.logs.FileReport;
import dev.mlops.schema.AnalyzeDoc;
import dev.mlops.schema.Documents;
import dev.mlops.schema.SummaryDoc;
import dev.mlops.stats.Histogram;
import dev.mlops.stats.Summary;

/** An {@link AnalyzeReport} as its JSON document ({@value AnalyzeDoc#SCHEMA}). */
public final class AnalyzeJson {
    private AnalyzeJson() {
    }

    public static String render(AnalyzeReport r, String toolVersion) {
        return Documents.write(doc(r, toolVersion));
    }

    static AnalyzeDoc doc(AnalyzeReport r, String toolVersion) {
        return new AnalyzeDoc(AnalyzeDoc.SCHEMA, toolVersion, r.groupBy(), r.filters(),
                r.inputs().stream().map(AnalyzeJson::input).toList(),
                new AnalyzeDoc.Records(r.read(), r.bad(), r.matched()), r.exactLimit(), group(r.overall()),
                r.groups().stream().map(AnalyzeJson::group).toList(), r.sloMissed());
    }

    private static AnalyzeDoc.Input input(FileReport f) {
        return new AnalyzeDoc.Input(f.name(), f.format(), f.compression(), f.records(), f.bad(),
                f.examples().stream().map(e -> new AnalyzeDoc.BadExample(e.line(), e.message())).toList(), f.skipped());
    }

    static AnalyzeDoc.Group group(GroupUsage g) {
        var c = g.cost();
        var cost = new AnalyzeDoc.GroupCost(Documents.num(c.totalUsd()), Documents.num(c.perRequestUsd()), c.source(),
                c.fromLog(), c.fromRegistry(), c.unpriced());
        var slo = g.slo() == null ? null : new AnalyzeDoc.Slo(g.slo().model(), g.slo().missed(), g.slo().checks()
                .stream().map(k -> new AnalyzeDoc.SloCheck(k.measure(), Documents.num(k.limit()),
                        Documents.num(k.value()), k.status())).toList());
        return new AnalyzeDoc.Group(g.key(), g.requests(), g.errors(), Documents.num(g.errorRate()), g.errorTypes(),
                g.truncated(), Documents.num(g.truncationRate()), summary(g.latencyMs()), summary(g.ttftMs()),
                summary(g.inputTokens()), summary(g.outputTokens()), summary(g.outputTokensPerS()), cost,
                g.first() == null ? null : g.first().toString(), g.last() == null ? null : g.last().toString(), slo);
    }

    static SummaryDoc summary(Summary s) {
        var buckets = s.histogram().buckets().stream()
                .map(k -> new SummaryDoc.Bucket(k.lower(), k.upper(), k.count())).toList();
        return new SummaryDoc(s.count(), Documents.num(s.mean()), Documents.num(s.min()), Documents.num(s.p50()),
                Documents.num(s.p90()), Documents.num(s.p95()), Documents.num(s.p99()), Documents.num(s.max()),
                s.method(), s.relativeError(),
                new SummaryDoc.HistogramDoc(Histogram.PER_DECADE, s.histogram().zeros(), buckets));
    }
}
