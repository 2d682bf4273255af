package dev.mlops.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every mlops command. */
public enum ExitCode {
    OK(0, "ok"),
    CHECK_FAILED(1, "a check that was asked for failed (--fail-on-slo, --fail-on-drift, --fail-on-collapse, --fail-on), or a promotion gate failed"),
    USAGE(2, "usage error: unknown option, bad value, missing argument"),
    BAD_INPUT(3, "bad input: unreadable, empty or binary file, invalid registry, too many bad records"),
    SERVICE_UNAVAILABLE(69, "a service is unavailable: a model server that does not answer (sysexits EX_UNAVAILABLE)"),
    INTERNAL(70, "internal error (a bug: please report it with --verbose output)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** For picocli's exit code list in --help and the man pages. */
    public static Map<String, String> list() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ExitCode e : values()) {
            m.put(String.format(java.util.Locale.ROOT, "%3d", e.code), e.meaning);
        }
        return m;
    }
}
