package dev.mlops.cli;

import dev.mlops.release.Journal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlops registry recover [--apply | --discard]}. */
@Command(name = "recover", description = {"Finish or undo a release change that was interrupted (its journal, "
        + ".mlops/journal.json, is still there).",
        "",
        "With no option it does what any command that writes would do: it finishes an interrupted change, or undoes "
                + "one whose command reported a failure, and refuses (exit 3) when a file was changed by hand since. "
                + "--apply writes the change over such edits; --discard keeps the files as they are (undoing only "
                + "what the change itself wrote) and removes the journal, also a journal that cannot be read."})
final class RegistryRecoverCommand extends RegistryCommandBase {
    static final class Choice {
        @Option(names = "--apply", description = "Write the change's new content over whatever the files hold now.")
        boolean apply;

        @Option(names = "--discard", description = "Remove the journal; put back only the files the change wrote.")
        boolean discard;
    }

    @ArgGroup(exclusive = true)
    Choice choice;

    @Mixin
    LockWaitOption lockWait;

    RegistryRecoverCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        Path file = registry.locate(env);
        Path root = file.toAbsolutePath().getParent();
        PrintWriter out = out();
        boolean discard = choice != null && choice.discard;
        boolean apply = choice != null && choice.apply;
        try (var lock = ReleaseState.lockOf(file, lockWait.seconds)) {
            Optional<Journal> found;
            try {
                found = Journal.find(root);
            } catch (Journal.JournalException e) {
                if (!discard) {
                    throw e;
                }
                Journal.discardUnreadable(root);
                out.println("discarded a journal that could not be trusted; no file was changed. Check the state "
                        + "with: mlops registry verify and mlops history --verify");
                return ExitCode.OK.code();
            }
            if (found.isEmpty()) {
                dev.mlops.release.Transaction.removeStrays(root);
                out.println("no change is pending");
                return ExitCode.OK.code();
            }
            Journal j = found.get();
            List<String> states = j.states();
            for (int i = 0; i < j.entries().size(); i++) {
                out.printf("%-16s %s%n", states.get(i), j.entries().get(i).path());
            }
            if (discard) {
                List<String> left = j.undo(true);
                out.println("discarded: " + j.action() + (left.isEmpty() ? "" : "; left as they are: "
                        + String.join(", ", left)));
            } else if (apply) {
                j.apply();
                out.println("applied: " + j.action());
            } else {
                j.finish();
                out.println((j.aborted() ? "undone: " : "finished: ") + j.action());
            }
            dev.mlops.release.Transaction.removeStrays(root);
            return ExitCode.OK.code();
        }
    }
}
