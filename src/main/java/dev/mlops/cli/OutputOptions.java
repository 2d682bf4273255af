package dev.mlops.cli;

import dev.mlops.io.OutputFiles;
import dev.mlops.report.OutputFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import dev.mlops.report.Layout;
import picocli.CommandLine.Option;

/** {@code --format} and {@code -o}, the same for every command that prints a report. */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.Formats.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of stdout; - is stdout.")
    Path output;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the verdicts of a table: auto (when stdout is a terminal and NO_COLOR is not set), "
                    + "always or never (default: ${DEFAULT-VALUE}).")
    String color;

    /**
     * The report as printed: a table on a terminal's standard output fits its width and has its
     * verdicts coloured when --color allows; anywhere else it has the fixed width of piped output.
     */
    void emit(Supplier<String> render, OutputFormat f, Env env, PrintWriter out) {
        boolean terminal = toStdout() && env.terminal().stdout();
        String text = Layout.with(terminal ? new Layout(env.terminal().width(), true) : Layout.PIPED, render);
        emit(output, toStdout() && f == OutputFormat.TABLE && colour(env) ? dev.mlops.report.Verdicts.colour(text) : text, out);
    }

    private boolean toStdout() {
        return output == null || dash(output);
    }

    /** "-": standard output (a file of that name, when one exists, is the file). */
    static boolean dash(Path p) {
        return p.getFileName() != null && p.getFileName().toString().equals("-") && !java.nio.file.Files.exists(p);
    }

    boolean colour(Env env) {
        return switch (color.toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> env.colour();
            default -> throw new MlopsException(ExitCode.USAGE, "--color " + color + ": expected auto, always or never");
        };
    }

    /** Writes {@code text} to {@code file}, or to {@code out} when it is null or "-". */
    static void emit(Path file, String text, PrintWriter out) {
        if (file == null || dash(file)) {
            out.print(text);
            out.flush();
            return;
        }
        OutputFiles.write(file, file.toString(), text);
    }
}
