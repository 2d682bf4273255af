package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.selection.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a new user broke in select: phones left unmasked, one DPO pair of a thousand, null contents, short near-duplicates. */
class SelectRegressionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(Cli.env(dir), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call me at +1 415 555 7324.", "Call (415) 555-7324 tomorrow", "Office: 020 7946 0958",
            "Ring +44 20 7946 0958, please", "or 415.555.7324!"})
    void shouldMaskEachPhoneFormat_alsoAtTheEndOfASentence(String text) {
        Redactor r = new Redactor(List.of("phone"));
        String masked = r.apply(text);
        assertTrue(masked.contains("[PHONE]"), masked);
        assertFalse(masked.matches(".*\\d{3}.*"), "no digits of the number left: " + masked);
        assertEquals(1L, r.counts().get("phone"));
    }

    @Test
    void shouldLeaveNumbersThatAreNotPhones() {
        Redactor r = new Redactor(List.of("phone"));
        for (String t : List.of("ip 192.168.100.200 here", "it costs 1234.56", "in 2026 we sold 12345", "pi is 3.14159")) {
            assertEquals(t, r.apply(t));
        }
    }

    @Test
    void shouldCountMaskedPhonesInTheReport() throws IOException {
        Files.writeString(dir.resolve("p.jsonl"), "{\"prompt\":\"call +1 415 555 7324.\",\"response\":\"ok\","
                + "\"input_tokens\":5,\"output_tokens\":1}\n{\"prompt\":\"fax (415) 555-7324\",\"response\":\"ok\","
                + "\"input_tokens\":6,\"output_tokens\":1}\n");
        Cli.Result r = run("select", "p.jsonl", "-n", "2", "--redact", "phone", "-o", "o.jsonl", "--report", "r.json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, JSON.readTree(dir.resolve("r.json").toFile()).path("redacted").path("phone").asLong());
    }

    /** 3,000 prompts with 1 to 3 rated answers each: 1,356 rated both ways; n = 1,000 gives exactly 1,000 pairs. */
    @Test
    void shouldWriteExactlyNDpoPairs_amongPromptsRatedBothWays() throws IOException {
        Random rnd = new Random(5);
        List<String> rows = new ArrayList<>();
        Set<String> both = new HashSet<>();
        for (int p = 0; p < 3000; p++) {
            int k = new int[] {1, 2, 2, 3}[rnd.nextInt(4)];
            Set<Integer> signs = new HashSet<>();
            for (int j = 0; j < k; j++) {
                int t = rnd.nextBoolean() ? 1 : -1;
                signs.add(t);
                rows.add(String.format("{\"prompt\":\"question %d about refunds\",\"response\":\"answer %d-%d\","
                        + "\"input_tokens\":%d,\"output_tokens\":%d,\"feedback\":{\"thumbs\":%d}}", p, p, j, 10 + p % 50,
                        20 + j, t));
            }
            if (signs.size() == 2) {
                both.add("question " + p + " about refunds");
            }
        }
        Collections.shuffle(rows, rnd);
        Files.write(dir.resolve("dpo.jsonl"), rows);
        Cli.Result r = run("select", "dpo.jsonl", "-n", "1000", "--output-format", "dpo", "-o", "pairs.jsonl",
                "--report", "report.json");
        assertEquals(0, r.exit(), r.toString());
        List<String> pairs = Files.readAllLines(dir.resolve("pairs.jsonl"));
        assertEquals(1000, pairs.size());
        Set<String> prompts = new HashSet<>();
        for (String line : pairs) {
            JsonNode o = JSON.readTree(line);
            assertTrue(both.contains(o.get("prompt").asText()), "only prompts rated both ways: " + line);
            assertTrue(prompts.add(o.get("prompt").asText()), "one pair a prompt");
            assertFalse(o.get("chosen").asText().equals(o.get("rejected").asText()));
        }
        JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
        assertEquals(both.size(), report.get("eligible_pairs").asLong());
        assertEquals(1000, report.get("picked").asLong());
        assertEquals(1000, report.get("strata").findValues("picked").stream().mapToLong(JsonNode::asLong).sum(),
                "the coverage table counts the pairs written");
        Cli.Result again = run("select", "dpo.jsonl", "-n", "1000", "--output-format", "dpo", "-o", "pairs2.jsonl");
        assertEquals(Files.readString(dir.resolve("pairs.jsonl")), Files.readString(dir.resolve("pairs2.jsonl")),
                "the same seed gives the same pairs");
    }

    @Test
    void shouldWriteChatFromMessages_neverNull_andSkipRecordsWithoutText() throws IOException {
        Files.write(dir.resolve("chat.jsonl"), List.of(
                "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"role\":\"assistant\",\"content\":\"hello\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"refund?\"}]}],\"response\":\"yes, within 30 days\",\"input_tokens\":9,\"output_tokens\":5}",
                "{\"prompt\":\"no answer\",\"input_tokens\":3,\"output_tokens\":0}",
                "{\"response\":\"no question\",\"input_tokens\":3,\"output_tokens\":2}",
                "{\"prompt\":\"plain\",\"response\":\"answer\",\"input_tokens\":4,\"output_tokens\":2}"));
        Cli.Result r = run("select", "chat.jsonl", "-n", "4", "--ok-only=false", "-o", "out.jsonl", "--report", "r.json");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = Files.readAllLines(dir.resolve("out.jsonl"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertFalse(String.join("\n", lines).contains("null"), String.join("\n", lines));
        JsonNode conversation = lines.stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(o -> o.get("messages").size() > 2).findFirst().orElseThrow();
        List<String> roles = new ArrayList<>();
        conversation.get("messages").forEach(m -> roles.add(m.get("role").asText()));
        assertEquals(List.of("system", "user", "assistant", "user", "assistant"), roles);
        assertEquals("refund?", conversation.get("messages").get(3).get("content").asText());
        assertEquals("yes, within 30 days", conversation.get("messages").get(4).get("content").asText());
        assertEquals(2, JSON.readTree(dir.resolve("r.json").toFile()).get("without_text_left_out").asLong());
    }

    /** 200 prompts that differ in their last word only: one near-duplicate cluster, whatever their length. */
    @ParameterizedTest
    @ValueSource(ints = {10, 20, 30})
    void shouldCollapseShortNearDuplicates(int words) throws IOException {
        String[] base = ("please tell me about the refund policy for my annual plan and what happens when i cancel "
                + "it early because it renewed without asking me first and charged my card twice").split(" ");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String> w = new ArrayList<>(List.of(base).subList(0, words - 1));
            w.add("word" + i);
            rows.add("{\"prompt\":\"" + String.join(" ", w) + "\",\"response\":\"ok\",\"input_tokens\":" + words
                    + ",\"output_tokens\":1}");
        }
        Files.write(dir.resolve("nd.jsonl"), rows);
        for (String t : List.of("0.8", "0.7")) {
            Cli.Result r = run("select", "nd.jsonl", "-n", "50", "--near-dup", t, "-o", "o.jsonl");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(1, Files.readAllLines(dir.resolve("o.jsonl")).size(), words + " words, --near-dup " + t);
        }
    }
}
