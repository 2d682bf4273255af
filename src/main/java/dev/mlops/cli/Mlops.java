package dev.mlops.cli;

import dev.mlops.schema.Keys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the command line and runs it. */
public final class Mlops {
    private Mlops() {
    }

    /** Runs with the real environment, printing to stdout and stderr. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return run(Env.system(), out, err, args);
    }

    /** Runs without exiting: what tests call. */
    public static int run(Env env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(env, args.length > 0 ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The whole command tree: for help, completion, the man pages. */
    public static CommandLine commandLine(Env env) {
        return commandLine(env, null);
    }

    /**
     * The command tree for a run whose first word is {@code first}: only that subcommand when it
     * names one (a run builds one command, not fifteen), else all of them (help, a typo's suggestions).
     */
    static CommandLine commandLine(Env env, String first) {
        System.setProperty("picocli.disable.closures", "true");
        Factory factory = new Factory(env);
        CommandLine cl = new CommandLine(new MlopsCommand(), factory);
        List<Class<?>> named = MlopsCommand.SUBCOMMANDS.stream()
                .filter(c -> !c.equals(HelpCommand.class) && c.getAnnotation(CommandLine.Command.class).name().equals(first))
                .toList();
        for (Class<?> c : named.isEmpty() ? MlopsCommand.SUBCOMMANDS : named) {
            try {
                cl.addSubcommand(new CommandLine(factory.create(c), factory));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build " + c.getSimpleName(), e);
            }
        }
        cl.registerConverter(Path.class, env::path);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(Mlops::usageError);
        cl.setExecutionStrategy(parsed -> {
            OutputGuard.check(parsed, env);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                env.colour() ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        decorate(cl);
        return cl;
    }

    private static void decorate(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.list());
        String footer = resource("/dev/mlops/cli/" + spec.qualifiedName("-").replace("mlops-", "") + ".footer.txt");
        if (footer != null) {
            // footers are plain text: a % is a percent sign, not a format specifier
            spec.usageMessage().footer(footer.replace("%", "%%").split("\n", -1));
            if (footer.contains("@keys ")) {
                // the key lists are generated from the document records when help is shown, not at every start
                cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
                    help.commandSpec().usageMessage().footer(expandedFooter(help.commandSpec()));
                    return help.footer();
                });
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            decorate(sub);
        }
    }

    /** The command's footer with its "@keys SCHEMA" lines expanded. */
    static String[] expandedFooter(CommandSpec spec) {
        if (spec.usageMessage().footer().length == 0) {
            return spec.usageMessage().footer();
        }
        return keys(String.join("\n", spec.usageMessage().footer())).split("\n", -1);
    }

    /** A footer line "@keys SCHEMA" becomes the key list generated from that schema's document record. */
    static String keys(String footer) {
        // the footer is a picocli format string: a % in a generated line is written %%
        return footer.lines().map(l -> !l.startsWith("@keys ") ? l : String.join("\n", Keys.describe(
                Keys.of(l.substring(6).trim()).orElseThrow(() -> new IllegalStateException("no document " + l))))
                        .replace("%", "%%"))
                .collect(java.util.stream.Collectors.joining("\n", "", footer.endsWith("\n") ? "\n" : ""));
    }

    /** A usage error is one line, and where to read more: never the whole usage text. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        String message = e.getMessage() == null ? "invalid usage" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            List<String> s = ((CommandLine.UnmatchedArgumentException) e).getSuggestions();
            if (!s.isEmpty()) {
                message += "; did you mean " + String.join(" or ", s.subList(0, Math.min(3, s.size()))) + "?";
            }
        }
        err.println("mlops: " + message);
        String name = cmd.getCommandSpec().qualifiedName(" ");
        err.println("mlops: see '" + (name.equals("mlops") ? "mlops --help" : "mlops help " + name.substring(6)) + "'");
        err.flush();
        return ExitCode.USAGE.code();
    }

    static String resource(String name) {
        try (InputStream in = Mlops.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            return null;
        }
    }

    /** Gives commands that want it the {@link Env}. */
    private static final class Factory implements CommandLine.IFactory {
        private final Env env;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(Env env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Env.class).newInstance(env);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
