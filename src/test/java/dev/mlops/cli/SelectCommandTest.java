package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = ("refund invoice account password reset plan upgrade billing export data "
            + "login error api key shipping order delivery payment card team member access limit").split(" ");

    @TempDir
    Path dir;
    Env env;

    @BeforeEach
    void setUp() {
        env = Cli.env(dir);
    }

    /** n records with distinct prompts, log-normal token counts, two segments; every 40th an error. */
    private Path log(String name, int n, long seed, int pad) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            StringBuilder p = new StringBuilder("q" + seed + "-" + i);
            for (int k = 0; k < 10; k++) {
                p.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
            }
            sb.append(String.format(Locale.ROOT, "{\"request_id\":\"%d-%d\",\"segment\":\"%s\",\"prompt\":\"%s\","
                            + "\"response\":\"answer %d %s\",\"input_tokens\":%d,\"output_tokens\":%d,"
                            + "\"feedback\":{\"thumbs\":%d}%s}%n", seed, i, r.nextDouble() < 0.8 ? "free" : "pro", p, i,
                    "x".repeat(pad), (long) Math.exp(5 + r.nextGaussian()), (long) Math.exp(4 + 0.7 * r.nextGaussian()),
                    r.nextDouble() < 0.7 ? 1 : -1, i % 40 == 0 ? ",\"status\":\"error\"" : ""));
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    private Cli.Result select(String... args) {
        return Cli.run(env, args);
    }

    @Test
    void shouldPickNRecords_coveringTheTailBins_withACoverageReport() throws IOException {
        log("logs.jsonl", 5000, 1, 0);
        Cli.Result r = select("select", "logs.jsonl", "-n", "500", "--by", "segment", "-o", "picked.jsonl",
                "--report", "report.json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(500, Files.readAllLines(dir.resolve("picked.jsonl")).size());
        JsonNode rep = JSON.readTree(dir.resolve("report.json").toFile());
        assertEquals("mlops.select/v1", rep.get("schema").asText());
        long sum = 0;
        for (JsonNode s : rep.get("strata")) {
            sum += s.get("picked").asLong();
            if (s.get("stratum").asText().startsWith("p99-p100") && s.get("key").get("segment").asText().equals("free")) {
                assertTrue(s.get("source").asLong() > 0, "the top tail bin holds records");
            }
        }
        assertEquals(500, sum);
        assertTrue(rep.get("js_distance").get("length_bin").asDouble() < 0.05, rep.get("js_distance").toString());
        JsonNode first = JSON.readTree(Files.readAllLines(dir.resolve("picked.jsonl")).get(0));
        assertEquals("user", first.get("messages").get(0).get("role").asText());
        assertEquals("assistant", first.get("messages").get(1).get("role").asText());
    }

    @Test
    void shouldGiveTheSameBytes_whateverTheThreadsOrTheOrderOfFiles() throws IOException {
        log("a.jsonl", 30_000, 2, 1200);
        log("b.jsonl", 10_000, 3, 0);
        assertTrue(Files.size(dir.resolve("a.jsonl")) > (33L << 20), "a.jsonl is cut into parts");
        String[] base = {"select", "-n", "300", "--seed", "7", "--by", "segment", "--output-format", "record"};
        Cli.Result one = select(concat(base, "a.jsonl", "b.jsonl", "--threads", "1", "-o", "one.jsonl"));
        Cli.Result two = select(concat(base, "b.jsonl", "a.jsonl", "--threads", "2", "-o", "two.jsonl"));
        assertEquals(0, one.exit(), one.toString());
        assertEquals(0, two.exit(), two.toString());
        assertEquals(Files.readString(dir.resolve("one.jsonl")), Files.readString(dir.resolve("two.jsonl")));
        Cli.Result other = select(concat(new String[] {"select", "-n", "300", "--seed", "8", "--by", "segment",
                "--output-format", "record"}, "a.jsonl", "b.jsonl", "-o", "other.jsonl"));
        assertEquals(0, other.exit());
        assertFalse(Files.readString(dir.resolve("one.jsonl")).equals(Files.readString(dir.resolve("other.jsonl"))),
                "another seed, another sample");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * 200 paraphrases of one prompt, each differing from it by one word, yield at most one pick. With
     * 24 distinct words, two paraphrases share 22 of 26: Jaccard 0.85, above the default 0.8 (a
     * shorter prompt's one-word paraphrases are not 0.8-similar, by definition).
     */
    @Test
    void shouldPickAtMostOneOfManyNearDuplicates() throws IOException {
        StringBuilder sb = new StringBuilder(Files.readString(log("base.jsonl", 300, 4, 0)));
        String[] prompt = ("please tell me how could someone obtain a full refund for the annual premium plan "
                + "which was bought last month by mistake using my company card").split(" ");
        for (int i = 0; i < 200; i++) {
            String[] p = prompt.clone();
            p[i % p.length] = "w" + i;
            sb.append(String.format(Locale.ROOT, "{\"prompt\":\"%s\",\"response\":\"r%d\",\"input_tokens\":%d,"
                    + "\"output_tokens\":%d}%n", String.join(" ", p), i, 100 + i % 50, 40 + i % 30));
        }
        Files.writeString(dir.resolve("dups.jsonl"), sb);
        Cli.Result r = select("select", "dups.jsonl", "-n", "400", "--output-format", "record", "-o", "picked.jsonl");
        assertEquals(0, r.exit(), r.toString());
        long paraphrases = Files.readAllLines(dir.resolve("picked.jsonl")).stream()
                .filter(l -> l.contains("annual plan")).count();
        assertTrue(paraphrases <= 1, "picked " + paraphrases);
        assertTrue(r.err().contains("picked "), r.err());
    }

    @Test
    void shouldMaskEachPattern_andTouchNothingElse() throws IOException {
        Files.writeString(dir.resolve("pii.jsonl"), String.join("\n",
                "{\"prompt\":\"mail me at jane.doe@example.com or call +1 415-555-0132\",\"response\":\"ok\",\"input_tokens\":10,\"output_tokens\":2}",
                "{\"prompt\":\"my card 4111 1111 1111 1111 was charged from 192.168.10.7\",\"response\":\"ok\",\"input_tokens\":11,\"output_tokens\":2}",
                "{\"prompt\":\"order 1234567890123 shipped to 10 Downing St, version 1.2.3\",\"response\":\"ok\",\"input_tokens\":12,\"output_tokens\":2}",
                ""));
        Cli.Result r = select("select", "pii.jsonl", "-n", "3", "--redact", "email,phone,ip,credit-card", "-o",
                "out.jsonl", "--report", "rep.json");
        assertEquals(0, r.exit(), r.toString());
        String out = Files.readString(dir.resolve("out.jsonl"));
        assertTrue(out.contains("mail me at [EMAIL] or call [PHONE]"), out);
        assertTrue(out.contains("my card [CREDIT_CARD] was charged from [IP]"), out);
        assertTrue(out.contains("order 1234567890123 shipped to 10 Downing St, version 1.2.3"), "not a card, not an ip: " + out);
        JsonNode red = JSON.readTree(dir.resolve("rep.json").toFile()).get("redacted");
        assertEquals(1, red.get("email").asLong());
        assertEquals(1, red.get("phone").asLong());
        assertEquals(1, red.get("ip").asLong());
        assertEquals(1, red.get("credit-card").asLong());
    }

    /** The round trip: analyze on the selection shows the intended distribution. */
    @Test
    void shouldRoundTrip_throughAnalyze() throws IOException {
        log("logs.jsonl", 6000, 5, 0);
        assertEquals(0, select("select", "logs.jsonl", "-n", "1000", "--output-format", "record", "-o", "prop.jsonl",
                "--report", "prop.json").exit());
        assertEquals(0, select("select", "logs.jsonl", "-n", "1000", "--allocate", "equal", "--output-format", "record",
                "-o", "equal.jsonl", "--report", "equal.json").exit());
        JsonNode source = JSON.readTree(Cli.run(env, "analyze", "logs.jsonl", "--format", "json").out()).get("overall");
        JsonNode prop = JSON.readTree(Cli.run(env, "analyze", "prop.jsonl", "--format", "json").out()).get("overall");
        JsonNode eq = JSON.readTree(Cli.run(env, "analyze", "equal.jsonl", "--format", "json").out()).get("overall");
        assertEquals(0, prop.get("errors").asLong(), "--ok-only by default");
        double srcP50 = source.get("input_tokens").get("p50").asDouble();
        assertEquals(srcP50, prop.get("input_tokens").get("p50").asDouble(), srcP50 * 0.15, "proportional mirrors usage");
        assertTrue(eq.get("input_tokens").get("p99").asDouble() > prop.get("input_tokens").get("p99").asDouble(),
                "equal allocation over-represents the long tail");
        // equal: the 1% tail bin (about 60 eligible) gives all it has; the other four share the rest evenly
        JsonNode strata = JSON.readTree(dir.resolve("equal.json").toFile()).get("strata");
        JsonNode tail = strata.get(4);
        assertEquals(tail.get("source").asLong(), tail.get("picked").asLong(), tail.toString());
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (int i = 0; i < 4; i++) {
            lo = Math.min(lo, strata.get(i).get("picked").asLong());
            hi = Math.max(hi, strata.get(i).get("picked").asLong());
        }
        assertTrue(hi - lo <= 1, strata.toString());
        long total = 0;
        for (JsonNode st : strata) {
            total += st.get("picked").asLong();
        }
        assertEquals(1000, total);
    }

    @Test
    void shouldDecodeTextOnlyForRecordsThatCanStillBePicked() throws IOException {
        log("logs.jsonl", 20_000, 6, 0);
        int[] wanted = {0};
        var strata = new dev.mlops.selection.Strata("total", List.of(), dev.mlops.selection.Strata.DEFAULT_BINS,
                new double[] {0, 100, 200, 400, 2000, 1e9});
        var eligible = new dev.mlops.selection.Eligibility(dev.mlops.analysis.RecordFilter.all(), true, "any",
                "feedback.thumbs");
        var capacity = new java.util.HashMap<String, Long>();
        for (int b = 0; b < 5; b++) {
            capacity.put(b + "\u0001", 20L);
        }
        var res = new dev.mlops.selection.Reservoirs(strata, eligible, capacity, 1, null);
        dev.mlops.logs.Selective counting = new dev.mlops.logs.Selective() {
            @Override
            public boolean wants(dev.mlops.logs.LogRecord r, long hash) {
                assertEquals(null, r.prompt(), "no text before it is wanted");
                boolean w = res.wants(r, hash);
                wanted[0] += w ? 1 : 0;
                return w;
            }

            @Override
            public void acceptWhole(dev.mlops.logs.LogRecord r, long hash, String raw) {
                assertTrue(r.prompt().startsWith("q6-"));
                res.acceptWhole(r, hash, raw);
            }
        };
        var scan = dev.mlops.logs.LogScan.run(List.of(dev.mlops.logs.LogInput.file(dir.resolve("logs.jsonl"))),
                dev.mlops.logs.ReadOptions.defaults(), () -> counting, (a, b) -> { });
        assertEquals(20_000, scan.records());
        assertTrue(wanted[0] < 2000, "text decoded for " + wanted[0] + " of 20,000 records");
    }

    @Test
    void shouldWriteDpoPairs_fromPromptsRatedBothWays() throws IOException {
        Files.writeString(dir.resolve("pref.jsonl"), String.join("\n",
                "{\"prompt\":\"reset my password\",\"response\":\"Click Forgot password.\",\"feedback\":{\"thumbs\":1},\"input_tokens\":5,\"output_tokens\":4}",
                "{\"prompt\":\"reset my password\",\"response\":\"I cannot help.\",\"feedback\":{\"thumbs\":-1},\"input_tokens\":5,\"output_tokens\":3}",
                "{\"prompt\":\"cancel my plan\",\"response\":\"Done.\",\"feedback\":{\"thumbs\":1},\"input_tokens\":4,\"output_tokens\":1}",
                ""));
        Cli.Result r = select("select", "pref.jsonl", "-n", "10", "--output-format", "dpo", "--dedup-on", "response");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("{\"prompt\":\"reset my password\",\"chosen\":\"Click Forgot password.\",\"rejected\":\"I cannot help.\"}\n",
                r.out());
    }

    @Test
    void shouldTakeDpoPairsFromAPreferenceFile_forPromptsTheLogsDoNotRateBothWays() throws IOException {
        Files.writeString(dir.resolve("logs.jsonl"), "{\"prompt\":\"Cancel my plan\",\"response\":\"Done.\","
                + "\"input_tokens\":4,\"output_tokens\":1}\n");
        Files.writeString(dir.resolve("prefs.jsonl"), "{\"prompt\":\"cancel my plan!\",\"chosen\":\"Cancelled; "
                + "you keep access until the 30th.\",\"rejected\":\"Done.\"}\n");
        Cli.Result r = select("select", "logs.jsonl", "-n", "5", "--output-format", "dpo", "--preferences", "prefs.jsonl");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("{\"prompt\":\"Cancel my plan\",\"chosen\":\"Cancelled; you keep access until the 30th.\","
                + "\"rejected\":\"Done.\"}\n", r.out());
        Files.writeString(dir.resolve("bad.jsonl"), "{\"prompt\":\"x\",\"chosen\":1}\n");
        Cli.Result bad = select("select", "logs.jsonl", "-n", "5", "--output-format", "dpo", "--preferences", "bad.jsonl");
        assertEquals(3, bad.exit());
        assertEquals("mlops: bad.jsonl:1: chosen is missing or not a string\n", bad.err());
    }

    @Test
    void shouldAllocateByWeightsFromAFile_namedByBin() throws IOException {
        log("logs.jsonl", 4000, 7, 0);
        Files.writeString(dir.resolve("weights.yaml"), "p90-p99: 3\np99-p100: 1\n");
        Cli.Result r = select("select", "logs.jsonl", "-n", "80", "--allocate", "weights.yaml", "-o", "w.jsonl",
                "--report", "w.json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode strata = JSON.readTree(dir.resolve("w.json").toFile()).get("strata");
        assertEquals(0, strata.get(0).get("picked").asLong());
        assertEquals(60, strata.get(3).get("picked").asLong());
        assertEquals(20, strata.get(4).get("picked").asLong());
        Files.writeString(dir.resolve("bad.yaml"), "p42-p43: 1\n");
        Cli.Result bad = select("select", "logs.jsonl", "-n", "80", "--allocate", "bad.yaml");
        assertEquals(3, bad.exit());
        assertTrue(bad.err().startsWith("mlops: bad.yaml: 'p42-p43' names no stratum; strata: p0-p10"), bad.err());
    }

    /** A-Res: a record of weight 0 is never picked; heavier records are picked more often. */
    @Test
    void shouldSampleByWeight() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append(String.format(Locale.ROOT, "{\"prompt\":\"p%d unique words here %d\",\"response\":\"r\","
                    + "\"input_tokens\":100,\"output_tokens\":50,\"boost\":%d}%n", i, i, i % 3 == 0 ? 0 : i % 3 == 1 ? 1 : 9));
        }
        Files.writeString(dir.resolve("w.jsonl"), sb);
        Cli.Result r = select("select", "w.jsonl", "-n", "200", "--weight", "boost", "--output-format", "record");
        assertEquals(0, r.exit(), r.toString());
        long zero = r.out().lines().filter(l -> l.contains("\"boost\":0")).count();
        long one = r.out().lines().filter(l -> l.contains("\"boost\":1")).count();
        long nine = r.out().lines().filter(l -> l.contains("\"boost\":9")).count();
        assertEquals(0, zero);
        assertEquals(200, one + nine);
        assertTrue(nine > 3 * one, one + " vs " + nine);
    }

    /** --ok-only (the default) drops errors; --no-ok-only keeps them; --feedback keeps one side of the thumbs. */
    @Test
    void shouldFilterByOutcomeAndFeedback() throws IOException {
        log("logs.jsonl", 2000, 8, 0);
        String ok = select("select", "logs.jsonl", "-n", "2000", "--output-format", "record").out();
        String all = select("select", "logs.jsonl", "-n", "2000", "--no-ok-only", "--output-format", "record").out();
        assertFalse(ok.contains("\"status\":\"error\""));
        assertEquals(50, all.lines().filter(l -> l.contains("\"status\":\"error\"")).count(), "every 40th of 2,000");
        String positive = select("select", "logs.jsonl", "-n", "2000", "--feedback", "positive", "--output-format",
                "record").out();
        assertTrue(positive.lines().count() > 0);
        assertTrue(positive.lines().allMatch(l -> l.contains("\"thumbs\":1")), "only thumbs up");
        String negative = select("select", "logs.jsonl", "-n", "2000", "--feedback", "negative", "--output-format",
                "record").out();
        assertTrue(negative.lines().allMatch(l -> l.contains("\"thumbs\":-1")), "only thumbs down");
        assertEquals(2, select("select", "logs.jsonl", "-n", "5", "--feedback", "mixed").exit());
    }

    @Test
    void shouldRefuseBadOptions() throws IOException {
        log("logs.jsonl", 100, 1, 0);
        assertEquals(2, select("select", "logs.jsonl", "-n", "0").exit());
        assertEquals(2, select("select", "logs.jsonl", "-n", "5", "--output-format", "parquet").exit());
        assertEquals(2, select("select", "logs.jsonl", "-n", "5", "--redact", "ssn").exit());
        assertEquals(2, select("select", "logs.jsonl", "-n", "5", "--length-bins", "0,0.5,0.4,1").exit());
        assertEquals(3, select("select", "logs.jsonl", "-n", "5", "--allocate", "weights.yaml").exit());
    }

    @Test
    void shouldNameTheSamplingOptionThatIsWrong() throws IOException {
        log("logs.jsonl", 100, 1, 0);
        Map<List<String>, String> cases = Map.of(
                List.of("--dedup-on", "title"), "--dedup-on title: expected prompt, response or both",
                List.of("--near-dup", "0"), "--near-dup takes a Jaccard similarity in (0, 1]",
                List.of("--near-dup", "1.5"), "--near-dup takes a Jaccard similarity in (0, 1]",
                List.of("--length-bins", "0,0.5"), "--length-bins must start at 0 and end at 1",
                List.of("--length-bins", "0,1.2"), "--length-bins takes increasing quantiles from 0 to 1",
                List.of("--redact", "ssn"), "--redact: ");
        cases.forEach((opts, message) -> {
            List<String> args = new ArrayList<>(List.of("select", "logs.jsonl", "-n", "5"));
            args.addAll(opts);
            Cli.Result r = select(args.toArray(String[]::new));
            assertEquals(2, r.exit(), opts.toString());
            assertTrue(r.err().startsWith("mlops: " + message), opts + ": " + r.err());
        });
        Cli.Result missing = select("select", "logs.jsonl", "-n", "5", "--allocate", "weights.yaml");
        assertEquals("mlops: weights.yaml: no such file (--allocate takes proportional, equal, sqrt or a YAML file)\n",
                missing.err());
    }
}
