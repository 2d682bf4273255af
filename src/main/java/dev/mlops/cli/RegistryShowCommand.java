package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.registry.Version;
import dev.mlops.report.RegistryText;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mlops registry show VERSION}. */
@Command(name = "show", description = "Show everything the registry records about one version.")
final class RegistryShowCommand extends RegistryCommandBase.Reporting {
    @Parameters(paramLabel = "VERSION", description = "A version id.")
    String version;

    RegistryShowCommand(Env env) {
        super(env);
    }

    /** The version, or exit 3 naming the versions there are. */
    static Version find(Env env, Registry r, String id) {
        return r.version(id).orElseThrow(() -> new MlopsException(ExitCode.BAD_INPUT,
                env.display(r.file()) + ": no version '" + id + "' (versions: "
                        + r.versions().stream().map(Version::id).collect(Collectors.joining(", ")) + ")"));
    }

    @Override
    public Integer call() {
        Registry r = registry.require(env);
        Version v = find(env, r, version);
        output.emit(() -> RegistryText.show(r, v, output.format), output.format, env, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }
}
