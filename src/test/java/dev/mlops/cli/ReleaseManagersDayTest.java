package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release manager's day, end to end: freeze, promote to canary, promote to production, find
 * an adapter tampered with, see the rollback refused, restore it, roll back.
 */
class ReleaseManagersDayTest {
    @TempDir
    Path dir;

    @Test
    void aReleaseManagersDay() throws IOException {
        ReleaseFixture f = new ReleaseFixture(dir);
        Files.writeString(dir.resolve("registry.yaml"), f.registry().replace("stage: canary", "stage: staging"));

        // morning: freeze both versions
        assertEquals(0, f.run("registry", "freeze", "v11").exit());
        assertEquals(0, f.run("registry", "freeze", "v12").exit());
        assertEquals(0, f.run("registry", "verify").exit());

        // v12 goes to canary on staging traffic evidence
        f.evidence("staging.json", f.log("staging.jsonl", "v12", 400, 8, 1500));
        Cli.Result canary = f.run("promote", "v12", "--to", "canary", "--traffic", "10", "--evidence", "staging.json",
                "--reason", "passes staging");
        assertEquals(0, canary.exit(), canary.toString());
        assertEquals("canary", f.stageOf("v12"));

        // afternoon: canary traffic looks good, v12 goes to production
        f.evidence("canary.json", f.log("canary.jsonl", "v12", 2000, 4, 1800));
        Cli.Result prod = f.run("promote", "v12", "--to", "production", "--evidence", "canary.json",
                "--reason", "canary clean for 4 hours");
        assertEquals(0, prod.exit(), prod.toString());
        assertEquals("production", f.stageOf("v12"));
        assertEquals("retired", f.stageOf("v11"));

        // evening: v12 misbehaves; someone has overwritten v11's adapter weights meanwhile
        Path weights = dir.resolve("adapters/v11/adapter_model.safetensors");
        byte[] good = Files.readAllBytes(weights);
        byte[] bad = good.clone();
        bad[100] ^= 0x55;
        Files.write(weights, bad);
        Cli.Result refused = f.run("rollback", "support-bot", "--reason", "v12 promises refunds it cannot give");
        assertEquals(3, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("v11 does not verify, so it cannot be rolled back to: adapter adapters/v11 "
                + "changed (changed: adapter_model.safetensors)"), refused.err());
        assertEquals("production", f.stageOf("v12"), "nothing moved");

        // restore the frozen bytes and roll back
        Files.write(weights, good);
        Cli.Result back = f.run("rollback", "support-bot", "--reason", "v12 promises refunds it cannot give");
        assertEquals(0, back.exit(), back.toString());
        assertEquals("production", f.stageOf("v11"));
        assertEquals("retired", f.stageOf("v12"));

        Cli.Result history = f.run("history", "support-bot", "--verify");
        assertEquals(0, history.exit(), history.toString());
        Cli.Result csv = f.run("history", "support-bot", "--format", "csv");
        assertEquals(5, csv.out().lines().skip(1).count(), csv.out());
        assertTrue(csv.out().contains("rollback,support-bot,v11"), csv.out());
        try (var s = Files.list(dir.resolve("manifests"))) {
            assertEquals(3, s.count(), "canary, production, rollback");
        }
    }
}
