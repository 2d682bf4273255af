package dev.mlops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops registry}: a group; its subcommands do the work. */
@Command(name = "registry", description = "List, inspect, freeze, verify and compare the versions in the model registry.",
        subcommands = {RegistryListCommand.class, RegistryShowCommand.class, RegistryFreezeCommand.class,
                RegistryVerifyCommand.class, RegistryDiffCommand.class, RegistryRecoverCommand.class})
final class RegistryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: list, show, freeze, verify, diff or recover");
    }
}
