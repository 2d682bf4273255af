package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.report.RegistryText;
import picocli.CommandLine.Command;

/** {@code mlops registry list}. */
@Command(name = "list", description = "List every model version with its stage, base model and adapter.")
final class RegistryListCommand extends RegistryCommandBase.Reporting {
    RegistryListCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() {
        Registry r = registry.require(env);
        output.emit(() -> RegistryText.list(r, output.format), output.format, env, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
