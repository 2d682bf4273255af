package dev.mlops.cli;

import dev.mlops.playground.ChatClient;
import dev.mlops.playground.Conversation;
import dev.mlops.playground.PromptTemplate;
import dev.mlops.playground.Repl;
import dev.mlops.playground.Target;
import dev.mlops.playground.Transcript;
import dev.mlops.preference.VoteLog;
import dev.mlops.registry.ArtifactPaths;
import dev.mlops.registry.Registry;
import dev.mlops.registry.Version;
import dev.mlops.selection.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mlops playground}: testers try to break a staged version; every turn becomes a log record. */
@Command(name = "playground", sortOptions = false,
        description = {"Talk to a version on any OpenAI-compatible server (vLLM, TGI, llama.cpp, LiteLLM, OpenAI) "
                + "and keep every turn as a log record in --transcript, which analyze, drift, health and select "
                + "read. With --version the endpoint, model name, sampling and prompt template come from the "
                + "registry (the version's serving: block). On a terminal it is a line editor with history; "
                + "otherwise each line of standard input is a question or a command (/help lists them)."})
final class PlaygroundCommand extends PlainCommand {
    static final class Where {
        @Option(names = "--version", paramLabel = "VERSION", description = "A registry version with a serving: block.")
        String version;

        @ArgGroup(exclusive = false)
        Direct direct;
    }

    static final class Direct {
        @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "The API's base URL, e.g. "
                + "http://127.0.0.1:8000/v1.")
        String endpoint;

        @Option(names = "--model", paramLabel = "MODEL", description = "The model name to send (bash completes it "
                + "from the server's list).")
        String model;
    }

    static final class Key {
        @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable that holds the "
                + "API key (default: the version's serving.api_key_env).")
        String env;

        @Option(names = "--api-key", paramLabel = "KEY", description = "The API key itself (visible to other users "
                + "of this machine in the process list: prefer --api-key-env).")
        String key;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @ArgGroup(exclusive = true)
    Key key;

    @Option(names = "--system", paramLabel = "TEXT", description = "The system prompt (default: the version's "
            + "prompt template's, if any).")
    String system;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: the version's).")
    Double temperature;

    @Option(names = "--max-tokens", paramLabel = "N", description = "max_tokens (default: the version's).")
    Integer maxTokens;

    @Option(names = "--no-stream", description = "Ask for one JSON answer instead of a stream of tokens.")
    boolean noStream;

    @Option(names = "--transcript", paramLabel = "FILE", defaultValue = "playground.jsonl",
            description = "Append every turn here as a log record (default: ${DEFAULT-VALUE}).")
    Path transcript;

    @Option(names = "--compare", paramLabel = "VERSION", description = "Send every turn to this version too, show "
            + "both answers side by side, and ask for a pick (written to --votes).")
    String compare;

    @Option(names = "--votes", paramLabel = "FILE", description = "Where /compare's picks go, as mlops compare reads "
            + "them (default: the transcript's name with .votes.jsonl).")
    Path votes;

    @Option(names = "--tester", paramLabel = "NAME", description = "Who is testing (default: $USER).")
    String tester;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Read timeout: how long to wait for an answer, or between two parts of a stream "
                    + "(default: ${DEFAULT-VALUE}); connecting gives up after 5 s.")
    int timeout;

    @Option(names = "--list-models", description = "Print the models the server lists (GET /models), one a line, "
            + "and exit; the bash completion of --model asks this.")
    boolean listModels;

    @Option(names = "--redact", split = ",", paramLabel = "KIND", description = "Mask email, phone, ip, credit-card "
            + "in the transcript (what testers type may hold secrets).")
    List<String> redact = new ArrayList<>();

    @Mixin
    RegistryOption registry;

    PlaygroundCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (timeout < 1) {
            throw usage("--timeout must be at least 1 second");
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw usage("--temperature must be from 0 to 2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw usage("--max-tokens must be at least 1");
        }
        Redactor redactor;
        try {
            redactor = new Redactor(redact);
        } catch (IllegalArgumentException e) {
            throw usage("--redact: " + e.getMessage());
        }
        Optional<Registry> reg = registry.load(env);
        Target target;
        Conversation.Sampling sampling;
        PromptTemplate template = PromptTemplate.none();
        if (where.version != null) {
            Registry r = reg.orElseThrow(() -> usage("--version needs a registry (--registry FILE or $MLOPS_REGISTRY)"));
            Version v = served(r, where.version);
            target = target(r, v);
            sampling = new Conversation.Sampling(temperature != null ? temperature : number(v, "temperature"),
                    number(v, "top_p"), maxTokens != null ? maxTokens : integer(v));
            template = template(r, v);
        } else {
            if (where.direct.model == null && !listModels) {
                throw usage("--endpoint needs --model (--list-models shows what the server has)");
            }
            target = new Target(where.direct.model, null, trim(where.direct.endpoint), where.direct.model, apiKey(null));
            sampling = new Conversation.Sampling(temperature, null, maxTokens);
        }
        if (listModels) {
            return list(target);
        }
        Target other = null;
        if (compare != null) {
            Registry r = reg.orElseThrow(() -> usage("--compare needs a registry (--registry FILE)"));
            other = target(r, served(r, compare));
        }
        boolean interactive = env.terminal().interactive() && env.terminal().stdout();
        String who = Who.user(env, tester);
        Path file = transcript.isAbsolute() ? transcript : env.path(transcript.toString());
        Path votesFile = votes != null ? env.path(votes.toString())
                : file.resolveSibling(file.getFileName().toString().replaceAll("\\.jsonl$", "") + ".votes.jsonl");
        SplittableRandom jitter = new SplittableRandom();
        try (ChatClient client = new ChatClient(env.http().get(), Duration.ofSeconds(timeout),
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), jitter, System::nanoTime);
             Transcript t = new Transcript(file, redactor); VoteLog vl = new VoteLog(votesFile)) {
            try {
                check(client, target);
            } catch (ChatClient.Unavailable e) {
                err().println("mlops: " + e.getMessage());
                return ExitCode.SERVICE_UNAVAILABLE.code();
            }
            Registry r = reg.orElse(null);
            Repl.Setup setup = new Repl.Setup(target, other, !noStream, env.terminal().width(), who, env.clock(),
                    name -> {
                        if (r == null) {
                            throw new IllegalArgumentException("needs a registry (--registry FILE)");
                        }
                        return target(r, servedOrThrow(r, name));
                    }, env::path);
            Conversation c = new Conversation(id(env.clock().instant()), template, system, sampling);
            java.util.function.Function<java.io.PrintWriter, Repl> repl = w -> new Repl(setup, client, c, t, vl, w,
                    !interactive, this::id);
            Repl.Outcome o = interactive ? PlaygroundTerminal.run(repl, client, env)
                    : repl.apply(out()).run(PlaygroundTerminal.lines(env.stdin()));
            if (o.unavailable() != null) {
                return ExitCode.SERVICE_UNAVAILABLE.code();
            }
            err().printf("mlops: %d turn%s, %d without an answer; transcript %s%n", o.turns(), o.turns() == 1 ? "" : "s",
                    o.failed(), env.display(file));
            return o.failed() == 0 ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
        }
    }

    private int list(Target t) throws InterruptedException {
        try (ChatClient client = new ChatClient(env.http().get(), Duration.ofSeconds(timeout), d -> { },
                new SplittableRandom(), System::nanoTime)) {
            client.models(t).forEach(out()::println);
            out().flush();
            return ExitCode.OK.code();
        } catch (ChatClient.Unavailable e) {
            err().println("mlops: " + e.getMessage());
            return ExitCode.SERVICE_UNAVAILABLE.code();
        } catch (IOException e) {
            throw new MlopsException(ExitCode.SERVICE_UNAVAILABLE, t.endpoint() + "/models: " + e.getMessage());
        }
    }

    /** The server is there, and lists the model (a server with no /models route is taken at its word). */
    private void check(ChatClient client, Target t) throws IOException, InterruptedException {
        List<String> models = client.models(t);
        if (!models.isEmpty() && !models.contains(t.model())) {
            err().println("mlops: " + t.endpoint() + " lists no model " + t.model() + "; it has: "
                    + String.join(", ", models.subList(0, Math.min(10, models.size()))));
        }
    }

    private String id(Instant at) {
        return "pg-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(at)
                + "-" + Integer.toHexString(new SplittableRandom().nextInt(0x1000, 0x10000));
    }

    private Version served(Registry r, String id) {
        try {
            return servedOrThrow(r, id);
        } catch (IllegalArgumentException e) {
            throw new MlopsException(ExitCode.BAD_INPUT, env.display(r.file()) + ": " + e.getMessage());
        }
    }

    private static Version servedOrThrow(Registry r, String id) {
        Version v = r.version(id).orElseThrow(() -> new IllegalArgumentException("no version " + id));
        if (v.serving() == null) {
            throw new IllegalArgumentException("version " + id + " (line " + v.line() + ") has no serving: block "
                    + "{endpoint, model}");
        }
        return v;
    }

    private Target target(Registry r, Version v) {
        return new Target(v.id(), v.id(), v.serving().endpoint(), v.serving().model(), apiKey(v.serving().apiKeyEnv()));
    }

    private String apiKey(String fromRegistry) {
        if (key != null && key.key != null) {
            return key.key;
        }
        String var = key != null && key.env != null ? key.env : fromRegistry;
        if (var == null) {
            return null;
        }
        String v = env.vars().get(var);
        if (v == null || v.isEmpty()) {
            throw usage("the API key's variable " + var + " is not set");
        }
        return v;
    }

    private static String trim(String endpoint) {
        return endpoint.strip().replaceAll("/+$", "");
    }

    private static Double number(Version v, String name) {
        Object o = v.sampling().get(name);
        return o instanceof Number n ? n.doubleValue() : o == null ? null : Double.valueOf(o.toString());
    }

    private Integer integer(Version v) {
        Double d = number(v, "max_tokens");
        return d == null ? null : (int) Math.round(d);
    }

    private PromptTemplate template(Registry r, Version v) throws IOException {
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
