package dev.mlops.cli;

import dev.mlops.registry.Stage;
import dev.mlops.registry.Version;
import dev.mlops.release.Evidence;
import dev.mlops.release.GateResult;
import dev.mlops.release.Release;
import dev.mlops.report.ReleaseText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code mlops promote VERSION --to STAGE --evidence FILE...}. */
@Command(name = "promote", sortOptions = false,
        description = {"Move a version to a stage if it passes the registry's promotion gates for that stage, "
                + "judged on evidence reports (--format json of analyze, drift, abtest, health).",
                "",
                "On success it writes a manifest to manifests/, moves the stages in the registry and appends to "
                        + "history.jsonl, all at once. A gate whose evidence is missing fails. Canary and production "
                        + "take only frozen versions that verify clean. On failure nothing is written and the exit "
                        + "code is 1."})
final class PromoteCommand extends RegistryCommandBase.Reporting {
    @Parameters(paramLabel = "VERSION", description = "The version to promote.")
    String version;

    @Option(names = "--to", required = true, paramLabel = "STAGE", completionCandidates = Candidates.Stages.class,
            description = "staging, canary or production.")
    String to;

    @Option(names = "--evidence", paramLabel = "FILE", arity = "1..*",
            description = "JSON reports the gates are judged on. Repeatable.")
    List<Path> evidence = new ArrayList<>();

    @Mixin
    ActorOptions actor;

    @Option(names = "--force", description = "Promote although gates failed (needs --reason); the manifest says so.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the manifest and change nothing.")
    boolean dryRun;

    @Option(names = "--traffic", paramLabel = "PERCENT", description = "For a canary: its share of traffic, 1 to 100.")
    Integer traffic;

    @Option(names = "--emit", paramLabel = "FORMAT", description = "Also write the manifest as: kserve "
            + "(an InferenceService with canaryTrafficPercent).")
    String emit;

    @Mixin
    ReleaseState state;

    PromoteCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        Stage stage = Stage.parse(to);
        if (stage != Stage.STAGING && stage != Stage.CANARY && stage != Stage.PRODUCTION) {
            throw new ParameterException(spec.commandLine(), "--to " + to + ": expected staging, canary or production");
        }
        actor.requireReasonFor(force, spec);
        if (traffic != null && (stage != Stage.CANARY || traffic < 1 || traffic > 100)) {
            throw new ParameterException(spec.commandLine(), "--traffic takes 1 to 100, and only with --to canary");
        }
        if (emit != null && !emit.equals("kserve")) {
            throw new ParameterException(spec.commandLine(), "--emit " + emit + ": the only emitter is kserve");
        }
        List<Evidence> ev = new ArrayList<>();
        for (Path p : evidence) {
            ev.add(Evidence.load(p, env.display(p)));
        }
        ExecutorService pool = state.pool();
        try (ReleaseState.Locked locked = state.lock(env, registry, spec.commandLine().getErr())) {
            Version v = RegistryShowCommand.find(env, locked.registry(), version);
            if (v.stage() == stage) {
                throw new ParameterException(spec.commandLine(), version + " is already in " + stage.key());
            }
            Release.Plan plan = Release.promote(locked.registry(), v, stage, ev, force, traffic, "kserve".equals(emit),
                    locked.history(), locked.actor(actor.user(env), actor.reason), pool);
            boolean blocked = !plan.passed() && !force;
            String manifestName = env.display(plan.manifestPath());
            if (!blocked && !dryRun) {
                Release.apply(plan, locked.root());
            }
            ReleaseText.Outcome outcome = blocked ? ReleaseText.Outcome.BLOCKED
                    : dryRun ? ReleaseText.Outcome.DRY_RUN : ReleaseText.Outcome.WRITTEN;
            output.emit(() -> ReleaseText.plan(plan, outcome, output.format, manifestName), output.format, env,
                    spec.commandLine().getOut());
            if (blocked) {
                for (GateResult g : plan.gates()) {
                    if (!g.passed()) {
                        spec.commandLine().getErr().println("mlops: gate failed: " + g.gate() + " (" + g.limit()
                                + "): " + g.detail());
                    }
                }
                return ExitCode.CHECK_FAILED.code();
            }
            return ExitCode.OK.code();
        } finally {
            pool.shutdownNow();
        }
    }
}
