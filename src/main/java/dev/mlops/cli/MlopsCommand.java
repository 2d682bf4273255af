package dev.mlops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: it only dispatches. */
@Command(name = "mlops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Operations toolkit for post-trained LLMs: reads inference logs and a registry of "
                + "frozen model versions, and answers how each version behaves in production."})
final class MlopsCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. {@link Mlops} adds them: all of them for help,
     * completion and the man pages, only the one named for a run, so that a run does not build (and
     * load the classes of) every other command.
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(AnalyzeCommand.class, DriftCommand.class,
            CollapseCommand.class, HealthCommand.class, AbtestCommand.class, CompareCommand.class, JudgeCommand.class,
            PlaygroundCommand.class, SelectCommand.class, RegistryCommand.class, PromoteCommand.class,
            RollbackCommand.class, HistoryCommand.class, HelpCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: try 'mlops analyze LOG' or 'mlops --help'");
    }
}
