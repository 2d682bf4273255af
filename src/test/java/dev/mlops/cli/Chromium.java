package dev.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium, driven over the DevTools protocol on 127.0.0.1 with the JDK's own
 * WebSocket: it opens a page from a file: URL at a given width and colour scheme, and reports every
 * network request the page made, every console error and uncaught exception, the page's width,
 * and a PNG screenshot.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one page load showed. */
    record Load(List<String> requests, List<String> errors, int scrollWidth, String background, int svgs, byte[] png) {
    }

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The browser on this machine: $CHROMIUM, else chromium, chromium-browser or google-chrome on the PATH. */
    static Optional<Path> binary() {
        List<String> names = new ArrayList<>();
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            names.add(env);
        }
        names.addAll(List.of("chromium", "chromium-browser", "google-chrome"));
        for (String n : names) {
            if (n.contains("/")) {
                if (Files.isExecutable(Path.of(n))) {
                    return Optional.of(Path.of(n));
                }
                continue;
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, n);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static Chromium start(Path binary, Path profile) throws Exception {
        Process p = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = listening.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("chromium exited before it listened");
        });
        int at;
        try {
            at = port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // the browser's own log: not the page's console
                }
            } catch (IOException ignored) {
                // closed
            }
        });
        drain.setDaemon(true);
        drain.start();
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String ws = null;
        for (JsonNode t : JSON.readTree(list)) {
            if (t.path("type").asText().equals("page")) {
                ws = t.get("webSocketDebuggerUrl").asText();
            }
        }
        if (ws == null) {
            p.destroyForcibly();
            throw new IllegalStateException("no page target: " + list);
        }
        Chromium[] self = new Chromium[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    self[0].receive(partial.toString());
                    partial.setLength(0);
                }
                s.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        self[0] = new Chromium(p, socket);
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            self[0].call(domain + ".enable", JSON.createObjectNode());
        }
        return self[0];
    }

    private void receive(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            } else {
                synchronized (events) {
                    events.add(m);
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode r = f.get(60, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    /** Opens {@code page} at {@code width} CSS pixels in the light or dark scheme and waits for it to load. */
    Load open(Path page, int width, boolean dark) throws Exception {
        ObjectNode metrics = JSON.createObjectNode().put("width", width).put("height", 900).put("deviceScaleFactor", 1)
                .put("mobile", width < 600);
        call("Emulation.setDeviceMetricsOverride", metrics);
        ObjectNode media = JSON.createObjectNode();
        media.putArray("features").addObject().put("name", "prefers-color-scheme").put("value", dark ? "dark" : "light");
        call("Emulation.setEmulatedMedia", media);
        synchronized (events) {
            events.clear();
        }
        String url = page.toUri().toString();
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (events) {
            while (events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the page did not load: " + url);
                }
                events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        Thread.sleep(300);
        List<String> requests = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                JsonNode p = e.path("params");
                switch (e.path("method").asText()) {
                    case "Network.requestWillBeSent" -> {
                        String u = p.path("request").path("url").asText();
                        if (!u.equals(url)) {
                            requests.add(u);
                        }
                    }
                    case "Runtime.consoleAPICalled" -> {
                        if (List.of("error", "assert", "warning").contains(p.path("type").asText())) {
                            errors.add("console." + p.path("type").asText() + ": " + p.path("args"));
                        }
                    }
                    case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
                    case "Log.entryAdded" -> {
                        if (List.of("error", "warning").contains(p.path("entry").path("level").asText())) {
                            errors.add("log: " + p.path("entry").path("text").asText());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        int scroll = eval("document.documentElement.scrollWidth").asInt();
        String background = eval("getComputedStyle(document.body).backgroundColor").asText();
        int svgs = eval("document.querySelectorAll('svg').length").asInt();
        byte[] png = Base64.getDecoder().decode(call("Page.captureScreenshot", JSON.createObjectNode()
                .put("format", "png")).get("data").asText());
        return new Load(requests, errors, scroll, background, svgs, png);
    }

    /** A screenshot of the page's top, at {@code scale}, for the README. */
    byte[] screenshot(int width, int height, double scale) throws Exception {
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", width).put("height", height)
                .put("scale", scale);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).get("data").asText());
    }

    JsonNode eval(String expression) throws Exception {
        return call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true))
                .path("result").path("value");
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser goes anyway
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
