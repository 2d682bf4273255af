package dev.mlops.cli;

import dev.mlops.registry.Registry;
import dev.mlops.registry.Verifier;
import dev.mlops.registry.Version;
import dev.mlops.report.ReleaseText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mlops registry verify [VERSION...]}. */
@Command(name = "verify", description = "Re-hash the artifacts of versions (all frozen ones by default) and report "
        + "each as ok, changed, missing, unexpected or unrecorded. Exits 3 on any mismatch.")
final class RegistryVerifyCommand extends RegistryCommandBase.Reporting {
    @Parameters(arity = "0..*", paramLabel = "VERSION", description = "Versions to verify (default: every frozen version).")
    List<String> versions = new ArrayList<>();

    @Mixin
    ReleaseState state;

    RegistryVerifyCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        Registry r = registry.require(env);
        List<Version> targets = new ArrayList<>();
        if (versions.isEmpty()) {
            r.versions().stream().filter(Version::frozen).forEach(targets::add);
        } else {
            for (String id : versions) {
                targets.add(RegistryShowCommand.find(env, r, id));
            }
        }
        ExecutorService pool = state.pool();
        List<Verifier.Check> checks = new ArrayList<>();
        try {
            for (Version v : targets) {
                checks.addAll(Verifier.verify(r, v, pool));
            }
        } finally {
            pool.shutdownNow();
        }
        output.emit(() -> ReleaseText.verify(checks, output.format), output.format, env, spec.commandLine().getOut());
        long bad = checks.stream().filter(Verifier.Check::mismatch).count();
        if (bad > 0) {
            spec.commandLine().getErr().println("mlops: " + bad + " artifact" + (bad == 1 ? " does" : "s do")
                    + " not match the registry");
            return ExitCode.BAD_INPUT.code();
        }
        return ExitCode.OK.code();
    }
}
