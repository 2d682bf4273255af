package dev.mlops.cli;


import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Parameters;

/** {@code mlops help [COMMAND [SUBCOMMAND]]}: help of any command, nested ones included ({@code help registry freeze}). */
@Command(name = "help", helpCommand = true, description = "Show the help of a command: mlops help registry freeze.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The command, and its subcommand.")
    List<String> commands = new ArrayList<>();

    private CommandLine self;
    private PrintWriter out;
    private Help.ColorScheme scheme;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.scheme = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : commands) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "unknown command '" + String.join(" ", commands)
                        + "'; commands: " + String.join(", ", target.getSubcommands().keySet()));
            }
            target = sub;
        }
        target.usage(out, scheme);
        out.flush();
    }

}
