package dev.mlops.cli;

import picocli.CommandLine.Mixin;

/**
 * What every command on the registry shares: {@link PlainCommand}'s skeleton and the registry
 * option. The release commands mix in {@link ReleaseState} too.
 */
abstract class RegistryCommandBase extends PlainCommand {
    @Mixin
    RegistryOption registry;

    RegistryCommandBase(Env env) {
        super(env);
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
