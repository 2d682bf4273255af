package dev.mlops.cli;

import dev.mlops.io.AtomicFiles;
import dev.mlops.report.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format} and {@code -o}, the same for every command that prints a report. */
final class OutputOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of stdout.")
    Path output;

    void emit(String text, PrintWriter out) {
        if (output == null) {
            out.print(text);
            out.flush();
            return;
        }
        try {
            AtomicFiles.write(output, text);
        } catch (IOException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, output + ": cannot write: " + e.getMessage());
        }
    }
}
