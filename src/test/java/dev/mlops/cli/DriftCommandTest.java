package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"password", "reset", "invoice", "refund", "account", "login", "export",
            "data", "plan", "upgrade", "billing", "error", "api", "key"};

    @TempDir
    Path dir;
    Env env;

    @BeforeEach
    void setUp() {
        env = Cli.env(dir);
    }

    /** n requests from day `day`, one every 10 s; `shifted` raises output tokens 40% and adds "remote work" to 6% of prompts. */
    private Path log(String name, int n, int day, boolean shifted, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(86_400L * day);
        for (int i = 0; i < n; i++) {
            double out = Math.exp(4.8 + 0.7 * gauss(r)) * (shifted ? 1.4 : 1);
            StringBuilder p = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                p.append(k == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
            }
            if (shifted && r.nextDouble() < 0.06) {
                p.append(" remote work");
            }
            sb.append(String.format(Locale.ROOT, "{\"timestamp\":\"%s\",\"version\":\"%s\",\"segment\":\"%s\","
                            + "\"prompt\":\"%s\",\"input_tokens\":%d,\"output_tokens\":%d}%n",
                    t0.plusSeconds(10L * i), i % 2 == 0 ? "v11" : "v12", r.nextDouble() < 0.7 ? "free" : "pro", p,
                    (long) Math.exp(5.5 + 0.8 * gauss(r)), (long) out));
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    /** base.jsonl (day 0) and cur.jsonl (day 1, shifted), n requests each, from seeds 1 and 2. */
    private void shiftedPair(int n) throws IOException {
        log("base.jsonl", n, 0, false, 1);
        log("cur.jsonl", n, 1, true, 2);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void shouldFindDrift_namingTheFeatureAndTheRisingTerms() throws IOException {
        shiftedPair(3000);
        Cli.Result r = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("mlops.drift/v1", j.get("schema").asText());
        assertTrue(j.get("drifted").asBoolean());
        JsonNode g = j.get("groups").get(0);
        assertEquals(3000, g.get("n_baseline").asLong());
        boolean outputDrifted = false;
        boolean inputDrifted = true;
        for (JsonNode f : g.get("features")) {
            if (f.get("feature").asText().equals("output_tokens")) {
                outputDrifted = f.get("drifted").asBoolean();
                assertEquals("exact", f.get("method").asText());
            }
            if (f.get("feature").asText().equals("input_tokens")) {
                inputDrifted = f.get("drifted").asBoolean();
            }
        }
        assertTrue(outputDrifted);
        assertFalse(inputDrifted);
        boolean named = false;
        for (JsonNode t : g.get("terms").get("new")) {
            named |= t.get("term").asText().equals("remote work") && t.get("current").asLong() > 100;
        }
        assertTrue(named, g.get("terms").toString());
        assertTrue(j.get("max_psi").asDouble() > 0.1);
        Cli.Result fail = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--fail-on-drift");
        assertEquals(1, fail.exit());
        assertTrue(fail.out().contains("DRIFT"), fail.out());
    }

    /** A drift report is promotion evidence: its max_psi and features_drifted feed the drift gates. */
    @Test
    void shouldServeAsPromotionEvidence() throws IOException {
        shiftedPair(3000);
        Cli.Result r = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--format", "json",
                "-o", "drift.json");
        assertEquals(0, r.exit(), r.toString());
        var evidence = dev.mlops.release.Evidence.load(dir.resolve("drift.json"), "drift.json");
        var gates = java.util.List.of(new dev.mlops.registry.Gate("drift.psi", null, null, Double.NaN, 0.5, false, 1),
                new dev.mlops.registry.Gate("drift.features_drifted", null, null, Double.NaN, 0, false, 2));
        var results = dev.mlops.release.Gates.evaluate(gates, java.util.List.of(evidence), "v12");
        assertTrue(results.get(0).passed(), results.toString());
        assertEquals(evidence.json().get("max_psi").asDouble(), results.get(0).value(), 0.0, "the gate reads max_psi");
        assertFalse(results.get(1).passed(), "output tokens and prompt terms drifted");
        assertEquals(2, results.get(1).value());
    }

    @Test
    void shouldFindNoDrift_betweenTwoSamplesOfTheSameTraffic() throws IOException {
        log("a.jsonl", 3000, 0, false, 3);
        log("b.jsonl", 3000, 1, false, 4);
        Cli.Result r = Cli.run(env, "drift", "--baseline", "a.jsonl", "--current", "b.jsonl", "--fail-on-drift");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().endsWith("no drift\n"), r.out());
    }

    @Test
    void shouldCutOneLogByTime_andCompareEachVersionSeparately() throws IOException {
        Path base = log("base.jsonl", 2000, 0, false, 5);
        Path cur = log("cur.jsonl", 2000, 1, true, 6);
        Files.writeString(dir.resolve("all.jsonl"), Files.readString(base) + Files.readString(cur));
        Cli.Result r = Cli.run(env, "drift", "all.jsonl", "--baseline-until", "2026-11-02", "--by", "version",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(2, j.get("groups").size());
        assertEquals("v11", j.get("groups").get(0).get("key").get("version").asText());
        assertEquals(1000, j.get("groups").get(0).get("n_current").asLong());
        assertTrue(j.get("groups").get(1).get("drifted").asBoolean());
    }

    @Test
    void shouldPrintATimeline_ofRollingWindows() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int day = 0; day < 4; day++) {
            all.append(Files.readString(log("d" + day + ".jsonl", 1000, day, day == 3, 10 + day)));
        }
        Files.writeString(dir.resolve("all.jsonl"), all);
        Cli.Result r = Cli.run(env, "drift", "all.jsonl", "--window", "1d");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("drift timeline"), r.out());
        String[] rows = r.out().split("\n");
        assertTrue(rows[3].contains("2026-11-02T00:00:00Z") && rows[3].contains("no drift"), rows[3]);
        assertTrue(rows[5].contains("2026-11-04T00:00:00Z") && rows[5].contains("DRIFT"), rows[5]);
        assertTrue(rows[5].contains("output_tokens"), rows[5]);
    }

    @Test
    void shouldExitThree_whenAWindowIsTooSmallToJudge() throws IOException {
        log("base.jsonl", 3000, 0, false, 7);
        log("tiny.jsonl", 40, 1, true, 8);
        Cli.Result r = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "tiny.jsonl");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: cannot compare all: the current window has 40 records, fewer than --min-samples 100\n",
                r.err());
        assertEquals("", r.out(), "an empty window is never reported as no drift");
    }

    @Test
    void shouldApplyRulesFromYaml() throws IOException {
        shiftedPair(3000);
        Files.writeString(dir.resolve("rules.yaml"), "numeric: {min_wasserstein: 5}\ntext: {min_z: 50}\n");
        Cli.Result r = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--rules",
                "rules.yaml", "--fail-on-drift");
        assertEquals(0, r.exit(), r.toString());
        Files.writeString(dir.resolve("bad.yaml"), "numeric: {min_wasserstain: 5}\n");
        Cli.Result bad = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--rules",
                "bad.yaml");
        assertEquals(3, bad.exit());
        assertEquals("mlops: bad.yaml: numeric.min_wasserstain is not a drift rule (expected one of min_wasserstein)\n",
                bad.err());
    }

    @Test
    void shouldWriteCsvAndMarkdown_andReadAStopWordFile() throws IOException {
        shiftedPair(1000);
        Cli.Result csv = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--format", "csv");
        assertEquals(0, csv.exit(), csv.toString());
        String[] lines = csv.out().split("\n");
        assertTrue(lines[0].startsWith("group,window,feature,kind,test,statistic,p_value"), lines[0]);
        assertTrue(csv.out().contains("all,current,output_tokens,numeric,ks,"), csv.out());
        Cli.Result md = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--format",
                "markdown");
        assertTrue(md.out().contains("| feature | test | statistic |"), md.out());
        Files.writeString(dir.resolve("stop.txt"), "# words to ignore\nremote\nwork\n");
        Cli.Result stop = Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--stop-words",
                "stop.txt", "--format", "json");
        assertFalse(stop.out().contains("\"remote work\""), "stop words are not terms");
        assertTrue(Cli.run(env, "drift", "--baseline", "base.jsonl", "--current", "cur.jsonl", "--format", "json")
                .out().contains("\"remote work\""));
    }

    @Test
    void shouldExitTwo_onContradictoryWindows() throws IOException {
        log("a.jsonl", 200, 0, false, 1);
        assertEquals(2, Cli.run(env, "drift", "a.jsonl").exit());
        assertEquals(2, Cli.run(env, "drift", "--baseline", "a.jsonl").exit());
        assertEquals(2, Cli.run(env, "drift", "a.jsonl", "--window", "fortnight").exit());
        assertEquals(2, Cli.run(env, "drift", "--baseline", "a.jsonl", "--current", "a.jsonl", "--text", "both").exit());
    }
}
