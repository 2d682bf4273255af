package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.report.RegistryText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mlops registry list}. */
@Command(name = "list", description = "List every model version with its stage, base model and adapter.")
final class RegistryListCommand implements Callable<Integer> {
    private final Env env;

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOption registry;

    @Mixin
    OutputOptions output;

    @Mixin
    CommonOptions common;

    RegistryListCommand(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Registry r = registry.require(env);
        output.emit(RegistryText.list(r, output.format), spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
