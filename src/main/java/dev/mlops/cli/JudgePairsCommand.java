package dev.mlops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.logs.LogInput;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.ReadOptions;
import dev.mlops.logs.Runner;
import dev.mlops.preference.Pair;
import dev.mlops.preference.PairSampling;
import dev.mlops.preference.PairScan;
import dev.mlops.preference.PairTexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops judge pairs}: pairs for judging, from logs where both versions answered the same prompt. */
@Command(name = "pairs", sortOptions = false,
        description = {"Builds PAIRS.jsonl for mlops judge from production logs in which the same prompt was answered "
                + "by both versions (as an e-mail app shows several suggestions): prompts matched on their normalised "
                + "text (lower case, spaces collapsed) or on --match FIELD, -n of them sampled with select's length bins "
                + "(proportional, seeded), one answer of each version per prompt. Two passes over the logs: the first "
                + "keeps three numbers a prompt, the second reads only the picked answers' text."})
final class JudgePairsCommand extends PlainCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Inference logs with prompts and responses.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--a", required = true, paramLabel = "VERSION", description = "The first version (model_a).")
    String a;

    @Option(names = "--b", required = true, paramLabel = "VERSION", description = "The second version (model_b).")
    String b;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The pairs file to write.")
    Path out;

    @Option(names = "-n", paramLabel = "N", defaultValue = "100", description = "Pairs to sample (default: ${DEFAULT-VALUE}).")
    long n;

    @Option(names = "--match", paramLabel = "FIELD", description = "Match prompts on this field instead of their text.")
    String match;

    @Mixin
    SeedOption random;

    @Mixin
    InputOptions input;

    JudgePairsCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() {
        if (n < 1) {
            throw usage("-n must be at least 1");
        }
        if (a.equals(b)) {
            throw usage("--a and --b name the same version");
        }
        List<LogInput> inputs = input.files(spec, logs, env);
        List<String> fields = match == null ? List.of() : List.of(match);
        input.name(spec, "--match", fields);
        ReadOptions first = input.readOptions(env, fields, new PairScan(a, b, match, random.seed).reads());
        LogScan.Result<PairScan> scan = Runner.local().run(inputs, first, () -> new PairScan(a, b, match, random.seed),
                PairScan::merge);
        input.check(err(), scan, inputs);
        Map<Long, long[]> matched = scan.sink().matched();
        if (matched.isEmpty()) {
            throw new MlopsException(ExitCode.BAD_INPUT, "no prompt was answered by both " + a + " and " + b + " ("
                    + scan.sink().prompts() + " prompts read)" + (match == null ? "; match on a field with --match" : ""));
        }
        Map<Long, long[]> chosen = PairSampling.choose(matched, n, random.seed);
        ReadOptions second = input.readOptions(env, fields, new PairTexts(a, b, match, random.seed, chosen).reads());
        LogScan.Result<PairTexts> texts = Runner.local().run(inputs, second, () -> new PairTexts(a, b, match, random.seed, chosen),
                PairTexts::merge);
        StringBuilder sb = new StringBuilder();
        List<Pair> pairs = texts.sink().pairs();
        for (Pair p : pairs) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", p.id());
            o.put("prompt", p.prompt());
            o.put("model_a", p.modelA());
            o.put("response_a", p.responseA());
            o.put("model_b", p.modelB());
            o.put("response_b", p.responseB());
            if (p.segment() != null) {
                o.put("segment", p.segment());
            }
            sb.append(o).append('\n');
        }
        OutputOptions.emit(out, sb.toString(), out());
        err().printf("mlops: %d pairs of %d prompts that both %s and %s answered%n", pairs.size(),
                matched.size(), a, b);
        return ExitCode.OK.code();
    }
}
