package dev.mlops.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The skeleton of a command that is not a log report (select, compare, judge, the registry and
 * release commands): the environment, the picocli spec, the common options, and one shape for
 * usage errors and output.
 */
abstract class PlainCommand implements Callable<Integer> {
    protected final Env env;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    PlainCommand(Env env) {
        this.env = env;
    }

    /** A usage error of this command: exit 2, one line, and where to read more. */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
