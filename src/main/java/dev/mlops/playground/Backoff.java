package dev.mlops.playground;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator;

/**
 * When to try again: statuses 408, 409, 429 and 5xx, at most {@value #RETRIES} times; after the
 * server's {@code retry-after-ms} or {@code retry-after} when it is between 0 and 60 s, else
 * {@code min(0.5·2ⁿ, 8)} s less up to a quarter at random (n = the retries so far), as OpenAI's
 * own clients wait.
 */
final class Backoff {
    static final int RETRIES = 2;
    static final double MAX_SERVER_WAIT_S = 60;

    private Backoff() {
    }

    static boolean retryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500 && status <= 599;
    }

    static Duration delay(int retry, HttpHeaders headers, RandomGenerator random) {
        OptionalDouble server = serverWait(headers);
        if (server.isPresent()) {
            return Duration.ofNanos(Math.round(server.getAsDouble() * 1e9));
        }
        double s = Math.min(0.5 * Math.pow(2, retry), 8) * (1 - 0.25 * random.nextDouble());
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** The wait the server asked for, in seconds, when it is a number from 0 to 60. */
    static OptionalDouble serverWait(HttpHeaders headers) {
        OptionalDouble ms = number(headers.firstValue("retry-after-ms").orElse(null));
        if (ms.isPresent() && ms.getAsDouble() / 1000 <= MAX_SERVER_WAIT_S) {
            return OptionalDouble.of(ms.getAsDouble() / 1000);
        }
        OptionalDouble s = number(headers.firstValue("retry-after").orElse(null));
        if (s.isPresent() && s.getAsDouble() <= MAX_SERVER_WAIT_S) {
            return s;
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble number(String v) {
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            double d = Double.parseDouble(v.trim());
            return d >= 0 && Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
