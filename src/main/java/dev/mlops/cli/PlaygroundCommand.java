package dev.mlops.cli;

import dev.mlops.playground.ChatClient;
import dev.mlops.playground.Conversation;
import dev.mlops.playground.PromptTemplate;
import dev.mlops.playground.Repl;
import dev.mlops.playground.Target;
import dev.mlops.playground.Transcript;
import dev.mlops.preference.VoteLog;
import dev.mlops.registry.Registry;
import dev.mlops.registry.Version;
import dev.mlops.selection.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mlops playground}: testers try to break a staged version; every turn becomes a log record. */
@Command(name = "playground", sortOptions = false,
        description = {"Talk to a version on any OpenAI-compatible server (vLLM, TGI, llama.cpp, LiteLLM, OpenAI) "
                + "and keep every turn as a log record in --transcript, which analyze, drift, health and select "
                + "read. With --version the endpoint, model name, sampling and prompt template come from the "
                + "registry (the version's serving: block). On a terminal it is a line editor with history; "
                + "otherwise each line of standard input is a question or a command (/help lists them)."})
final class PlaygroundCommand extends PlainCommand {
    @Mixin
    PlaygroundOptions o;

    @Mixin
    RegistryOption registry;

    PlaygroundCommand(Env env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        o.validate();
        Redactor redactor;
        try {
            redactor = new Redactor(o.redact);
        } catch (IllegalArgumentException e) {
            throw usage("--redact: " + e.getMessage());
        }
        Optional<Registry> reg = registry.load(env);
        PlaygroundTargets targets = new PlaygroundTargets(env, o);
        Target target;
        Conversation.Sampling sampling;
        PromptTemplate template = PromptTemplate.none();
        if (o.where.version != null) {
            Registry r = reg.orElseThrow(() -> usage("--version needs a registry (--registry FILE or $MLOPS_REGISTRY)"));
            Version v = targets.served(r, o.where.version);
            target = targets.target(v);
            sampling = targets.sampling(v);
            template = targets.template(r, v);
        } else {
            target = targets.direct();
            sampling = new Conversation.Sampling(o.temperature, null, o.maxTokens);
        }
        Target other = null;
        if (o.compare != null) {
            Registry r = reg.orElseThrow(() -> usage("--compare needs a registry (--registry FILE)"));
            other = targets.target(targets.served(r, o.compare));
        }
        try (ChatClient client = new ChatClient(env.http().get(), Duration.ofSeconds(o.timeout),
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), new SplittableRandom(), System::nanoTime)) {
            List<String> models;
            try {
                models = client.models(target);
            } catch (ChatClient.Unavailable e) {
                err().println("mlops: " + e.getMessage());
                return ExitCode.SERVICE_UNAVAILABLE.code();
            } catch (IOException e) {
                err().println("mlops: " + target.endpoint() + "/models: " + e.getMessage());
                if (o.listModels) {
                    return ExitCode.SERVICE_UNAVAILABLE.code();
                }
                models = List.of();
            }
            if (o.listModels) {
                models.forEach(out()::println);
                return ExitCode.OK.code();
            }
            if (!models.isEmpty() && !models.contains(target.model())) {
                err().println("mlops: " + target.endpoint() + " lists no model " + target.model() + "; it has: "
                        + String.join(", ", models.subList(0, Math.min(10, models.size()))));
            }
            return session(client, target, other, sampling, template, redactor, reg.orElse(null), targets);
        }
    }

    private int session(ChatClient client, Target target, Target other, Conversation.Sampling sampling,
                        PromptTemplate template, Redactor redactor, Registry r, PlaygroundTargets targets)
            throws IOException, InterruptedException {
        boolean interactive = env.terminal().interactive() && env.terminal().stdout();
        Path file = env.path(o.transcript.toString());
        Path votes = o.votes != null ? env.path(o.votes.toString())
                : file.resolveSibling(file.getFileName().toString().replaceAll("\\.jsonl$", "") + ".votes.jsonl");
        try (Transcript t = new Transcript(file, redactor); VoteLog vl = new VoteLog(votes)) {
            Repl.Setup setup = new Repl.Setup(target, other, !o.noStream, env.terminal().width(), Who.user(env, o.tester),
                    env.clock(), name -> {
                        if (r == null) {
                            throw new IllegalArgumentException("needs a registry (--registry FILE)");
                        }
                        return targets.target(PlaygroundTargets.servedOrThrow(r, name));
                    }, env::path);
            Conversation c = new Conversation(id(env.clock().instant()), template, o.system, sampling);
            Function<PrintWriter, Repl> repl = w -> new Repl(setup, client, c, t, vl, w, !interactive, this::id);
            Repl.Outcome outcome = interactive ? PlaygroundTerminal.run(repl, client, env)
                    : repl.apply(out()).run(PlaygroundTerminal.lines(env.stdin()));
            if (outcome.unavailable() != null) {
                return ExitCode.SERVICE_UNAVAILABLE.code();
            }
            err().printf("mlops: %d turn%s, %d without an answer; transcript %s%n", outcome.turns(),
                    outcome.turns() == 1 ? "" : "s", outcome.failed(), env.display(file));
            return outcome.failed() == 0 ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
        }
    }

    private String id(Instant at) {
        return "pg-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(at)
                + "-" + Integer.toHexString(new SplittableRandom().nextInt(0x1000, 0x10000));
    }
}
