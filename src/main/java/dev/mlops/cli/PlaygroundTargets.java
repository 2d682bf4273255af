package dev.mlops.cli;

import dev.mlops.playground.Conversation;
import dev.mlops.playground.PromptTemplate;
import dev.mlops.playground.Target;
import dev.mlops.registry.ArtifactPaths;
import dev.mlops.registry.Registry;
import dev.mlops.registry.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the playground talks to, from the registry (a version's serving: block, its sampling and
 * prompt template) or from --endpoint and --model, with the API key from the option or variable.
 */
final class PlaygroundTargets {
    private final Env env;
    private final PlaygroundOptions o;

    PlaygroundTargets(Env env, PlaygroundOptions o) {
        this.env = env;
        this.o = o;
    }

    /** The version {@code id}, which must have a serving: block; bad input naming the registry if not. */
    Version served(Registry r, String id) {
        try {
            return servedOrThrow(r, id);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, env.display(r.file()) + ": " + e.getMessage());
        }
    }

    static Version servedOrThrow(Registry r, String id) {
        Version v = r.version(id).orElseThrow(() -> new IllegalArgumentException("no version " + id));
        if (v.serving() == null) {
            throw new IllegalArgumentException("version " + id + " (line " + v.line() + ") has no serving: block "
                    + "{endpoint, model}");
        }
        return v;
    }

    Target target(Version v) {
        return new Target(v.id(), v.id(), v.serving().endpoint(), v.serving().model(), apiKey(v.serving().apiKeyEnv()));
    }

    Target direct() {
        String endpoint = o.where.direct.endpoint.strip().replaceAll("/+$", "");
        return new Target(o.where.direct.model, null, endpoint, o.where.direct.model, apiKey(null));
    }

    /** The version's sampling, less what the options set. */
    Conversation.Sampling sampling(Version v) {
        Double maxTokens = number(v, "max_tokens");
        return new Conversation.Sampling(o.temperature != null ? o.temperature : number(v, "temperature"),
                number(v, "top_p"), o.maxTokens != null ? o.maxTokens : maxTokens == null ? null
                : Integer.valueOf((int) Math.round(maxTokens)));
    }

    private String apiKey(String fromRegistry) {
        if (o.key != null && o.key.key != null) {
            return o.key.key;
        }
        String var = o.key != null && o.key.env != null ? o.key.env : fromRegistry;
        if (var == null) {
            return null;
        }
        String v = env.vars().get(var);
        if (v == null || v.isEmpty()) {
            throw new MlopsException(ExitCode.USAGE, "the API key's variable " + var + " is not set");
        }
        return v;
    }

    private static Double number(Version v, String name) {
        Object x = v.sampling().get(name);
        return x instanceof Number n ? n.doubleValue() : x == null ? null : Double.valueOf(x.toString());
    }

    PromptTemplate template(Registry r, Version v) throws IOException {
        var a = v.artifacts().get("prompt_template");
        if (a == null) {
            return PromptTemplate.none();
        }
        Path p = ArtifactPaths.resolve(ArtifactPaths.root(r), a.path(), v.id() + " prompt_template");
        if (!Files.isRegularFile(p)) {
            throw new MlopsException(ExitCode.BAD_INPUT, env.display(p) + ": version " + v.id()
                    + "'s prompt template is not a file");
        }
        return PromptTemplate.parse(Files.readString(p, StandardCharsets.UTF_8));
    }
}
