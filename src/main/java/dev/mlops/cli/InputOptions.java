package dev.mlops.cli;

import dev.mlops.io.BoundedFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mlops.logs.Field;
import dev.mlops.logs.Format;
import dev.mlops.logs.Formats;
import dev.mlops.logs.LogInput;
import dev.mlops.logs.LogScan;
import dev.mlops.logs.Mapping;
import dev.mlops.logs.ReadChecks;
import dev.mlops.logs.ReadOptions;
import dev.mlops.logs.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How logs are read: the options every command that reads logs shares. */
final class InputOptions {
    @Option(names = "--input-format", paramLabel = "NAME", defaultValue = "auto",
            completionCandidates = Candidates.InputFormats.class,
            description = "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). "
                    + "auto recognises each file by its first bytes.")
    String inputFormat;

    @Option(names = "--map", paramLabel = "FIELD=PATH[:UNIT]",
            description = "Read FIELD from the source field PATH (dotted for nested JSON, or a CSV column), "
                    + "e.g. output_tokens=usage.completion_tokens or latency_ms=duration:s. Repeatable.")
    List<String> maps = new ArrayList<>();

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "A YAML file of FIELD: PATH[:UNIT] lines (under 'fields:' or at the top level).")
    Path mappingFile;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Show how far reading has come on stderr: auto (when stderr is a terminal and CI is not set), "
                    + "always or never (default: ${DEFAULT-VALUE}).")
    String progress;

    @Mixin
    BadLinesOption badLines;

    @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "67108864",
            description = "Longest record kept in memory; a longer one is counted bad (default: 64 MiB).")
    int maxLineBytes;

    @Option(names = "--threads", paramLabel = "N",
            description = "Reader threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--join-input", paramLabel = "FILE", description = "A batch's input file (OpenAI Batch JSONL), "
            + "joined to the records by custom_id: its last user message is the prompt, and body.metadata.KEY is "
            + "groupable as metadata.KEY.")
    Path joinInput;

    private dev.mlops.logs.Join join;

    @Option(names = "--max-groups", paramLabel = "N", defaultValue = "1000",
            description = "Exit 3 when the --by fields make more groups than this (default: ${DEFAULT-VALUE}).")
    int maxGroups;

    private final List<ReadChecks.Named> named = new ArrayList<>();
    private List<String> groupBy = List.of();

    /**
     * Fields the command refers to through {@code option}, checked while reading: one that no
     * record has is named on stderr. Only fields the user gave are checked.
     */
    InputOptions name(CommandSpec spec, String option, java.util.Collection<String> fields) {
        for (String f : fields) {
            if (f == null || f.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + ": a field name is empty");
            }
        }
        if (spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            for (String f : fields) {
                named.add(new ReadChecks.Named(f, option));
            }
        }
        return this;
    }

    /** The fields records are grouped by, bounded by --max-groups. */
    InputOptions groupBy(List<String> by) {
        groupBy = List.copyOf(by);
        return this;
    }

    private boolean namedFieldsSuffice;

    /** Whether reading shows its progress: --progress, else a terminal's stderr outside CI. */
    boolean showProgress(Env env) {
        return switch (progress.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> env.terminal().stderr() && !env.vars().containsKey("CI");
            default -> throw new MlopsException(ExitCode.USAGE, "--progress " + progress + ": expected auto, always or never");
        };
    }

    /**
     * For a command whose records are useful with only the fields it names (an A/B test's unit, arm
     * and a column metric): a file whose records hold none of the usual log fields is not an error.
     */
    InputOptions namedFieldsSuffice() {
        namedFieldsSuffice = true;
        return this;
    }

    /** Resolves LOG arguments that must be regular files, for a command that reads its input twice. */
    List<LogInput> files(CommandSpec spec, List<String> logs, Env env) {
        List<LogInput> inputs = inputs(logs, env);
        if (inputs.stream().anyMatch(i -> i.path() == null || !Files.isRegularFile(i.path()))) {
            throw new ParameterException(spec.commandLine(), spec.name() + " reads its input twice: standard input (-), "
                    + "a FIFO or a process substitution cannot be used; write it to a file first");
        }
        return inputs;
    }

    /** Resolves LOG arguments; "-" is standard input (at most once). */
    List<LogInput> inputs(List<String> logs, Env env) {
        List<LogInput> out = new ArrayList<>();
        boolean stdin = false;
        for (String l : logs) {
            if (l.equals("-")) {
                if (stdin) {
                    throw new MlopsException(ExitCode.USAGE, "standard input (-) can be given only once");
                }
                stdin = true;
                out.add(LogInput.stdin(env.stdin()));
            } else {
                out.add(new LogInput(l, env.path(l), null));
            }
        }
        return out;
    }

    /**
     * @param attributes fields a command groups or filters by
     * @param unused     fields the command never reads, so they are skipped undecoded
     */
    /** How to read for an accumulator: only the fields it {@link dev.mlops.analysis.Accumulator#reads() reads}, and those named. */
    ReadOptions readOptions(Env env, List<String> named, java.util.Set<Field> reads) {
        java.util.Set<Field> needed = Field.withSources(reads);
        List<Field> unused = new ArrayList<>();
        for (Field f : Field.values()) {
            if (!needed.contains(f)) {
                unused.add(f);
            }
        }
        return readOptions(env, named, Mapping.unreferenced(named, unused.toArray(new Field[0])));
    }

    ReadOptions readOptions(Env env, List<String> attributes, Field... unused) {
        Format f;
        try {
            f = Formats.byName(inputFormat);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.USAGE, "--input-format: " + e.getMessage());
        }
        List<Rule> user = new ArrayList<>();
        if (mappingFile != null) {
            user.addAll(loadMapping(mappingFile, env.display(mappingFile)));
        }
        List<ReadChecks.Named> checked = new ArrayList<>(named);
        for (String m : maps) {
            try {
                Rule rule = Mapping.parseRule(m);
                user.add(rule);
                checked.add(new ReadChecks.Named(rule.target(), "--map " + m, rule.path()));
            } catch (IllegalArgumentException e) {
                throw new MlopsException(ExitCode.USAGE, "--map " + m + ": " + e.getMessage());
            }
        }
        if (maxGroups < 1) {
            throw new MlopsException(ExitCode.USAGE, "--max-groups must be at least 1");
        }
        if (joinInput != null && join == null) {
            join = dev.mlops.logs.Join.load(joinInput, env.display(joinInput));
        }
        if (join != null) {
            // the join needs each record's id, whatever the command reads
            unused = java.util.Arrays.stream(unused).filter(x -> x != Field.ID).toArray(Field[]::new);
        }
        Mapping mapping = Mapping.defaults().without(unused).withUserRules(user).withAttributes(attributes);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new MlopsException(ExitCode.USAGE, "--threads must be at least 1");
        }
        if (maxLineBytes < 1024) {
            throw new MlopsException(ExitCode.USAGE, "--max-line-bytes must be at least 1024");
        }
        return new ReadOptions(mapping, f, maxLineBytes, t, new ReadChecks(checked, groupBy, maxGroups), join,
                showProgress(env) ? new ProgressLine(mixee != null ? mixee.commandLine().getErr()
                        : new java.io.PrintWriter(System.err, true), System::nanoTime)
                        : dev.mlops.logs.Progress.NONE);
    }

    static List<Rule> loadMapping(Path path, String file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(BoundedFiles.read(path, file, BoundedFiles.SETTINGS_LIMIT));
        } catch (NoSuchFileException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, file + ": no such file");
        } catch (IOException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, file + ": invalid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root != null && root.has("fields")) {
            root = root.get("fields");
        }
        if (root == null || !root.isObject()) {
            throw new MlopsException(ExitCode.BAD_INPUT, file + ": expected a mapping of FIELD: PATH");
        }
        List<Rule> rules = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new MlopsException(ExitCode.BAD_INPUT, file + ": " + e.getKey() + " is not a string path");
            }
            try {
                rules.add(Mapping.parseRule(e.getKey() + "=" + e.getValue().asText()));
            } catch (IllegalArgumentException x) {
                throw new MlopsException(ExitCode.BAD_INPUT, file + ": " + x.getMessage());
            }
        }
        return rules;
    }

    /** True when {@code bad} of {@code total} records exceeds --max-bad-lines. */
    boolean tooManyBad(long bad, long total) {
        return badLines.exceeded(bad, total);
    }

    String describeLimit() {
        return badLines.text();
    }

    /**
     * After a scan: names the fields no record has (with a suggestion), refuses a file that holds
     * nothing a log record is made of, then reports bad records.
     */
    void check(java.io.PrintWriter err, LogScan.Result<?> scan, List<LogInput> inputs) {
        check(err, scan.files(), scan.absent(), inputs);
    }

    void check(java.io.PrintWriter err, List<dev.mlops.logs.FileReport> files, List<ReadChecks.Named> absent,
               List<LogInput> inputs) {
        for (dev.mlops.logs.FileReport f : files) {
            if (!f.informative() && !namedFieldsSuffice) {
                throw new MlopsException(ExitCode.BAD_INPUT, f.name() + ": no record has tokens, latency, status, cost "
                        + "or text that this command reads; map its fields with --map FIELD=PATH (or --mapping FILE), "
                        + "or name its format with --input-format");
            }
        }
        if (!absent.isEmpty()) {
            List<String> known = FieldNames.known(inputs);
            for (ReadChecks.Named n : absent) {
                String hint = FieldNames.suggest(n.source(), known);
                String did = hint == null ? "" : "; did you mean '" + hint + "'?";
                if (n.option().startsWith("--map")) {
                    err.println("mlops: " + n.option() + ": no record has '" + n.source() + "'" + did);
                } else {
                    err.println("mlops: no record has the field '" + n.field() + "' (" + n.option()
                            + (n.option().equals("--where") ? "), so no record matches it" : ")") + did);
                }
            }
        }
        checkBad(err, files);
    }

    /** Prints the skipped records, then exits 3 when there are more than --max-bad-lines allows. */
    void checkBad(java.io.PrintWriter err, List<dev.mlops.logs.FileReport> files) {
        Diagnostics.badRecords(err, files);
        long bad = files.stream().mapToLong(dev.mlops.logs.FileReport::bad).sum();
        long all = bad + files.stream().mapToLong(dev.mlops.logs.FileReport::records).sum();
        if (tooManyBad(bad, all)) {
            throw new MlopsException(ExitCode.BAD_INPUT, String.format(Locale.ROOT,
                    "%,d of %,d records are malformed, more than --max-bad-lines %s allows", bad, all, describeLimit()));
        }
    }
}
