package dev.mlops.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * The chat completions API of an OpenAI-compatible server, over the JDK's HTTP client: a streamed
 * answer read as server-sent events (a role delta, content deltas, the finish reason, a last chunk
 * with the usage, then {@code [DONE]}), or a plain JSON one. The server's own error message is
 * kept; 408, 409, 429 and 5xx are retried ({@link Backoff}); a stream that stays silent longer than
 * the read timeout is cut. A server that cannot be reached at all is {@link Unavailable}.
 */
public final class ChatClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The server could not be reached: refused, unknown host, no connection within the connect timeout. */
    public static final class Unavailable extends IOException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** How the client waits between attempts (a test records the waits instead of sleeping). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient http;
    private final Duration readTimeout;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final LongSupplier nanos;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mlops-read-timeout");
        t.setDaemon(true);
        return t;
    });
    private volatile InputStream current;
    private volatile boolean cancelled;

    public ChatClient(HttpClient http, Duration readTimeout, Sleeper sleeper, RandomGenerator random, LongSupplier nanos) {
        this.http = http;
        this.readTimeout = readTimeout;
        this.sleeper = sleeper;
        this.random = random;
        this.nanos = nanos;
    }

    /** Stops the answer being read (Ctrl-C): what arrived is kept, marked cancelled. */
    public void cancel() {
        cancelled = true;
        InputStream in = current;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // it is being cut anyway
            }
        }
    }

    /** The models the server lists ({@code GET /models}); empty when it has no such route. */
    public List<String> models(Target t) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.endpoint() + "/models")).timeout(readTimeout).GET();
        auth(b, t);
        HttpResponse<String> r = send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), t);
        List<String> out = new ArrayList<>();
        if (r.statusCode() == 200) {
            for (JsonNode m : JSON.readTree(r.body()).path("data")) {
                out.add(m.path("id").asText());
            }
        }
        return out;
    }

    /**
     * Sends one request and reads its answer, printing each token as it arrives when streaming.
     *
     * @param body the request: messages and sampling; model and stream are set here
     */
    public Reply chat(Target t, ObjectNode body, boolean stream, Consumer<String> onToken)
            throws Unavailable, InterruptedException {
        ObjectNode request = body.deepCopy();
        request.put("model", t.model());
        request.put("stream", stream);
        if (stream) {
            request.putObject("stream_options").put("include_usage", true);
        }
        byte[] bytes = request.toString().getBytes(StandardCharsets.UTF_8);
        cancelled = false;
        long start = nanos.getAsLong();
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.endpoint() + "/chat/completions"))
                    .timeout(readTimeout).header("content-type", "application/json")
                    .header("accept", stream ? "text/event-stream" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            auth(b, t);
            HttpResponse<InputStream> r;
            try {
                r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream(), t);
            } catch (Unavailable e) {
                throw e;
            } catch (HttpTimeoutException e) {
                return Reply.error("timeout", "no answer within " + readTimeout.toSeconds() + " s (--timeout)",
                        ms(start), attempt);
            } catch (IOException e) {
                return Reply.error("connection", "the connection failed: " + e.getMessage(), ms(start), attempt);
            }
            int status = r.statusCode();
            if (status == 200) {
                return stream ? readStream(r.body(), start, attempt, onToken) : readJson(r.body(), start, attempt);
            }
            String text = drain(r.body());
            if (Backoff.retryable(status) && attempt <= Backoff.RETRIES) {
                sleeper.sleep(Backoff.delay(attempt - 1, r.headers(), random));
                continue;
            }
            return serverError(status, text, ms(start), attempt);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, Target t)
            throws IOException, InterruptedException {
        IOException last = null;
        for (int retry = 0; retry <= Backoff.RETRIES; retry++) {
            if (retry > 0) {
                sleeper.sleep(Backoff.delay(retry - 1, NO_HEADERS, random));
            }
            try {
                return http.send(request, handler);
            } catch (IOException e) {
                if (!unreachable(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new Unavailable(t.endpoint() + " does not answer (" + describe(last) + ")");
    }

    private static final java.net.http.HttpHeaders NO_HEADERS = java.net.http.HttpHeaders.of(java.util.Map.of(),
            (a, b) -> true);

    /** Refused, unknown host, or no connection in time: the server is not there (as opposed to a slow answer). */
    private static boolean unreachable(IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof ConnectException
                || e.getCause() instanceof java.nio.channels.UnresolvedAddressException;
    }

    private static String describe(IOException e) {
        if (e == null) {
            return "no connection";
        }
        String m = e.getMessage();
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within 5 s";
        }
        return m == null || m.isBlank() ? "connection refused" : m;
    }

    private static void auth(HttpRequest.Builder b, Target t) {
        if (t.apiKey() != null && !t.apiKey().isEmpty()) {
            b.header("authorization", "Bearer " + t.apiKey());
        }
    }

    private double ms(long start) {
        return (nanos.getAsLong() - start) / 1e6;
    }

    private Reply readStream(InputStream body, long start, int attempt, Consumer<String> onToken) {
        StringBuilder content = new StringBuilder();
        String finish = null;
        long in = -1;
        long out = -1;
        double ttft = Double.NaN;
        boolean done = false;
        long[] lastRead = {nanos.getAsLong()};
        boolean[] stalled = {false};
        current = body;
        var check = watchdog.scheduleAtFixedRate(() -> {
            if (nanos.getAsLong() - lastRead[0] > readTimeout.toNanos()) {
                stalled[0] = true;
                cancelQuietly(body);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                lastRead[0] = nanos.getAsLong();
                if (!line.isEmpty()) {
                    if (line.startsWith("data:")) {
                        data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
                    }
                    continue;   // event:, id:, retry: and comments carry nothing we use
                }
                if (data.length() == 0) {
                    continue;
                }
                String payload = data.toString();
                data.setLength(0);
                if (payload.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode chunk = JSON.readTree(payload);
                if (chunk.has("error")) {
                    JsonNode e = chunk.get("error");
                    return new Reply(content.toString(), finish, in, out, ttft, ms(start), errorType(e, 200),
                            e.path("message").asText("the server sent an error in the stream"), attempt);
                }
                JsonNode choice = choice0(chunk);
                if (choice != null) {
                    String token = choice.path("delta").path("content").asText("");
                    if (!token.isEmpty()) {
                        if (Double.isNaN(ttft)) {
                            ttft = ms(start);
                        }
                        content.append(token);
                        onToken.accept(token);
                    }
                    if (choice.hasNonNull("finish_reason")) {
                        finish = choice.get("finish_reason").asText();
                    }
                }
                JsonNode usage = chunk.path("usage");
                if (usage.isObject()) {
                    in = usage.path("prompt_tokens").asLong(-1);
                    out = usage.path("completion_tokens").asLong(-1);
                }
            }
        } catch (IOException e) {
            // cut below: cancelled, stalled or the connection dropped
        } finally {
            check.cancel(false);
            current = null;
        }
        if (cancelled) {
            return new Reply(content.toString(), "cancelled", in, out, ttft, ms(start), null, null, attempt);
        }
        if (stalled[0]) {
            return new Reply(content.toString(), finish, in, out, ttft, ms(start), "timeout",
                    "the stream was silent for more than " + readTimeout.toSeconds() + " s (--timeout)", attempt);
        }
        if (!done) {
            return new Reply(content.toString(), finish, in, out, ttft, ms(start), "stream_cut",
                    "the stream ended before [DONE], after " + content.length() + " characters", attempt);
        }
        return new Reply(content.toString(), finish, in, out, ttft, ms(start), null, null, attempt);
    }

    private static void cancelQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is the point
        }
    }

    /** The first choice (index 0), as a server that was asked for one choice, or for several, sends it. */
    private static JsonNode choice0(JsonNode chunk) {
        for (JsonNode c : chunk.path("choices")) {
            if (c.path("index").asInt(0) == 0) {
                return c;
            }
        }
        return null;
    }

    private Reply readJson(InputStream body, long start, int attempt) {
        try {
            JsonNode r = JSON.readTree(body);
            JsonNode choice = choice0(r);
            String content = choice == null ? "" : choice.path("message").path("content").asText("");
            String finish = choice == null || !choice.hasNonNull("finish_reason") ? null : choice.get("finish_reason").asText();
            JsonNode usage = r.path("usage");
            return new Reply(content, finish, usage.path("prompt_tokens").asLong(-1),
                    usage.path("completion_tokens").asLong(-1), Double.NaN, ms(start), null, null, attempt);
        } catch (IOException e) {
            return Reply.error("bad_response", "the answer is not JSON: " + e.getMessage(), ms(start), attempt);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            byte[] b = in.readNBytes(64 * 1024);
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The OpenAI error body's message, type and code, in one line; the raw text when it is not one. */
    static Reply serverError(int status, String body, double latencyMs, int attempts) {
        try {
            JsonNode e = JSON.readTree(body).path("error");
            if (e.isObject()) {
                String message = e.path("message").asText("");
                String code = e.path("code").isNull() ? "" : e.path("code").asText("");
                String type = e.path("type").asText("");
                String detail = (type.isEmpty() ? "" : type) + (code.isEmpty() ? "" : (type.isEmpty() ? "" : ", ") + code);
                return Reply.error(errorType(e, status), "HTTP " + status + ": " + message
                        + (detail.isEmpty() ? "" : " (" + detail + ")"), latencyMs, attempts);
            }
        } catch (IOException ignored) {
            // not JSON: the text itself
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return Reply.error("http_" + status, "HTTP " + status + (text.isEmpty() ? "" : ": "
                + (text.length() > 200 ? text.substring(0, 200) + "…" : text)), latencyMs, attempts);
    }

    private static String errorType(JsonNode e, int status) {
        String code = e.path("code").isNull() ? "" : e.path("code").asText("");
        String type = e.path("type").asText("");
        return !code.isEmpty() ? code : !type.isEmpty() ? type : "http_" + status;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
