package dev.mlops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Generates {@code man/mlops*.1} (roff) and {@code completions/mlops.bash} from the picocli
 * model. Run at build time into target/generated-docs; {@code mvn -Pregen-docs process-classes}
 * rewrites the committed copies, and a test fails when they are stale.
 */
public final class DocGenerator {
    private DocGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : ".");
        for (Map.Entry<String, String> e : generate().entrySet()) {
            Path p = out.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Relative path to content, for every generated file. */
    public static Map<String, String> generate() {
        Env env = new Env(java.nio.file.FileSystems.getDefault(), Paths.get("."), Map.of(), System.in, false);
        CommandLine cl = Mlops.commandLine(env);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("completions/mlops.bash", completeFiles(AutoComplete.bash("mlops", cl).replace("\r\n", "\n"), cl));
        manPages(cl, files);
        return files;
    }

    /**
     * picocli completes files only for Path-typed arguments; LOG arguments are strings (so that
     * "-" is standard input), and options such as --baseline take logs too. Make both complete
     * as file names, in the functions of the commands that have them.
     */
    static String completeFiles(String script, CommandLine root) {
        StringBuilder out = new StringBuilder();
        String[] parts = script.split("(?=\n# Generates completions for the options and subcommands of the `)");
        for (String part : parts) {
            String p = part;
            CommandLine cmd = commandOf(root, part);
            if (cmd != null && cmd.getCommandSpec().positionalParameters().stream()
                    .anyMatch(a -> a.paramLabel().matches(".*(LOG|FILE).*"))) {
                p = p.replace("    local positionals=\"\"\n    local IFS=$'\\n'\n    COMPREPLY=( $(compgen -W \"${commands// /$'\\n'}${IFS}${positionals}\" -- \"${curr_word}\") )",
                        "    local IFS=$'\\n'\n    type compopt &>/dev/null && compopt -o filenames\n"
                                + "    COMPREPLY=( $(compgen -W \"${commands// /$'\\n'}\" -- \"${curr_word}\") $(compgen -f -- \"${curr_word}\") ) # log files");
            }
            if (cmd != null) {
                for (OptionSpec o : cmd.getCommandSpec().options()) {
                    if (!o.paramLabel().matches(".*LOG.*")) {
                        continue;
                    }
                    for (String n : o.names()) {
                        p = p.replace("    '" + n + "')\n      return\n      ;;", "    '" + n + "')\n      local IFS=$'\\n'\n"
                                + "      type compopt &>/dev/null && compopt -o filenames\n"
                                + "      COMPREPLY=( $( compgen -f -- \"${curr_word}\" ) ) # files\n      return $?\n      ;;");
                    }
                }
            }
            if (cmd != null && cmd.getCommandName().equals("playground")) {
                p = p.replace("    '--model')\n      return\n      ;;", MODELS);
            }
            out.append(p);
        }
        return out.toString();
    }

    /** --model completes from the server's own list: mlops playground --endpoint URL --list-models. */
    private static final String MODELS = String.join("\n",
            "    '--model')",
            "      local endpoint='' i",
            "      for ((i=1; i<COMP_CWORD; i++)); do",
            "        [[ ${COMP_WORDS[i]} == --endpoint ]] && endpoint=${COMP_WORDS[i+1]}",
            "      done",
            "      if [[ -n $endpoint ]]; then",
            "        local IFS=$'\\n'",
            "        COMPREPLY=( $(compgen -W \"$(mlops playground --endpoint \"$endpoint\" --list-models 2>/dev/null)\" -- \"${curr_word}\") )",
            "      fi",
            "      return",
            "      ;;");

    /** The command whose completion function a part of the script is. */
    private static CommandLine commandOf(CommandLine root, String part) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("subcommands of the `([^`]+)` subcommand").matcher(part);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        return find(root, name);
    }

    private static CommandLine find(CommandLine cl, String name) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandName().equals(name)) {
                return sub;
            }
            CommandLine deeper = find(sub, name);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    private static void manPages(CommandLine cl, Map<String, String> files) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.name().equals("help")) {
            return;
        }
        String name = spec.qualifiedName("-");
        files.put("man/" + name + ".1", man(cl, name));
        for (CommandLine sub : cl.getSubcommands().values()) {
            manPages(sub, files);
        }
    }

    static String man(CommandLine cl, String name) {
        CommandSpec spec = cl.getCommandSpec();
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        StringBuilder sb = new StringBuilder();
        sb.append(".TH ").append(name.toUpperCase(java.util.Locale.ROOT)).append(" 1 \"\" \"mlops ")
                .append(VersionProvider.version()).append("\" \"mlops manual\"\n");
        sb.append(".SH NAME\n").append(esc(name)).append(" \\- ").append(esc(firstSentence(spec))).append('\n');
        sb.append(".SH SYNOPSIS\n.nf\n").append(esc(help.synopsis(0).stripTrailing())).append("\n.fi\n");
        sb.append(".SH DESCRIPTION\n");
        for (String d : spec.usageMessage().description()) {
            sb.append(d.isEmpty() ? ".PP" : esc(d)).append('\n');
        }
        if (!spec.subcommands().isEmpty()) {
            sb.append(".SH COMMANDS\n");
            spec.subcommands().forEach((n, sub) -> {
                if (!n.equals("help")) {
                    sb.append(".TP\n\\fB").append(esc(n)).append("\\fR\n")
                            .append(esc(firstSentence(sub.getCommandSpec()))).append('\n');
                }
            });
        }
        if (!spec.positionalParameters().isEmpty() || !spec.options().isEmpty()) {
            sb.append(".SH OPTIONS\n");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            sb.append(".TP\n\\fI").append(esc(p.paramLabel())).append("\\fR\n")
                    .append(esc(String.join(" ", p.description()))).append('\n');
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            sb.append(".TP\n\\fB").append(esc(String.join(", ", o.names()))).append("\\fR");
            if (o.arity().max() > 0) {
                sb.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
            }
            sb.append('\n').append(esc(String.join(" ", o.description()))).append('\n');
        }
        sb.append(".SH EXIT STATUS\n");
        spec.usageMessage().exitCodeList().forEach((k, v) -> sb.append(".TP\n").append(esc(k.trim())).append('\n')
                .append(esc(v)).append('\n'));
        String[] footer = Mlops.expandedFooter(spec);
        if (footer.length > 0) {
            for (String line : footer) {
                if (line.startsWith("# ")) {
                    sb.append(".SH ").append(esc(line.substring(2).toUpperCase(java.util.Locale.ROOT))).append('\n');
                } else if (line.isEmpty()) {
                    sb.append(".PP\n");
                } else if (line.startsWith("  ")) {
                    sb.append(".nf\n").append(esc(line)).append("\n.fi\n");
                } else {
                    sb.append(esc(line)).append('\n');
                }
            }
        }
        sb.append(".SH SEE ALSO\nmlops(1)\n");
        return sb.toString();
    }

    private static String firstSentence(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        if (d.length == 0) {
            return spec.name();
        }
        String s = d[0];
        int dot = s.indexOf(". ");
        String first = dot > 0 ? s.substring(0, dot) : s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        int colon = first.indexOf(": ");
        return colon > 0 && colon < 40 ? first.substring(0, colon) : first;
    }

    static String esc(String s) {
        // descriptions are picocli format strings: %% is a percent sign, %n a line break
        String t = s.replace("%%", "%").replace("%n", "\n").replace("\\", "\\e").replace("-", "\\-");
        StringBuilder sb = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            if (line.startsWith(".") || line.startsWith("'")) {
                sb.append("\\&");
            }
            sb.append(line);
        }
        return sb.toString();
    }
}
