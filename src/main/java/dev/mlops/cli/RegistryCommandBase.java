package dev.mlops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command on the registry shares: the environment, its spec, the registry option and
 * the common options. The release commands mix in {@link ReleaseState} too.
 */
abstract class RegistryCommandBase implements Callable<Integer> {
    protected final Env env;

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOption registry;

    @Mixin
    CommonOptions common;

    RegistryCommandBase(Env env) {
        this.env = env;
    }

    /** A command on the registry that prints a report: --format and -o as well. */
    abstract static class Reporting extends RegistryCommandBase {
        @Mixin
        OutputOptions output;

        Reporting(Env env) {
            super(env);
        }
    }
}
