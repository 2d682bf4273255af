package dev.mlops.cli;

import dev.mlops.analysis.RecordFilter;
import dev.mlops.logs.LogInput;
import dev.mlops.logs.ReadOptions;
import dev.mlops.logs.Runner;
import dev.mlops.report.SelectRender;
import dev.mlops.report.html.SelectHtml;
import dev.mlops.selection.Coverage;
import dev.mlops.selection.DatasetWriter;
import dev.mlops.selection.Eligibility;
import dev.mlops.selection.Redactor;
import dev.mlops.selection.Reservoirs;
import dev.mlops.selection.SelectReport;
import dev.mlops.selection.SelectionRun;
import dev.mlops.selection.Strata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mlops select}: a reproducible, deduplicated, deliberately composed set of training examples. */
@Command(name = "select", sortOptions = false,
        description = {"Pick training examples that represent real usage, tails included: strata of token-length "
                + "bins (cut at the source's own quantiles) crossed with --by fields, a chosen allocation across "
                + "them, seeded bottom-k (or weighted) sampling within each, one record per duplicate cluster "
                + "(exact and MinHash near-duplicates), optional redaction, and a coverage report.",
                "",
                "Two passes over the input: the first counts lengths, the second samples, decoding the text only of "
                        + "records that can still be picked. The same input and --seed give the same bytes, whatever "
                        + "the threads or the order of the input files."})
final class SelectCommand extends PlainCommand {
    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Logs with prompts and responses.")
    List<String> logs;

    @Option(names = "-n", required = true, paramLabel = "N", description = "How many examples to pick.")
    long n;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the examples here (default: stdout).")
    Path out;

    @Option(names = "--output-format", paramLabel = "FORMAT", defaultValue = "chat",
            completionCandidates = Candidates.DatasetFormats.class,
            description = "chat (OpenAI fine-tuning messages), record (the original records) or dpo (prompt, chosen, "
                    + "rejected) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--preferences", paramLabel = "FILE", description = "For dpo: JSONL of {prompt, chosen, rejected} "
            + "that gives pairs for picked prompts the logs hold no rated pair for.")
    Path preferences;

    @Option(names = "--by", split = ",", paramLabel = "FIELD", description = "Stratify also by these fields.")
    List<String> by = new ArrayList<>();

    @Mixin
    EligibilityOptions eligibility;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the coverage report to FILE: JSON "
            + "(mlops.select/v1) when it ends in .json, else Markdown (default: a table on stderr).")
    Path report;

    @Mixin
    HtmlOption html;

    @Mixin
    SelectOptions pick;

    @Mixin
    InputOptions input;

    SelectCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        validate();
        Redactor redactor = pick.redactor(spec);
        RecordFilter filter = eligibility.filter(spec);
        Eligibility eligible = eligibility.eligibility(filter, false);
        double[] quantiles = pick.quantiles();
        List<String> fields = pick.named(by, filter.fields(), eligibility.feedbackField);
        List<LogInput> inputs = input.files(spec, logs, env);
        input.name(spec, "--by", by).name(spec, "--where", filter.fields())
                .name(spec, "--weight", pick.weight == null ? List.of() : List.of(pick.weight)).groupBy(by);
        ReadOptions lean = input.readOptions(env, fields, SelectionRun.reads(eligible, pick.lengthField, by, quantiles));
        SelectionRun.Lengths first = SelectionRun.lengths(Runner.local(), inputs, lean, eligible, pick.lengthField, by,
                quantiles);
        input.check(err(), first.scan(), inputs);
        if (first.strata() == null) {
            throw new MlopsException(ExitCode.BAD_INPUT, "no record can be picked: none has token counts and passes "
                    + "the filters");
        }
        Strata strata = first.strata();
        Map<String, Long> available = first.available();
        Map<String, Long> quotas = pick.quotas(spec, env, n, strata, available);
        ReadOptions full = input.readOptions(env, fields, new Reservoirs(strata, eligible, Map.of(), pick.random.seed, pick.weight).reads());
        SelectionRun.Outcome run;
        if (format.equals("dpo")) {
            Map<Long, String[]> file = preferences == null ? Map.of()
                    : DatasetWriter.preferences(preferences, env.display(preferences));
            run = SelectionRun.dpo(Runner.local(), inputs, full, strata, eligibility.eligibility(filter, true),
                    eligibility.feedbackField, file, n, pick.random.seed, redactor);
        } else {
            run = SelectionRun.sample(Runner.local(), inputs, full, strata, eligible, quotas, n, pick.random.seed, pick.weight, pick.dedupOn,
                    pick.nearDup, format, redactor);
        }
        DatasetWriter.Written written = run.written();
        OutputOptions.emit(out, written.content(), out());
        SelectReport r = Coverage.report(n, pick.random.seed, pick.allocate, format, written.lines(), strata, available, quotas,
                run.reservoirs(), run.picked(), first.lengths(), redactor, run.eligiblePairs());
        if (report == null) {
            err().print(SelectRender.text(r, false));
        } else {
            OutputOptions.emit(report, report.toString().endsWith(".json")
                    ? SelectRender.json(r, VersionProvider.version()) : SelectRender.text(r, true),
                    out());
        }
        html.write(s -> SelectHtml.render(s, VersionProvider.version()), r, out());
        if (written.lines() < n) {
            err().printf("mlops: picked %,d of the %,d requested: the source has too few "
                    + "eligible, distinct records%n", written.lines(), n);
        }
        return ExitCode.OK.code();
    }

    private void validate() {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "-n must be at least 1");
        }
        if (html.toStdout() && (out == null || OutputOptions.dash(out))) {
            throw usage("--html -: standard output carries the examples; give -o FILE for them");
        }
        if (!DatasetWriter.FORMATS.contains(format)) {
            throw new ParameterException(spec.commandLine(), "--output-format " + format + ": expected chat, record or dpo");
        }
        eligibility.validate(spec);
        pick.validate(spec);
    }
}
