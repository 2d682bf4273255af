package dev.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops.registry.ArtifactPaths;
import dev.mlops.registry.Registry;
import dev.mlops.release.History;
import dev.mlops.release.HistoryKey;
import dev.mlops.report.ReleaseText;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlops history [MODEL]}. */
@Command(name = "history", description = "Who promoted, rolled back or froze what, when, why, and on which evidence.")
final class HistoryCommand extends RegistryCommandBase.Reporting {
    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "Only this model.")
    String model;

    @Option(names = "--verify", description = "Check that no entry was edited, reordered or removed, that the head file "
            + "and the registry's history record agree, and with $MLOPS_HISTORY_KEY every signature (exit 3 if not).")
    boolean verify;

    HistoryCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        Registry r = registry.require(env);
        History h = History.load(ArtifactPaths.root(r), registry.files());
        History.Verified checked = verify ? h.verify(r, HistoryKey.from(env.vars(), env.cwd()), true) : null;
        List<JsonNode> entries = h.entries().stream()
                .filter(e -> model == null || model.equals(e.path("model").asText())).toList();
        if (model != null && entries.isEmpty() && !r.models().containsKey(model)) {
            String hint = FieldNames.suggest(model, List.copyOf(r.models().keySet()));
            throw new MlopsException(ExitCode.BAD_INPUT, "no model '" + model + "' in the registry or its history "
                    + "(models: " + String.join(", ", r.models().keySet()) + ")"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?"));
        }
        output.emit(() -> ReleaseText.history(entries, output.format), output.format, env, spec.commandLine().getOut());
        if (verify) {
            spec.commandLine().getErr().println("mlops: history verified: " + checked.describe());
        }
        return ExitCode.OK.code();
    }
}
