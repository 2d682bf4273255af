package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.registry.VersionDiff;
import dev.mlops.report.ReleaseText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops registry diff A B}. */
@Command(name = "diff", description = "Show, field by field, what differs between two versions: base model, adapter "
        + "rank and size, sampling, prompt template, data snapshot and artifact hashes.")
final class RegistryDiffCommand extends RegistryCommandBase.Reporting {
    @Parameters(index = "0", paramLabel = "A", description = "A version id.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Another version id.")
    String b;

    @Option(names = "--all", description = "Show the fields that are equal too.")
    boolean all;

    RegistryDiffCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() {
        Registry r = registry.require(env);
        var rows = VersionDiff.diff(r, RegistryShowCommand.find(env, r, a), RegistryShowCommand.find(env, r, b));
        output.emit(() -> ReleaseText.diff(a, b, rows, all, output.format), output.format, env, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
