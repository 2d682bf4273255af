package dev.mlops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of {@code mlops playground}: where the model is, how to sample, where the turns go. */
final class PlaygroundOptions {
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

    /** Checks what picocli cannot: ranges, and --model beside --endpoint. */
    void validate() {
        if (timeout < 1) {
            throw new MlopsException(ExitCode.USAGE, "--timeout must be at least 1 second");
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new MlopsException(ExitCode.USAGE, "--temperature must be from 0 to 2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new MlopsException(ExitCode.USAGE, "--max-tokens must be at least 1");
        }
        if (where.direct != null && where.direct.model == null && !listModels) {
            throw new MlopsException(ExitCode.USAGE, "--endpoint needs --model (--list-models shows what the server has)");
        }
    }
}
