package dev.mlops.cli;

import dev.mlops.analysis.Query;
import dev.mlops.report.OutputFormat;
import dev.mlops.report.Renderer;
import dev.mlops.report.html.HtmlRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The skeleton of every command that reads logs and prints a report: {@link #call()} is final and
 * runs validate → run → render (and --html) → verdict → exit code, so that every report command parses,
 * refuses and answers the same way (PMD's AbstractPmdSubcommand is the model).
 *
 * @param <R> the report
 */
abstract class ReportCommand<R> implements Callable<Integer> {
    protected final Env env;

    @Spec
    CommandSpec spec;

    @Mixin
    QueryOptions queryOptions;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Mixin
    HtmlOption htmlOption;

    @Mixin
    CommonOptions common;

    ReportCommand(Env env) {
        this.env = env;
    }

    @Override
    public final Integer call() throws IOException {
        Query query = validate();
        Renderers<R> renderers = renderers();
        Renderer<R> renderer = renderers.text();
        if (!renderer.formats().contains(output.format)) {
            throw new ParameterException(spec.commandLine(), "--format " + output.format.key() + ": " + spec.name()
                    + " writes " + renderer.formats().stream().map(OutputFormat::key).collect(Collectors.joining(", ")));
        }
        output.colour(env);
        R report = run(query);
        if (!htmlOption.toStdout() || output.output != null) {
            output.emit(() -> renderer.render(report, output.format), output.format, env, spec.commandLine().getOut());
        }
        htmlOption.write(renderers.html(), report, spec.commandLine().getOut());
        return verdict(report).code();
    }

    /** Checks the options (usage errors are exit 2) and returns the query. */
    protected abstract Query validate();

    /** Reads the logs and makes the report. */
    protected abstract R run(Query query) throws IOException;

    /** How the report is written: the text formats of --format, and the page of --html. */
    protected record Renderers<R>(Renderer<R> text, HtmlRenderer<R> html) {
    }

    protected abstract Renderers<R> renderers();

    /** The exit code of a report: a check that was asked for and failed is 1. */
    protected ExitCode verdict(R report) {
        return ExitCode.OK;
    }

    /** The engine that runs the accumulators: this machine's threads. */
    protected dev.mlops.logs.Runner runner() {
        return dev.mlops.logs.Runner.local();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
