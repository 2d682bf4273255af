package dev.mlops.cli;

import dev.mlops.logs.InputException;
import dev.mlops.registry.RegistryException;
import dev.mlops.io.BoundedFiles;
import dev.mlops.io.SafePaths;
import dev.mlops.release.History;
import dev.mlops.release.Journal;
import dev.mlops.release.ReleaseException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a command into one line on stderr and an exit code. A stack trace is
 * printed only with --verbose; an unexpected exception is an internal error (70).
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        ExitCode code;
        String message;
        if (e instanceof MlopsException) {
            code = ((MlopsException) e).exit();
            message = e.getMessage();
        } else if (e instanceof InputException || e instanceof RegistryException || e instanceof ReleaseException
                || e instanceof History.HistoryException || e instanceof Journal.JournalException
                || e instanceof BoundedFiles.RefusedException || e instanceof SafePaths.EscapeException
                || e instanceof dev.mlops.io.OutputFiles.UnwritableException) {
            code = ExitCode.BAD_INPUT;
            message = e.getMessage();
        } else if (e instanceof java.io.IOException) {
            code = ExitCode.BAD_INPUT;
            message = "I/O error: " + e.getMessage();
        } else if (e instanceof CommandLine.ParameterException) {
            throw (CommandLine.ParameterException) e;
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error: " + e;
        }
        err.println("mlops: " + message);
        if (verbose(parsed)) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            err.print(sw);
        } else if (code == ExitCode.INTERNAL) {
            err.println("mlops: run again with --verbose for the stack trace");
        }
        err.flush();
        return code.code();
    }

    private static boolean verbose(ParseResult parsed) {
        ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
