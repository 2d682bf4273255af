package dev.mlops.cli;

import dev.mlops.registry.RegistryLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Before any command runs: an output file (-o, --report) may not be one of the command's own
 * inputs, nor release state (the registry, history.jsonl, anything under .mlops/ or manifests/).
 * Writing a report there would destroy what it was computed from, or the record of production.
 */
final class OutputGuard {
    static final List<String> OUTPUTS = List.of("--output", "--report", "--html");

    private OutputGuard() {
    }

    static void check(ParseResult parsed, Env env) {
        ParseResult leaf = parsed;
        while (leaf.subcommand() != null) {
            leaf = leaf.subcommand();
        }
        CommandSpec spec = leaf.commandSpec();
        List<Path> outputs = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        for (ArgSpec a : leaf.matchedArgs()) {
            boolean isOutput = a instanceof OptionSpec && List.of(((OptionSpec) a).names()).stream()
                    .anyMatch(n -> n.equals("-o") || OUTPUTS.contains(n));
            List<Path> paths = paths(a.getValue());
            if (!isOutput && (a.isPositional() || a.paramLabel().matches(".*(FILE|LOG).*"))) {
                for (Object o : a.getValue() instanceof java.util.Collection ? (java.util.Collection<?>) a.getValue()
                        : java.util.Collections.singletonList(a.getValue())) {
                    if (o instanceof String && !o.equals("-") && !((String) o).isBlank()) {
                        try {
                            paths.add(env.path((String) o));
                        } catch (java.nio.file.InvalidPathException e) {
                            // not a path: the command reports it
                        }
                    }
                }
            }
            (isOutput ? outputs : inputs).addAll(paths);
        }
        if (outputs.isEmpty()) {
            return;
        }
        Optional<Path> registry = registryOf(leaf, env);
        for (Path out : outputs) {
            if (out.getFileName() != null && out.getFileName().toString().equals("-")) {
                continue;
            }
            for (Path in : inputs) {
                if (same(out, in)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), env.display(out)
                            + " is an input of this command; writing the output there would destroy it");
                }
            }
            if (registry.isPresent()) {
                String what = releaseState(out, registry.get());
                if (what != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), env.display(out) + " is " + what
                            + "; mlops never writes a report over release state");
                }
            }
        }
    }

    private static Optional<Path> registryOf(ParseResult leaf, Env env) {
        Path option = null;
        if (leaf.hasMatchedOption("--registry")) {
            option = leaf.matchedOptionValue("--registry", null);
        }
        return RegistryLocator.locate(option, env.vars(), env.cwd());
    }

    /** What {@code out} is, if it is release state of the registry {@code file}. */
    static String releaseState(Path out, Path file) {
        Path root = file.toAbsolutePath().normalize().getParent();
        Path o = real(out);
        if (same(out, file)) {
            return "the registry";
        }
        if (root == null) {
            return null;
        }
        if (same(out, root.resolve("history.jsonl"))) {
            return "the release history";
        }
        Path realRoot = real(root);
        if (o.startsWith(realRoot.resolve(".mlops")) || o.startsWith(root.resolve(".mlops"))) {
            return "in the registry's state directory (.mlops)";
        }
        if (o.startsWith(realRoot.resolve("manifests")) || o.startsWith(root.resolve("manifests"))) {
            return "in the registry's manifests directory";
        }
        return null;
    }

    private static List<Path> paths(Object value) {
        List<Path> out = new ArrayList<>();
        if (value instanceof Path) {
            out.add((Path) value);
        } else if (value instanceof Collection) {
            for (Object o : (Collection<?>) value) {
                if (o instanceof Path) {
                    out.add((Path) o);
                }
            }
        } else if (value instanceof Path[]) {
            out.addAll(List.of((Path[]) value));
        }
        return out;
    }

    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall back to comparing names
        }
        return real(a).equals(real(b));
    }

    /** The absolute, normalised path with links in its existing part resolved. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = abs.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        try {
            return existing == null ? abs : existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
