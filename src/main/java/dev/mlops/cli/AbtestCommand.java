package dev.mlops.cli;

import dev.mlops.analysis.PriceBook;
import dev.mlops.analysis.Query;
import dev.mlops.experiment.AbAnalysis;
import dev.mlops.experiment.AbReport;
import dev.mlops.experiment.AbScan;
import dev.mlops.experiment.AbSettings;
import dev.mlops.experiment.Metric;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.ReadOptions;
import dev.mlops.report.AbtestRender;
import dev.mlops.report.Renderer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops abtest}: which arm of an experiment is better, on which metric, for which segment, and can the split be trusted. */
@Command(name = "abtest", sortOptions = false, subcommands = {AbtestPlanCommand.class, AbtestAssignCommand.class},
        description = {"Which arm of an A/B test is better? Requests are rolled up to the randomisation unit (a user), "
                + "metrics computed per unit and compared across units: the two-proportion z-test, Welch's t, or the "
                + "delta method for per-request ratios, with relative lift and its interval, Benjamini-Hochberg or Holm "
                + "over the family, CUPED with --pre, confidence sequences with --sequential, and segments. The trust "
                + "checks come first: sample-ratio mismatch and units seen in several arms."})
final class AbtestCommand extends ReportCommand<AbReport> {
    @Parameters(arity = "0..*", paramLabel = "LOG", description = "Inference logs of the experiment.")
    List<String> logs = new ArrayList<>();

    @Mixin
    AbtestOptions ab;

    @Mixin
    RegistryOption registry;

    private AbSettings settings;
    private AbAnalysis.Options options;

    AbtestCommand(Env env) {
        super(env);
    }

    @Override
    protected Query validate() {
        if (logs.isEmpty()) {
            throw usage("give the experiment's LOG... (or use mlops abtest plan / assign)");
        }
        if (queryOptions.by != null) {
            throw usage("abtest cuts segments with --segment-by FIELD; --by is not used");
        }
        Query q = queryOptions.query(List.of(), null, null);
        List<Metric> metrics = ab.metrics(spec);
        options = ab.options(spec);
        settings = new AbSettings(ab.arm, ab.unit, ab.segmentBy, metrics, q.filter(), PriceBook.of(registry.load(env)));
        return q;
    }

    @Override
    protected AbReport run(Query q) {
        List<String> fields = new ArrayList<>(ab.fields());
        fields.addAll(q.fields());
        input.name(spec, "--arm", ab.arm == null ? List.of() : List.of(ab.arm)).name(spec, "--unit", List.of(ab.unit))
                .name(spec, "--segment-by", ab.segmentBy == null ? List.of() : List.of(ab.segmentBy))
                .name(spec, "--where", q.filter().fields()).namedFieldsSuffice();
        ReadOptions read = input.readOptions(env, fields, new AbScan(settings, true).reads());
        var inputs = input.inputs(logs, env);
        LogScan.Result<AbScan> post = runner().run(inputs, read, () -> new AbScan(settings, true), AbScan::merge);
        input.check(err(), post, inputs);
        AbScan pre = null;
        if (!ab.pre.isEmpty()) {
            var preInputs = input.inputs(ab.pre, env);
            LogScan.Result<AbScan> p = runner().run(preInputs, read, () -> new AbScan(settings, false), AbScan::merge);
            input.check(err(), p, preInputs);
            pre = p.sink();
        }
        return AbAnalysis.analyze(post.sink(), pre, options);
    }

    @Override
    protected Renderers<AbReport> renderers() {
        return new Renderers<>(AbtestRender.renderer(VersionProvider.version()), r -> dev.mlops.report.html.AbtestHtml.render(r, VersionProvider.version()));
    }

    @Override
    protected ExitCode verdict(AbReport r) {
        boolean failed = false;
        if (ab.failOnSrm && r.trust().srm().flagged()) {
            err().println("mlops: sample-ratio mismatch (--fail-on-srm)");
            failed = true;
        }
        for (String m : ab.failOnLoss) {
            String name = Metric.parse(m, ab.lowerIsBetter()).name();
            if (r.loses(name)) {
                err().println("mlops: an arm is significantly worse than " + r.control() + " on " + name + " (--fail-on-loss)");
                failed = true;
            }
        }
        return failed ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }
}
