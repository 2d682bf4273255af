package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromoteRollbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ReleaseFixture f;

    PromoteRollbackTest(@TempDir Path dir) throws IOException {
        this.dir = dir;
        this.f = ReleaseFixture.frozen(dir, "v11", "v12");
    }

    private long manifests() throws IOException {
        if (!Files.isDirectory(dir.resolve("manifests"))) {
            return 0;
        }
        try (var s = Files.list(dir.resolve("manifests"))) {
            return s.count();
        }
    }

    @Test
    void shouldPromote_whenEveryGatePasses_andWriteManifestRegistryAndHistory() throws IOException {
        Path ev = f.evidence("good.json", f.log("good.jsonl", "v12", 1000, 5, 2000));
        Cli.Result r = f.run("promote", "v12", "--to", "production", "--evidence", "good.json", "--reason", "weekly");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("production", f.stageOf("v12"));
        assertEquals("retired", f.stageOf("v11"));
        assertEquals(1, manifests());
        Path m;
        try (var s = Files.list(dir.resolve("manifests"))) {
            m = s.findFirst().orElseThrow();
        }
        JsonNode j = JSON.readTree(m.toFile());
        assertEquals("mlops.manifest/v1", j.get("schema").asText());
        assertEquals("canary", j.get("from_stage").asText());
        assertEquals("v11", j.get("replaces").asText());
        assertEquals("tester", j.get("by").asText());
        assertEquals("weekly", j.get("reason").asText());
        assertFalse(j.get("forced").asBoolean());
        assertEquals(64, j.get("identity").get("artifacts").get("adapter").get("sha256").asText().length());
        assertEquals(dev.mlops.registry.TreeHash.file(ev), j.get("evidence").get(0).get("sha256").asText());
        assertEquals(0.005, j.get("gates").get(0).get("value").asDouble(), 1e-12);
        assertTrue(j.get("gates").get(0).get("passed").asBoolean());
        assertTrue(f.run("history", "--format", "csv").out().contains("promote,support-bot,v12,canary,production,v11,tester"));
    }

    @Test
    void shouldRefuse_whenAGateFails_writingNothing() throws IOException {
        f.evidence("bad.json", f.log("bad.jsonl", "v12", 1000, 50, 2000));
        String before = f.registry();
        Cli.Result r = f.run("promote", "v12", "--to", "production", "--evidence", "bad.json");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("mlops: gate failed: error_rate (max 0.01): from bad.json"), r.err());
        assertTrue(r.out().replaceAll(" +", " ").contains("error_rate max 0.01 0.0500 FAIL"), r.out());
        assertEquals(before, f.registry());
        assertEquals(0, manifests());
        assertFalse(Files.exists(dir.resolve("history.jsonl")) && f.run("history").out().contains("promote"));
    }

    @Test
    void shouldFail_whenEvidenceIsMissing_orHasNothingForTheVersion() throws IOException {
        Cli.Result none = f.run("promote", "v12", "--to", "production");
        assertEquals(1, none.exit(), none.toString());
        assertTrue(none.err().contains("no mlops.analyze/v1 evidence was given"), none.err());
        f.evidence("other.json", f.log("other.jsonl", "v11", 100, 0, 100));
        Cli.Result other = f.run("promote", "v12", "--to", "production", "--evidence", "other.json");
        assertEquals(1, other.exit());
        assertTrue(other.err().contains("other.json has nothing for version v12"), other.err());
        Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}");
        Cli.Result bogus = f.run("promote", "v12", "--to", "production", "--evidence", "notes.json");
        assertEquals(3, bogus.exit());
        assertEquals("mlops: notes.json: not an mlops report (it has no \"schema\": \"mlops.…\")\n", bogus.err());
        // evidence is read back into the analyze document: a measure that is not a number is bad input
        Files.writeString(dir.resolve("typed.json"), "{\"schema\":\"mlops.analyze/v1\",\"groups\":[{\"key\":"
                + "{\"version\":\"v12\"},\"error_rate\":\"low\"}]}");
        Cli.Result typed = f.run("promote", "v12", "--to", "production", "--evidence", "typed.json");
        assertEquals(3, typed.exit(), typed.toString());
        assertTrue(typed.err().startsWith("mlops: typed.json: not a valid mlops.analyze/v1 report: groups[0].error_rate: "), typed.err());
        assertEquals(1, typed.err().lines().count(), typed.err());
        assertTrue(typed.err().contains("\"low\""), typed.err());
    }

    @Test
    void shouldJudgeDriftAbtestAndHealthEvidence() throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), f.registry() + String.join("\n",
                "  staging:",
                "    - {check: drift.psi, max: 0.25}",
                "    - {check: abtest.lift, metric: thumbs_up_rate, min: 0, significant: true}",
                "    - {check: health.critical, max: 0}",
                ""));
        Files.writeString(dir.resolve("drift.json"), "{\"schema\":\"mlops.drift/v1\",\"max_psi\":0.1}");
        Files.writeString(dir.resolve("health.json"), "{\"schema\":\"mlops.health/v1\",\"versions\":"
                + "[{\"version\":\"v11\",\"counts\":{\"critical\":0,\"warning\":2}}]}");
        Files.writeString(dir.resolve("ab.json"), "{\"schema\":\"mlops.abtest/v1\",\"comparisons\":[{\"arm\":\"v11\","
                + "\"metric\":\"thumbs_up_rate\",\"lift\":0.03,\"significant\":false}]}");
        Cli.Result r = f.run("promote", "v11", "--to", "staging", "--evidence", "drift.json", "ab.json", "health.json");
        assertEquals(1, r.exit(), r.toString());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("drift.psi max 0.25 0.100 pass") && flat.contains("drift.psi from drift.json"), r.out());
        assertTrue(r.err().contains("gate failed: abtest.lift(thumbs_up_rate) (min 0, significant): from ab.json, "
                + "not significant"), r.err());
        Files.writeString(dir.resolve("ab.json"), Files.readString(dir.resolve("ab.json")).replace("false", "true"));
        assertEquals(0, f.run("promote", "v11", "--to", "staging", "--evidence", "drift.json", "ab.json",
                "health.json").exit());
        assertEquals("staging", f.stageOf("v11"));
    }

    /** The abtest.lift gate on a report that mlops abtest wrote: v12's thumbs-up share against v11's. */
    @Test
    void shouldGateOnAnAbtestReport() throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), f.registry() + String.join("\n",
                "  staging:",
                "    - {check: abtest.lift, metric: thumbs_up_rate, min: 0.05, significant: true}",
                ""));
        StringBuilder log = new StringBuilder();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        for (int u = 0; u < 4000; u++) {
            String v = u % 2 == 0 ? "v11" : "v12";
            boolean up = rnd.nextDouble() < (v.equals("v11") ? 0.50 : 0.60);
            log.append("{\"user\":\"u").append(u).append("\",\"version\":\"").append(v)
                    .append("\",\"feedback\":{\"thumbs\":").append(up ? 1 : -1).append("}}\n");
        }
        Files.writeString(dir.resolve("exp.jsonl"), log);
        Cli.Result ab = f.run("abtest", "exp.jsonl", "--metric", "thumbs_up", "--control", "v11", "--format", "json",
                "-o", "ab.json");
        assertEquals(0, ab.exit(), ab.toString());
        Cli.Result r = f.run("promote", "v12", "--to", "staging", "--evidence", "ab.json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("abtest.lift(thumbs_up_rate) min 0.05"), r.out());
        assertEquals("staging", f.stageOf("v12"));
        Cli.Result stricter = f.run("promote", "v11", "--to", "staging", "--evidence", "ab.json");
        assertEquals(1, stricter.exit(), "the control has no comparison of its own: " + stricter);
        assertTrue(stricter.err().contains("ab.json has nothing for version v11"), stricter.err());
    }

    /** compare.win_rate and compare.rating_delta on a report that mlops compare wrote: v12 against v11. */
    @Test
    void shouldGateOnACompareReport() throws IOException {
        String base = f.registry();
        Files.writeString(dir.resolve("registry.yaml"), base + String.join("\n",
                "  staging:",
                "    - {check: compare.win_rate, against: v11, min: 0.5}",
                "    - {check: compare.rating_delta, against: v11, min: 0}",
                ""));
        StringBuilder votes = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String winner = i % 10 < 6 ? "model_a" : i % 10 < 9 ? "model_b" : "tie";
            votes.append("{\"id\":\"q").append(i).append("\",\"model_a\":\"v12\",\"model_b\":\"v11\",\"winner\":\"")
                    .append(winner).append("\"}\n");
        }
        Files.writeString(dir.resolve("votes.jsonl"), votes);
        // 24 wins, 12 losses and 4 ties for v12: a win rate of (24 + 2) / 40
        Cli.Result cmp = f.run("compare", "votes.jsonl", "--format", "json", "-o", "compare.json", "--bootstrap", "50");
        assertEquals(0, cmp.exit(), cmp.toString());
        Cli.Result r = f.run("promote", "v12", "--to", "staging", "--evidence", "compare.json");
        assertEquals(0, r.exit(), r.toString());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("compare.win_rate(vs v11) min 0.5 0.650 pass"), r.out());
        assertTrue(flat.contains("compare.rating_delta(vs v11) min 0"), r.out());
        Cli.Result loser = f.run("promote", "v11", "--to", "staging", "--evidence", "compare.json");
        assertEquals(1, loser.exit(), loser.toString());
        assertTrue(loser.err().contains("gate failed: compare.win_rate(vs v11)"), "v11 against itself has no votes: "
                + loser.err());
        Files.writeString(dir.resolve("registry.yaml"), base + "  staging:\n    - {check: compare.win_rate, min: 0.5}\n");
        Cli.Result missing = f.run("promote", "v12", "--to", "staging", "--evidence", "compare.json");
        assertEquals(3, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("needs against: VERSION for compare.win_rate"), missing.err());
    }

    @Test
    void shouldForcePastFailedGates_recordingThatItDid() throws IOException {
        f.evidence("bad.json", f.log("bad.jsonl", "v12", 1000, 50, 2000));
        assertEquals(2, f.run("promote", "v12", "--to", "production", "--evidence", "bad.json", "--force").exit());
        Cli.Result r = f.run("promote", "v12", "--to", "production", "--evidence", "bad.json", "--force",
                "--reason", "hotfix outranks the error budget", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.get("forced").asBoolean());
        assertFalse(j.get("gates_passed").asBoolean());
        assertEquals("written", j.get("outcome").asText());
        assertEquals("production", f.stageOf("v12"));
    }

    @Test
    void shouldChangeNothing_onADryRun() throws IOException {
        f.evidence("good.json", f.log("good.jsonl", "v12", 1000, 0, 2000));
        String before = f.registry();
        Cli.Result r = f.run("promote", "v12", "--to", "production", "--evidence", "good.json", "--dry-run",
                "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("dry_run", JSON.readTree(r.out()).get("outcome").asText());
        assertEquals(before, f.registry());
        assertEquals(0, manifests());
        assertFalse(Files.exists(dir.resolve("history.jsonl")) && f.run("history").out().contains("promote"));
    }

    @Test
    void shouldRequireAFrozenCleanVersion_forCanaryAndProduction() throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("frozen: true", "frozen: false"));
        Cli.Result r = f.run("promote", "v11", "--to", "canary");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("v11 is not frozen, so it cannot enter canary; run: mlops registry freeze v11"));
        assertEquals(0, f.run("promote", "v11", "--to", "staging").exit(), "staging takes unfrozen versions");
    }

    @Test
    void shouldRecordCanaryTraffic_andEmitAKServeInferenceService() throws IOException {
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("stage: canary", "stage: staging"));
        f.evidence("good.json", f.log("good.jsonl", "v12", 200, 0, 2000));
        Cli.Result r = f.run("promote", "v12", "--to", "canary", "--traffic", "5", "--emit", "kserve",
                "--evidence", "good.json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("5% of traffic"), r.out());
        Path yaml;
        try (var s = Files.list(dir.resolve("manifests"))) {
            yaml = s.filter(p -> p.toString().endsWith(".kserve.yaml")).findFirst().orElseThrow();
        }
        JsonNode k = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.toFile());
        assertEquals("serving.kserve.io/v1beta1", k.get("apiVersion").asText());
        assertEquals("InferenceService", k.get("kind").asText());
        assertEquals("support-bot", k.get("metadata").get("name").asText());
        assertEquals(5, k.get("spec").get("predictor").get("canaryTrafficPercent").asInt());
        assertEquals("v12=adapters/v12", k.get("spec").get("predictor").get("model").get("args").get(5).asText());
        assertEquals(2, f.run("promote", "v11", "--to", "production", "--traffic", "5").exit());
    }

    @Test
    void shouldRollBackToThePreviousProductionVersion_fromTheHistory() throws IOException {
        f.evidence("good.json", f.log("good.jsonl", "v12", 1000, 0, 2000));
        assertEquals(0, f.run("promote", "v12", "--to", "production", "--evidence", "good.json").exit());
        Cli.Result r = f.run("rollback", "support-bot", "--reason", "refund hallucinations");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("rollback v11: retired -> production (replaces v12)"), r.out());
        assertEquals("production", f.stageOf("v11"));
        assertEquals("retired", f.stageOf("v12"));
        Cli.Result again = f.run("rollback", "support-bot", "--reason", "again");
        assertEquals(3, again.exit(), "v12 was rolled back away from, so it is no automatic target");
        assertTrue(again.err().contains("name one with --to VERSION"), again.err());
        Cli.Result explicit = f.run("rollback", "support-bot", "--to", "v12", "--reason", "fixed upstream");
        assertEquals(0, explicit.exit(), explicit.toString());
        assertEquals("production", f.stageOf("v12"));
        assertEquals(0, f.run("history", "--verify").exit());
    }

    @Test
    void shouldRefuseARollback_toAVersionWhoseArtifactsChanged() throws IOException {
        f.evidence("good.json", f.log("good.jsonl", "v12", 1000, 0, 2000));
        assertEquals(0, f.run("promote", "v12", "--to", "production", "--evidence", "good.json").exit());
        Files.writeString(dir.resolve("templates/v11.jinja"), "You are a pirate.\n");
        String before = f.registry();
        Cli.Result r = f.run("rollback", "support-bot", "--reason", "try");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("mlops: v11 does not verify, so it cannot be rolled back to: prompt_template templates/v11.jinja "
                + "changed\n", r.err());
        assertEquals(before, f.registry());
    }

    @Test
    void shouldDetectAnEditedOrTruncatedHistory() throws IOException {
        f.evidence("good.json", f.log("good.jsonl", "v12", 1000, 0, 2000));
        assertEquals(0, f.run("promote", "v12", "--to", "production", "--evidence", "good.json").exit());
        Path h = dir.resolve("history.jsonl");
        String original = Files.readString(h);
        assertEquals(0, f.run("history", "--verify").exit());
        Files.writeString(h, original.replace("\"by\":\"tester\"", "\"by\":\"mallory\""));
        Cli.Result edited = f.run("history", "--verify");
        assertEquals(3, edited.exit(), edited.toString());
        assertTrue(edited.err().contains("the history was edited"), edited.err());
        List<String> lines = original.lines().toList();
        Files.writeString(h, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        Cli.Result truncated = f.run("history", "--verify");
        assertEquals(3, truncated.exit(), truncated.toString());
        assertTrue(truncated.err().contains("truncated or edited"), truncated.err());
        Files.writeString(h, original, StandardCharsets.UTF_8);
        assertEquals(0, f.run("history", "--verify").exit());
    }

    /** Two promotions racing on one registry: the lock serialises them and neither update is lost. */
    @Test
    void shouldLoseNoUpdate_whenTwoPromotionsRunAtOnce() throws Exception {
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("stage: production", "stage: experiment")
                .replace("stage: canary", "stage: experiment"));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var a = pool.submit(() -> f.run("promote", "v11", "--to", "staging", "--reason", "a"));
        var b = pool.submit(() -> f.run("promote", "v12", "--to", "staging", "--reason", "b"));
        assertEquals(0, a.get().exit(), a.get().toString());
        assertEquals(0, b.get().exit(), b.get().toString());
        pool.shutdown();
        assertEquals("staging", f.stageOf("v11"));
        assertEquals("staging", f.stageOf("v12"));
        assertEquals(2, f.run("history").out().lines().filter(l -> l.contains("promote")).count());
        assertEquals(0, f.run("history", "--verify").exit());
        assertEquals("", Files.readString(dir.resolve(".mlops/lock")), "the lock file is left empty: it is information only");
    }

    @Test
    void shouldSayWhoHoldsTheLock_whenAnotherRunHoldsIt() throws Exception {
        try (var held = dev.mlops.io.LockFile.acquire(Files.createDirectories(dir.resolve(".mlops")).resolve("lock"),
                java.time.Duration.ZERO)) {
            var other = java.util.concurrent.Executors.newSingleThreadExecutor();
            Cli.Result r = other.submit(() -> f.run("promote", "v11", "--to", "staging", "--wait", "0")).get();
            other.shutdown();
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains(".mlops/lock is locked by another mlops run (pid "), r.err());
        }
    }
}
