package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.playground.FakeOpenAi;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The playground in a script, against a local OpenAI-compatible server; its transcript read back by analyze and select. */
class PlaygroundCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private FakeOpenAi server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAi().models("support-bot-v11", "support-bot-v12");
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/v12.txt"), "You are a concise support assistant.\nQuestion: {{ question }}\n");
        Files.writeString(dir.resolve("registry.yaml"), String.join("\n",
                "schema_version: 1",
                "models:",
                "  support-bot:",
                "    versions:",
                "      - id: v11",
                "        stage: production",
                "        serving: {endpoint: '" + server.endpoint() + "', model: support-bot-v11}",
                "      - id: v12",
                "        stage: canary",
                "        prompt_template: {path: templates/v12.txt}",
                "        sampling: {temperature: 0.3, top_p: 0.9, max_tokens: 256}",
                "        serving: {endpoint: '" + server.endpoint() + "/', model: support-bot-v12, api_key_env: VLLM_KEY}",
                ""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli.Result run(String stdin, String... args) {
        Env e = Cli.withStdin(Cli.withVars(Cli.env(dir), Map.of("VLLM_KEY", "sk-test", "USER", "tess")),
                stdin.getBytes(StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>(List.of("playground", "--registry", "registry.yaml"));
        all.addAll(List.of(args));
        return Cli.run(e, all.toArray(new String[0]));
    }

    private List<JsonNode> transcript(String name) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve(name))) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void aScriptedSession_streamsEachAnswer_andWritesOneRecordPerTurn() throws Exception {
        server.then(FakeOpenAi.tokens("support-bot-v12", 20, "We", " refund", " within 30 days."))
                .then(FakeOpenAi.tokens("support-bot-v12", 31, "Yes", ", always."));
        Cli.Result r = run("How do refunds work?\nCan I always get one?\n/flag refund-promise promised a refund it cannot give\n",
                "--version", "v12", "--transcript", "t.jsonl");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("We refund within 30 days."), r.out());
        assertTrue(r.out().contains("20 → 3 tokens · stop"), r.out());
        assertTrue(r.out().contains("flagged refund-promise"), r.out());
        JsonNode first = server.requests().get(0);
        assertEquals("support-bot-v12", first.get("model").asText());
        assertEquals(0.3, first.get("temperature").asDouble());
        assertEquals(0.9, first.get("top_p").asDouble());
        assertEquals(256, first.get("max_tokens").asInt());
        assertEquals("system", first.get("messages").get(0).get("role").asText());
        assertEquals("You are a concise support assistant.", first.get("messages").get(0).get("content").asText());
        assertEquals("Question: How do refunds work?", first.get("messages").get(1).get("content").asText());
        assertEquals("Bearer sk-test", server.authorization().get(0), "the key from serving.api_key_env");
        JsonNode second = server.requests().get(1);
        assertEquals(4, second.get("messages").size(), "system, question, answer, question");
        assertEquals("We refund within 30 days.", second.get("messages").get(2).get("content").asText());
        List<JsonNode> t = transcript("t.jsonl");
        assertEquals(2, t.size());
        JsonNode a = t.get(0);
        assertEquals("v12", a.get("version").asText());
        assertEquals("playground", a.get("stage").asText());
        assertEquals("tess", a.get("user").asText());
        assertEquals(1, a.get("turn").asInt());
        assertEquals(a.get("conversation"), t.get(1).get("conversation"));
        assertEquals("How do refunds work?", a.get("prompt").asText());
        assertEquals(20, a.get("input_tokens").asInt());
        assertEquals(3, a.get("output_tokens").asInt());
        assertTrue(a.get("latency_ms").asDouble() > 0 && a.has("ttft_ms"));
        assertEquals("ok", a.get("status").asText());
        JsonNode flagged = t.get(1);
        assertEquals("refund-promise", flagged.get("flags").get(0).get("tag").asText());
        assertEquals("promised a refund it cannot give", flagged.get("flags").get(0).get("note").asText());
        assertEquals(-1, flagged.get("feedback").get("thumbs").asInt());
        assertFalse(a.get("feedback").has("thumbs"));
    }

    @Test
    void theTranscriptIsALog_analyzeAndSelectReadIt() throws Exception {
        server.always(FakeOpenAi.tokens("support-bot-v12", 12, "An", " answer", " here."));
        run("first question\n/good\nsecond question about my account\n/flag jailbreak\nthird question\n",
                "--version", "v12", "--transcript", "t.jsonl");
        server.always(FakeOpenAi.tokens("support-bot-v11", 9, "Older", " answer."));
        run("a question for v11\n", "--version", "v11", "--transcript", "t.jsonl");
        JsonNode analyzed = JSON.readTree(Cli.run(Cli.env(dir), "analyze", "t.jsonl", "--format", "json").out());
        JsonNode groups = analyzed.get("groups");
        assertEquals(2, groups.size());
        assertEquals("v11", groups.get(0).get("key").get("version").asText());
        assertEquals(1, groups.get(0).get("requests").asInt());
        assertEquals(3, groups.get(1).get("requests").asInt());
        assertEquals(3, groups.get(1).get("output_tokens").get("max").asInt());
        Cli.Result picked = Cli.run(Cli.env(dir), "select", "t.jsonl", "-n", "5", "--feedback", "negative",
                "--output-format", "record", "-o", "bad.jsonl");
        assertEquals(0, picked.exit(), picked.err());
        List<String> bad = Files.readAllLines(dir.resolve("bad.jsonl"));
        assertEquals(1, bad.size(), "only the flagged turn: " + bad);
        assertTrue(bad.get(0).contains("second question about my account") && bad.get(0).contains("jailbreak"));
    }

    @Test
    void errorsAreOneLine_theSessionGoesOn_andTheExitCodeSaysATurnFailed() throws Exception {
        server.then(FakeOpenAi.Answer.json(400, "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":"
                + "\"invalid_request_error\",\"param\":\"max_tokens\",\"code\":null}}"))
                .then(FakeOpenAi.tokens("support-bot-v12", 5, "ok"));
        Cli.Result r = run("too long\n/max 100\nshort\n", "--version", "v12", "--transcript", "t.jsonl");
        assertEquals(1, r.exit(), "a turn got no answer");
        assertTrue(r.out().contains("mlops: invalid_request_error: HTTP 400: max_tokens is too large (invalid_request_error)"),
                r.out());
        assertEquals(100, server.requests().get(1).get("max_tokens").asInt());
        assertEquals(2, server.requests().get(1).get("messages").size(), "the failed question was taken back");
        List<JsonNode> t = transcript("t.jsonl");
        assertEquals("error", t.get(0).get("status").asText());
        assertEquals("invalid_request_error", t.get(0).get("error_type").asText());
        assertEquals("ok", t.get(1).get("status").asText());
    }

    @Test
    void aServerThatIsDown_isExit69_inOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = run("hello\n", "--endpoint", "http://127.0.0.1:" + port + "/v1", "--model", "m", "--transcript",
                "t.jsonl");
        assertEquals(69, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("mlops: http://127.0.0.1:" + port + "/v1 does not answer"), r.err());
    }

    @Test
    void compare_showsBothSideBySide_andThePickIsAVoteThatCompareReads() throws Exception {
        server.then(FakeOpenAi.tokens("support-bot-v12", 10, "Answer", " from", " twelve."))
                .then(FakeOpenAi.tokens("support-bot-v11", 10, "Answer", " from", " eleven."))
                .then(FakeOpenAi.tokens("support-bot-v12", 10, "Again", " twelve."))
                .then(FakeOpenAi.tokens("support-bot-v11", 10, "Again", " eleven."));
        Cli.Result r = run("Which plan?\n/compare v11\n1\nAnd the price?\n/compare v11\nt\n", "--version", "v12",
                "--transcript", "t.jsonl");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" | "), "side by side: " + r.out());
        assertEquals(4, transcript("t.jsonl").size(), "each version's answer is a record");
        List<String> votes = Files.readAllLines(dir.resolve("t.votes.jsonl"));
        assertEquals(2, votes.size());
        JsonNode v = JSON.readTree(votes.get(0));
        assertTrue(v.get("model_a").asText().matches("v1[12]") && v.get("model_b").asText().matches("v1[12]"));
        Cli.Result c = Cli.run(Cli.env(dir), "compare", "t.votes.jsonl", "--bootstrap", "0", "--min-votes", "1");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("v11") && c.out().contains("v12"), c.out());
    }

    @Test
    void aVersionWithoutServing_isBadInput_andOptionsAreChecked() {
        Cli.Result none = run("", "--version", "v9");
        assertEquals(3, none.exit());
        assertTrue(none.err().contains("no version v9"), none.err());
        assertEquals(2, run("", "--version", "v12", "--temperature", "3").exit());
        assertEquals(2, run("", "--version", "v12", "--endpoint", "http://x/v1", "--model", "m").exit(),
                "--version or --endpoint and --model, not both");
        Cli.Result key = Cli.run(Cli.withStdin(Cli.env(dir), new byte[0]), "playground", "--registry", "registry.yaml",
                "--version", "v12");
        assertEquals(2, key.exit());
        assertTrue(key.err().contains("VLLM_KEY is not set"), key.err());
    }

    @Test
    void redact_masksWhatTheTesterTyped_beforeItIsWritten() throws Exception {
        server.always(FakeOpenAi.tokens("support-bot-v11", 4, "Noted."));
        run("my mail is ann@example.com\n", "--version", "v11", "--transcript", "t.jsonl", "--redact", "email");
        String text = Files.readString(dir.resolve("t.jsonl"));
        assertFalse(text.contains("ann@example.com"), text);
        assertTrue(text.contains("[EMAIL]") || text.contains("<email>") || text.contains("email"), text);
    }

    @Test
    void theServingBlockIsValidated_andShown() throws Exception {
        Cli.Result shown = Cli.run(Cli.env(dir), "registry", "show", "v12", "--registry", "registry.yaml");
        assertTrue(shown.out().contains("support-bot-v12 at " + server.endpoint()), shown.out());
        JsonNode json = JSON.readTree(Cli.run(Cli.env(dir), "registry", "show", "v12", "--registry", "registry.yaml",
                "--format", "json").out());
        JsonNode serving = json.findValue("serving");
        assertEquals(server.endpoint(), serving.get("endpoint").asText(), "the trailing / is dropped");
        assertEquals("VLLM_KEY", serving.get("api_key_env").asText());
        Files.writeString(dir.resolve("bad.yaml"), String.join("\n", "schema_version: 1", "models:", "  m:",
                "    versions:", "      - id: v1", "        serving: {endpoint: 'file:///etc/passwd', model: m}", ""));
        Cli.Result bad = Cli.run(Cli.env(dir), "registry", "list", "--registry", "bad.yaml");
        assertEquals(3, bad.exit());
        assertTrue(bad.err().startsWith("mlops: bad.yaml:6: ") && bad.err().contains("serving.endpoint"),
                bad.err());
    }

    @Test
    void theCommands_multiLineQuestions_aPlainAnswer_andCompareOnEveryTurn() throws Exception {
        String plain = "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"Plain.\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":1,\"total_tokens\":9}}";
        server.always(FakeOpenAi.Answer.json(200, plain));
        Cli.Result r = run("/system Be brief.\n/temp 0.1\nfirst line\\\nsecond line\n/save conv.json\n/reset\nagain\n/bogus\n",
                "--version", "v12", "--no-stream", "--transcript", "t.jsonl");
        assertEquals(0, r.exit(), r.err());
        JsonNode first = server.requests().get(0);
        assertFalse(first.get("stream").asBoolean());
        assertEquals("Be brief.", first.get("messages").get(0).get("content").asText(), "/system replaces the template's");
        assertEquals(0.1, first.get("temperature").asDouble());
        assertEquals("Question: first line\nsecond line", first.get("messages").get(1).get("content").asText(),
                "a line ending in \\ goes on");
        JsonNode saved = JSON.readTree(Files.readString(dir.resolve("conv.json")));
        assertEquals(3, saved.size(), "system, question, answer");
        assertEquals("Plain.", saved.get(2).get("content").asText());
        JsonNode afterReset = server.requests().get(1);
        assertEquals(2, afterReset.get("messages").size(), "a new conversation: system and the question");
        List<JsonNode> t = transcript("t.jsonl");
        assertFalse(t.get(0).get("conversation").equals(t.get(1).get("conversation")));
        assertFalse(t.get(0).has("ttft_ms"), "no first token to time without a stream");
        assertTrue(r.out().contains("unknown command /bogus"), r.out());

        server.always(FakeOpenAi.tokens("support-bot-v12", 5, "Same", " answer."));
        Cli.Result both = run("one\n2\ntwo\ns\n", "--version", "v12", "--compare", "v11", "--transcript", "c.jsonl",
                "--votes", "picks.jsonl");
        assertEquals(0, both.exit(), both.err());
        assertEquals(4, transcript("c.jsonl").size(), "two turns, each answered by both");
        assertEquals(1, Files.readAllLines(dir.resolve("picks.jsonl")).size(), "one pick, one skip");
        assertTrue(both.out().contains("skipped"));
    }

    @Test
    void listModels_andBashCompletesModelFromTheServer() throws Exception {
        Cli.Result listed = Cli.run(Cli.env(dir), "playground", "--endpoint", server.endpoint(), "--list-models");
        assertEquals(0, listed.exit(), listed.err());
        assertEquals("support-bot-v11\nsupport-bot-v12\n", listed.out());
        assertEquals(2, Cli.run(Cli.env(dir), "playground", "--endpoint", server.endpoint()).exit(), "--model is needed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "mlops() { '" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.mlops.Main \"$@\"; }\n"
                + "source " + Path.of("completions/mlops.bash").toAbsolutePath() + "\n"
                + "COMP_WORDS=(mlops playground --endpoint '" + server.endpoint() + "' --model support-bot-v1); "
                + "COMP_CWORD=5; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_mlops mlops support-bot-v1 --model\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '\n";
        Process p = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        assertEquals("support-bot-v11 support-bot-v12", out);
    }

    @Test
    void aRecordCutShortByACrash_isDropped_soTheNextTurnStartsALine() throws Exception {
        server.always(FakeOpenAi.tokens("support-bot-v11", 4, "Fine."));
        run("first\n", "--version", "v11", "--transcript", "t.jsonl");
        Files.writeString(dir.resolve("t.jsonl"), "{\"request_id\":\"half", java.nio.file.StandardOpenOption.APPEND);
        run("second\n", "--version", "v11", "--transcript", "t.jsonl");
        List<JsonNode> t = transcript("t.jsonl");
        assertEquals(2, t.size(), "two whole records, the half one gone");
        assertEquals("second", t.get(1).get("prompt").asText());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        for (String[] bad : List.of(new String[] {"--redact", "passport"}, new String[] {"--timeout", "0"},
                new String[] {"--max-tokens", "0"})) {
            List<String> args = new ArrayList<>(List.of("--version", "v11"));
            args.addAll(List.of(bad));
            Cli.Result r = run("", args.toArray(new String[0]));
            assertEquals(2, r.exit(), String.join(" ", bad));
            assertTrue(r.err().startsWith("mlops: " + bad[0]), r.err());
        }
    }
}
