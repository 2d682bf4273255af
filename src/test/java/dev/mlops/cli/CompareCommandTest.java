package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mlops compare on GOLDEN.md's votes, on the real PRD reviews, and on each input format. */
class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PRD = RealDataTest.DATA.resolve("prd-vicuna80-gpt4-reviewer");

    @TempDir
    Path dir;

    private JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        Cli.Result r = Cli.run(Cli.env(dir), all.toArray(new String[0]));
        assertEquals(0, r.exit(), r.toString());
        return JSON.readTree(r.out());
    }

    private static JsonNode model(JsonNode report, String name) {
        for (JsonNode m : report.get("models")) {
            if (m.get("model").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no " + name);
    }

    /** GOLDEN.md's votes, in its order: A>B ×3, B>A ×1, B>C ×3, C>B ×1, A>C ×2, C>A ×2, one A–B tie. */
    private Path goldenVotes() throws IOException {
        String[][] v = {{"A", "B", "model_a"}, {"A", "B", "model_a"}, {"A", "B", "model_a"}, {"B", "A", "model_a"},
                {"B", "C", "model_a"}, {"B", "C", "model_a"}, {"B", "C", "model_a"}, {"C", "B", "model_a"},
                {"A", "C", "model_a"}, {"A", "C", "model_a"}, {"C", "A", "model_a"}, {"C", "A", "model_a"},
                {"A", "B", "tie"}};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(String.format("{\"id\":\"q%d\",\"model_a\":\"%s\",\"model_b\":\"%s\",\"winner\":\"%s\","
                    + "\"first_shown\":\"model_a\",\"judge\":\"ann\",\"timestamp\":\"2026-11-01T00:00:%02dZ\"}%n",
                    i, v[i][0], v[i][1], v[i][2], i));
        }
        return Files.writeString(dir.resolve("votes.jsonl"), sb);
    }

    @Test
    void bradleyTerryAndElo_matchTheGoldenValues() throws IOException {
        goldenVotes();
        JsonNode bt = json("compare", "votes.jsonl", "--min-votes", "1", "--bootstrap", "200");
        assertEquals("mlops.compare/v1", bt.get("schema").asText());
        assertEquals(1055.1484, model(bt, "A").get("rating").asDouble(), 1e-4);
        assertEquals(1004.3215, model(bt, "B").get("rating").asDouble(), 1e-4);
        assertEquals(940.5301, model(bt, "C").get("rating").asDouble(), 1e-4);
        assertEquals("A", bt.get("models").get(0).get("model").asText(), "best first");
        assertTrue(model(bt, "A").get("rating_low").asDouble() < 1055.1484
                && model(bt, "A").get("rating_high").asDouble() > 1055.1484);
        JsonNode elo = json("compare", "votes.jsonl", "--method", "elo", "--bootstrap", "0", "--min-votes", "1");
        assertEquals(1003.5750, model(elo, "A").get("rating").asDouble(), 1e-4);
        assertEquals(1000.1076, model(elo, "B").get("rating").asDouble(), 1e-4);
        assertEquals(996.3174, model(elo, "C").get("rating").asDouble(), 1e-4);
        JsonNode anchored = json("compare", "votes.jsonl", "--anchor", "C=800", "--bootstrap", "0", "--min-votes", "1");
        assertEquals(800 + 1055.1484 - 940.5301, model(anchored, "A").get("rating").asDouble(), 1e-4);
        JsonNode pinned = model(json("compare", "votes.jsonl", "--anchor", "C=800", "--bootstrap", "50", "--min-votes", "1"), "C");
        assertEquals(800, pinned.get("rating_low").asDouble(), 1e-9, "every bootstrap fit is anchored too");
        assertEquals(800, pinned.get("rating_high").asDouble(), 1e-9);
        Cli.Result csv = Cli.run(Cli.env(dir), "compare", "votes.jsonl", "--bootstrap", "0", "--min-votes", "1", "--format", "csv");
        String table = csv.out().lines().filter(l -> !l.startsWith("# ")).collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(csv.out().startsWith("# warning: judge ann favours the answer shown first"), "warnings first: " + csv.out());
        assertTrue(table.startsWith("rank,model,rating,rating_low,rating_high,votes,wins,losses,ties,win_rate,"
                + "win_rate_vs_A,win_rate_vs_B,win_rate_vs_C\n1,A,"), csv.out());
        // A against B: 3 wins, 1 loss, 1 tie of 5; against C: 2 of 4
        assertTrue(csv.out().lines().anyMatch(l -> l.startsWith("1,A,") && l.endsWith(",,0.7,0.5")), csv.out());
        JsonNode unranked = json("compare", "votes.jsonl", "--bootstrap", "0");
        assertTrue(model(unranked, "C").get("rank").isNull(), "8 votes, fewer than --min-votes 10");
        assertTrue(unranked.get("warnings").toString().contains("C has 8 votes, fewer than --min-votes 10"));
    }

    /** ../shared/data/README.md: the published win rates, and this reviewer's position bias (848 of 1,360). */
    @Test
    void thePrdReviews_giveThePublishedWinRatesAndPositionBias() throws IOException {
        assumeTrue(Files.isDirectory(PRD), "skipped: ../shared/data/prd-vicuna80-gpt4-reviewer is missing");
        List<String> args = new ArrayList<>(List.of("compare"));
        try (var s = Files.list(PRD)) {
            s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(p -> args.add(p.toString()));
        }
        args.addAll(List.of("--models-from-name", "answer_(.+?)-vs-answer_(.+?)-gpt4", "--bootstrap", "100"));
        JsonNode j = json(args.toArray(new String[0]));
        assertEquals(1600, j.get("votes").asLong());
        assertEquals(240, j.get("ties").asLong());
        assertEquals(0.85625, model(j, "gpt4").get("win_rate").asDouble(), 1e-12);
        assertEquals(0.70859375, model(j, "claude").get("win_rate").asDouble(), 1e-12);
        assertEquals(0.3484375, model(j, "vicuna-13b").get("win_rate").asDouble(), 1e-12);
        assertEquals(0.3421875, model(j, "gpt35").get("win_rate").asDouble(), 1e-12);
        assertEquals(0.24453125, model(j, "bard").get("win_rate").asDouble(), 1e-12);
        JsonNode all = j.get("position_bias").get(0);
        assertEquals("(all judges)", all.get("judge").asText());
        assertEquals(1360, all.get("decided").asLong());
        assertEquals(848, all.get("first").asLong());
        assertEquals(0.6235, all.get("share").asDouble(), 5e-5);
    }

    /** The README's leaderboard of the PRD reviews is what mlops prints (default bootstrap and seed). */
    @Test
    void theReadmesLeaderboardIsWhatItPrints() throws IOException {
        assumeTrue(Files.isDirectory(PRD), "skipped: ../shared/data/prd-vicuna80-gpt4-reviewer is missing");
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("On the PRD reviews in `../shared/data`");
        int from = readme.indexOf("```\n", at) + 4;
        String shown = readme.substring(from, readme.indexOf("```", from));
        List<String> args = new ArrayList<>(List.of("compare"));
        try (var s = Files.list(PRD)) {
            s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(p -> args.add(p.toString()));
        }
        args.addAll(List.of("--models-from-name", "answer_(.+?)-vs-answer_(.+?)-gpt4"));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(shown), r.out());
    }

    @Test
    void fastChatBattlesAndAlpacaEvalAnnotations() throws IOException {
        Files.writeString(dir.resolve("arena.json"), "[\n"
                + "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\", \"judge\": \"u1\", \"tstamp\": 1.0, \"anony\": true},\n"
                + "{\"model_a\": \"y\", \"model_b\": \"x\", \"winner\": \"tie (bothbad)\", \"judge\": \"u2\", \"tstamp\": 2.0, \"anony\": true},\n"
                + "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_b\", \"judge\": \"u1\", \"tstamp\": 3.0, \"anony\": true}\n]\n");
        JsonNode arena = json("compare", "arena.json", "--bootstrap", "0", "--min-votes", "1");
        assertEquals(3, arena.get("votes").asLong());
        assertEquals(1, arena.get("ties").asLong());
        assertEquals(0.5, model(arena, "x").get("win_rate").asDouble(), 1e-12);
        Files.writeString(dir.resolve("alpaca.json"), "[{\"instruction\": \"q1\", \"generator_1\": \"base\", "
                + "\"generator_2\": \"new\", \"preference\": 1.8}, {\"instruction\": \"q2\", \"generator_1\": \"base\", "
                + "\"generator_2\": \"new\", \"preference\": 1.5}, {\"instruction\": \"q3\", \"generator_1\": \"base\", "
                + "\"generator_2\": \"new\", \"preference\": 1}]");
        JsonNode alpaca = json("compare", "alpaca.json", "--input-format", "alpaca-eval", "--bootstrap", "0",
                "--min-votes", "1");
        assertEquals(0.5, model(alpaca, "new").get("win_rate").asDouble(), 1e-12);
        assertEquals(1, model(alpaca, "new").get("ties").asLong());
        // AlpacaEval's own figures: python3 -c "import numpy as np, scipy.stats as st; x=np.array([.8,.5,0]); print(x.mean(), st.sem(x))"
        JsonNode vs = alpaca.get("against_baseline").get(0);
        assertEquals("new", vs.get("model").asText());
        assertEquals("base", vs.get("baseline").asText());
        assertEquals(0.43333333333333335, vs.get("win_rate").asDouble(), 1e-12);
        assertEquals(0.2333333333333333, vs.get("standard_error").asDouble(), 1e-12);
        assertEquals(0.5, vs.get("discrete_win_rate").asDouble(), 1e-12, "one win and half a draw of three");
    }

    /** Two judges on the same four items: Cohen's kappa by hand, labels (first wins, second wins, tie). */
    @Test
    void agreementBetweenTwoJudges() throws IOException {
        StringBuilder sb = new StringBuilder();
        String[] ann = {"model_a", "model_b", "tie", "model_a"};
        String[] bob = {"model_a", "model_b", "model_a", "model_a"};
        for (int i = 0; i < 4; i++) {
            sb.append(String.format("{\"id\":\"q%d\",\"model_a\":\"m\",\"model_b\":\"n\",\"winner\":\"%s\",\"judge\":\"ann\"}%n", i, ann[i]));
            // bob saw the pair the other way round: his model_a is n
            String flipped = bob[i].equals("model_a") ? "model_b" : bob[i].equals("model_b") ? "model_a" : "tie";
            sb.append(String.format("{\"id\":\"q%d\",\"model_a\":\"n\",\"model_b\":\"m\",\"winner\":\"%s\",\"judge\":\"bob\"}%n", i, flipped));
        }
        Files.writeString(dir.resolve("two.jsonl"), sb);
        JsonNode a = json("compare", "two.jsonl", "--bootstrap", "0").get("agreement");
        assertEquals(4, a.get("items").asLong());
        assertEquals("cohen", a.get("statistic").asText());
        assertEquals(0.75, a.get("percent").asDouble(), 1e-12);
        // po = 3/4; ann: m 2, n 1, tie 1; bob: m 3, n 1; pe = (2*3 + 1*1 + 0) / 16 = 7/16; kappa = (12/16 - 7/16) / (9/16)
        assertEquals(5.0 / 9, a.get("kappa").asDouble(), 1e-12);
    }

    /**
     * Three equally good models, one of which writes twice as long, before judges who prefer length:
     * the raw ratings put the verbose one on top, the length-controlled ones take most of that away.
     */
    @Test
    void lengthControl_removesAPreferenceForLongAnswers() throws IOException {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        StringBuilder sb = new StringBuilder();
        String[] m = {"terse", "plain", "verbose"};
        for (int i = 0; i < 3000; i++) {
            int a = r.nextInt(3);
            int b = (a + 1 + r.nextInt(2)) % 3;
            double la = (a == 2 ? 400 : 200) * (0.5 + r.nextDouble());
            double lb = (b == 2 ? 400 : 200) * (0.5 + r.nextDouble());
            double z = 1.5 * (la - lb) / (la + lb);
            boolean aWins = r.nextDouble() < 1 / (1 + Math.exp(-z));
            sb.append(String.format(java.util.Locale.ROOT, "{\"model_a\":\"%s\",\"model_b\":\"%s\",\"winner\":\"%s\","
                    + "\"length_a\":%.0f,\"length_b\":%.0f,\"segment\":\"%s\"}%n", m[a], m[b], aWins ? "model_a" : "model_b",
                    la, lb, i % 2 == 0 ? "coding" : "chat"));
        }
        Files.writeString(dir.resolve("style.jsonl"), sb);
        JsonNode j = json("compare", "style.jsonl", "--control-length", "--bootstrap", "0", "--segment-by", "segment");
        JsonNode lc = j.get("length_control");
        assertEquals(3000, lc.get("votes").asLong());
        assertTrue(lc.get("gamma").asDouble() > 0.3, lc.toString());
        double rawGap = 0;
        double controlledGap = 0;
        for (JsonNode x : lc.get("ratings")) {
            rawGap = Math.max(rawGap, Math.abs(x.get("raw").asDouble() - 1000));
            controlledGap = Math.max(controlledGap, Math.abs(x.get("controlled").asDouble() - 1000));
        }
        assertTrue(rawGap > 50, "the raw ratings reward length: " + lc);
        assertTrue(controlledGap < rawGap / 3, "controlled for length they are close to equal: " + lc);
        assertEquals(2, j.get("segments").size());
        assertEquals("chat", j.get("segments").get(0).get("segment").asText());
        assertEquals(1500, j.get("segments").get(0).get("votes").asLong());
        Cli.Result table = Cli.run(Cli.env(dir), "compare", "style.jsonl", "--control-length", "--bootstrap", "0",
                "--segment-by", "segment");
        assertTrue(table.out().contains("length control: 3,000 votes with both lengths"), table.out());
        assertTrue(table.out().contains("segment coding: 1,500 votes"), table.out());
    }

    @Test
    void badVotesAreNamedByFileAndLine_andTooManyAreExitThree() throws IOException {
        goldenVotes();
        Files.writeString(dir.resolve("votes.jsonl"), Files.readString(dir.resolve("votes.jsonl"))
                + "{\"model_a\":\"A\",\"model_b\":\"B\",\"winner\":\"A\"}\n");
        Cli.Result r = Cli.run(Cli.env(dir), "compare", "votes.jsonl", "--bootstrap", "0", "--max-bad-lines", "1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().startsWith("votes.jsonl:14: winner is \"a\", expected model_a, model_b, tie or tie (bothbad)\n"),
                r.err());
        assertTrue(r.err().contains("mlops: skipped 1 unreadable vote of 14"), r.err());
        Cli.Result strict = Cli.run(Cli.env(dir), "compare", "votes.jsonl", "--bootstrap", "0");
        assertEquals(3, strict.exit(), "1 of 14 is more than 1%: " + strict);
        assertEquals(2, Cli.run(Cli.env(dir), "compare", "votes.jsonl", "--method", "glicko").exit());
        assertEquals(2, Cli.run(Cli.env(dir), "compare", "votes.jsonl", "--anchor", "A").exit());
        Files.writeString(dir.resolve("empty.jsonl"), "");
        Cli.Result empty = Cli.run(Cli.env(dir), "compare", "empty.jsonl");
        assertEquals(3, empty.exit(), empty.toString());
        assertEquals("mlops: empty.jsonl: holds no vote\n", empty.err());
        Cli.Result name = Cli.run(Cli.env(dir), "compare", "votes.jsonl", "--models-from-name", "(x)-(y)");
        assertEquals(3, name.exit(), name.toString());
        assertTrue(name.err().contains("does not find two models in votes.jsonl"), name.err());
    }
}
