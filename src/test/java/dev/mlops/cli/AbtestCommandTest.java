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
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mlops abtest end to end: the statistics on files whose expected values are GOLDEN.md's (scipy),
 * the trust checks, the formats, and the exit codes.
 */
class AbtestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(Cli.env(dir), args);
    }

    private JsonNode json(String... args) throws IOException {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--format";
        all[args.length + 1] = "json";
        Cli.Result r = run(all);
        assertEquals(0, r.exit(), r.toString());
        return JSON.readTree(r.out());
    }

    private static JsonNode comparison(JsonNode report, String metric) {
        for (JsonNode c : report.get("comparisons")) {
            if (c.get("metric").asText().equals(metric)) {
                return c;
            }
        }
        throw new AssertionError("no comparison of " + metric + " in " + report);
    }

    /** A CSV of one row per user as public experiments publish them: a byte-order mark, TRUE/FALSE. */
    private Path conversions(long controlYes, long controlN, long treatedYes, long treatedN) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFuserid,group,converted\n");
        for (long i = 0; i < controlN; i++) {
            sb.append("c").append(i).append(",control,").append(i < controlYes ? "TRUE" : "FALSE").append('\n');
        }
        for (long i = 0; i < treatedN; i++) {
            sb.append("t").append(i).append(",treatment,").append(i < treatedYes ? "TRUE" : "FALSE").append('\n');
        }
        return Files.writeString(dir.resolve("conversions.csv"), sb, StandardCharsets.UTF_8);
    }

    /** GOLDEN.md: 150/1000 against 120/1000 gives z = 1.9630498, p = 0.0496404. */
    @Test
    void oneRowPerUser_isTheTwoProportionZTest() throws IOException {
        conversions(120, 1000, 150, 1000);
        JsonNode j = json("abtest", "conversions.csv", "--unit", "userid", "--arm", "group", "--control", "control",
                "--metric", "converted:any");
        assertEquals("mlops.abtest/v1", j.get("schema").asText());
        JsonNode c = comparison(j, "converted:any");
        assertEquals("z", c.get("test").asText());
        assertEquals("treatment", c.get("arm").asText());
        assertEquals(0.0496404, c.get("p").asDouble(), 1e-7);
        assertEquals(0.03, c.get("difference").asDouble(), 1e-12);
        assertEquals(0.25, c.get("lift").asDouble(), 1e-12);
        // python3 -c "import numpy as np; vt=.15*.85/1000; vc=.12*.88/1000; print(np.sqrt(vt/.12**2+.15**2*vc/.12**4))"
        assertEquals(0.25 - 1.959963984540054 * 0.14252192813739226, c.get("lift_low").asDouble(), 1e-9);
        assertTrue(c.get("significant").asBoolean(), "one test: p = p adjusted < 0.05");
        assertEquals("better", c.get("verdict").asText());
        assertFalse(j.get("control_chosen").asBoolean());
        assertEquals(1000, j.get("arms").get(0).get("units").asLong());
    }

    /** GOLDEN.md's Welch case as per-user sums: B = [2.9, 3.5, 3.1, 4.2, 3.8] against A = [1.2, 2.4, 1.9, 3.1, 2.2, 2.8]. */
    @Test
    void perUserSums_areWelchsT() throws IOException {
        StringBuilder sb = new StringBuilder();
        double[] a = {1.2, 2.4, 1.9, 3.1, 2.2, 2.8};
        double[] b = {2.9, 3.5, 3.1, 4.2, 3.8};
        for (int i = 0; i < a.length; i++) {
            // two requests a user, so that the unit's value is a sum
            sb.append(String.format(Locale.ROOT, "{\"user\":\"a%d\",\"arm\":\"A\",\"spend\":%s}%n", i, a[i] / 2));
            sb.append(String.format(Locale.ROOT, "{\"user\":\"a%d\",\"arm\":\"A\",\"spend\":%s}%n", i, a[i] / 2));
        }
        for (int i = 0; i < b.length; i++) {
            sb.append(String.format(Locale.ROOT, "{\"user\":\"b%d\",\"arm\":\"B\",\"spend\":%s}%n", i, b[i]));
        }
        Files.writeString(dir.resolve("spend.jsonl"), sb);
        JsonNode j = json("abtest", "spend.jsonl", "--metric", "spend:sum");
        JsonNode c = comparison(j, "spend:sum");
        assertEquals("welch", c.get("test").asText());
        assertEquals(0.0077701, c.get("p").asDouble(), 1e-7);
        assertEquals("A", j.get("control").asText());
        assertTrue(j.get("control_chosen").asBoolean());
        assertTrue(j.get("warnings").toString().contains("control: A (the first arm by name"), j.get("warnings").toString());
        assertTrue(j.get("trust").get("srm").get("skipped").asText().contains("fewer than 8"));
    }

    /** GOLDEN.md's CUPED case: θ = 1.0429043, pooled over both arms; the variance it removes is reported. */
    @Test
    void cupedAdjustsByThePrePeriod() throws IOException {
        double[] y = {10, 12, 9, 14, 11, 13, 8, 15};
        double[] x = {9, 11, 9, 13, 10, 12, 7, 14};
        StringBuilder post = new StringBuilder();
        StringBuilder pre = new StringBuilder();
        for (int i = 0; i < y.length; i++) {
            post.append(String.format(Locale.ROOT, "{\"user\":\"u%d\",\"arm\":\"%s\",\"score\":%s}%n", i, i % 2 == 0 ? "a" : "b", y[i]));
            pre.append(String.format(Locale.ROOT, "{\"user\":\"u%d\",\"score\":%s}%n", i, x[i]));
        }
        pre.append("{\"user\":\"stranger\",\"score\":100}\n");
        Files.writeString(dir.resolve("post.jsonl"), post);
        Files.writeString(dir.resolve("pre.jsonl"), pre);
        JsonNode j = json("abtest", "post.jsonl", "--pre", "pre.jsonl", "--metric", "score:sum");
        JsonNode c = comparison(j, "score:sum");
        assertEquals(1.0429043, c.get("cuped").get("theta").asDouble(), 1e-7);
        assertEquals(8, c.get("cuped").get("units_with_pre").asLong(), "a pre-period unit outside the test is ignored");
        assertTrue(c.get("cuped").get("variance_reduction").asDouble() > 0.9, c.toString());
        JsonNode plain = comparison(json("abtest", "post.jsonl", "--metric", "score:sum"), "score:sum");
        assertTrue(plain.get("cuped").isNull());
        assertTrue(c.get("difference_high").asDouble() - c.get("difference_low").asDouble()
                < plain.get("difference_high").asDouble() - plain.get("difference_low").asDouble());
    }

    /**
     * CUPED on a per-request ratio (mean latency) through its linearisation. Expected values from an
     * independent numpy implementation of the same formulas (src/test/python/cuped_ratio_check.py); the
     * latencies are whole microseconds, the resolution at which a unit's latencies are summed.
     */
    @Test
    void cupedAdjustsAPerRequestRatioOnItsLinearisation() throws IOException {
        int[][] post = {{300, 2}, {501, 3}, {120, 1}, {800, 4}, {410, 2}, {200, 2}, {639, 3}, {90, 1}, {330, 2}, {702, 3}};
        int[][] before = {{280, 2}, {450, 3}, {130, 1}, {760, 4}, {380, 2}, {190, 2}, {600, 3}, {100, 1}};
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int u = 0; u < post.length; u++) {
            for (int i = 0; i < post[u][1]; i++) {
                a.append(String.format(Locale.ROOT, "{\"user\":\"u%d\",\"arm\":\"%s\",\"latency_ms\":%s}%n", u,
                        u % 2 == 0 ? "a" : "b", (double) post[u][0] / post[u][1]));
            }
            if (u < before.length) {
                for (int i = 0; i < before[u][1]; i++) {
                    b.append(String.format(Locale.ROOT, "{\"user\":\"u%d\",\"latency_ms\":%s}%n", u,
                            (double) before[u][0] / before[u][1]));
                }
            }
        }
        Files.writeString(dir.resolve("post.jsonl"), a);
        Files.writeString(dir.resolve("pre.jsonl"), b);
        JsonNode c = comparison(json("abtest", "post.jsonl", "--pre", "pre.jsonl", "--metric", "latency_ms"), "latency_ms");
        assertEquals("delta", c.get("test").asText());
        assertEquals(0.9606562986169473, c.get("cuped").get("theta").asDouble(), 1e-9);
        assertEquals(170.88643472902618, c.get("mean_control").asDouble(), 1e-6);
        assertEquals(185.39818065558921, c.get("mean_arm").asDouble(), 1e-6);
        assertEquals(14.511745926563037, c.get("difference").asDouble(), 1e-6);
        assertEquals(0.3350345891666566, c.get("p").asDouble(), 1e-9);
        assertEquals(0.7080088311880162, c.get("cuped").get("variance_reduction").asDouble(), 1e-9);
        assertEquals(8, c.get("cuped").get("units_with_pre").asLong());
    }

    /** Kidney stones as users: arm A better in each segment, worse over all (GOLDEN.md: MH OR 1.4468466, CMH p 0.1481441). */
    @Test
    void segments_warnOfSimpsonsParadox_andPoolWithMantelHaenszel() throws IOException {
        StringBuilder sb = new StringBuilder();
        long[][] table = {{81, 87, 192, 263}, {234, 270, 55, 80}};
        String[] arms = {"A", "B"};
        int id = 0;
        for (int a = 0; a < 2; a++) {
            for (int s = 0; s < 2; s++) {
                long yes = table[a][2 * s];
                long n = table[a][2 * s + 1];
                for (long i = 0; i < n; i++) {
                    sb.append(String.format(Locale.ROOT, "{\"user\":\"p%d\",\"arm\":\"%s\",\"stone\":\"%s\",\"cured\":%s}%n",
                            id++, arms[a], s == 0 ? "small" : "large", i < yes));
                }
            }
        }
        Files.writeString(dir.resolve("stones.jsonl"), sb);
        JsonNode j = json("abtest", "stones.jsonl", "--control", "B", "--metric", "cured:any", "--segment-by", "stone");
        assertTrue(j.get("warnings").toString().contains("Simpson's paradox: cured:any of A is lower than B over all units, "
                + "but higher in every segment"), j.get("warnings").toString());
        JsonNode pooled = j.get("pooled").get(0);
        assertTrue(pooled.get("simpson").asBoolean());
        assertEquals(1.4468466, pooled.get("odds_ratio").asDouble(), 1e-7);
        assertEquals(0.1481441, pooled.get("cmh_p").asDouble(), 1e-7);
        assertEquals(2, j.get("segments").size());
        assertTrue(j.get("segment_family").asText().startsWith("2 tests: 2 segments"), j.get("segment_family").asText());
        Cli.Result table1 = run("abtest", "stones.jsonl", "--control", "B", "--metric", "cured:any", "--segment-by", "stone");
        String out = table1.out();
        assertTrue(out.indexOf("Simpson") < out.indexOf("lift ["), "warnings come before the results:\n" + out);
        assertTrue(out.contains("Mantel-Haenszel odds ratio over the segments 1.45"), out);
    }

    /** A log of requests from n users a side with the given error rates; some users of `both` are in both arms. */
    private Path requests(String name, int n, double errorsA, double errorsB, int both, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < 2 * n; u++) {
            String arm = u % 2 == 0 ? "v1" : "v2";
            int k = 1 + r.nextInt(4);
            for (int i = 0; i <= k; i++) {
                // the extra request is in the other arm, for the first `both` users
                if (i == k && u >= both) {
                    break;
                }
                String in = i == k ? (arm.equals("v1") ? "v2" : "v1") : arm;
                boolean err = r.nextDouble() < (arm.equals("v1") ? errorsA : errorsB);
                sb.append(String.format(Locale.ROOT, "{\"user\":\"u%d\",\"version\":\"%s\",\"tier\":\"%s\","
                        + "\"latency_ms\":%.1f,\"status\":\"%s\"}%n", u, in, u % 3 == 0 ? "pro" : "free",
                        500 + 100 * r.nextDouble(), err ? "error" : "ok"));
            }
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    @Test
    void unitsInBothArms_areCountedAndLeftOut_andWarningsComeFirstInEveryFormat() throws IOException {
        requests("exp.jsonl", 500, 0.05, 0.05, 30, 1);
        JsonNode j = json("abtest", "exp.jsonl", "--metric", "error_rate");
        assertEquals(30, j.get("trust").get("multi_arm_units").asLong());
        assertEquals(970, j.get("arms").get(0).get("units").asLong() + j.get("arms").get(1).get("units").asLong());
        assertTrue(j.get("warnings").get(0).asText().startsWith("30 units seen in more than one arm"), j.toString());
        Cli.Result csv = run("abtest", "exp.jsonl", "--metric", "error_rate", "--format", "csv");
        String[] lines = csv.out().split("\n");
        assertTrue(lines[0].startsWith("# sample ratio: ok"), csv.out());
        assertTrue(lines[1].startsWith("# warning: 30 units"), csv.out());
        int header = 0;
        while (lines[header].startsWith("#")) {
            header++;
        }
        assertTrue(lines[header].startsWith("segment,metric,arm,control,test,"), lines[header]);
        assertTrue(lines[header + 1].startsWith(",error_rate,v2,v1,delta,"), lines[header + 1]);
        Cli.Result md = run("abtest", "exp.jsonl", "--metric", "error_rate", "--format", "markdown");
        assertTrue(md.out().startsWith("## mlops abtest"), md.out());
        assertTrue(md.out().indexOf("**warning**") < md.out().indexOf("| metric"), md.out());
    }

    @Test
    void sampleRatioMismatch_isFlagged_andFailsWithFailOnSrm() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < 10_500; u++) {
            sb.append("{\"user\":\"b").append(u).append("\",\"arm\":\"b\"}\n");
        }
        for (int u = 0; u < 10_000; u++) {
            sb.append("{\"user\":\"a").append(u).append("\",\"arm\":\"a\"}\n");
        }
        Files.writeString(dir.resolve("srm.jsonl"), sb);
        Cli.Result r = run("abtest", "srm.jsonl", "--metric", "requests", "--fail-on-srm", "--format", "json");
        assertEquals(1, r.exit(), r.toString());
        JsonNode srm = JSON.readTree(r.out()).get("trust").get("srm");
        assertEquals(12.195122, srm.get("chi2").asDouble(), 1e-6, "GOLDEN.md");
        assertTrue(srm.get("flagged").asBoolean());
        assertTrue(r.err().contains("sample-ratio mismatch (--fail-on-srm)"), r.err());
        Cli.Result planned = run("abtest", "srm.jsonl", "--metric", "requests", "--fail-on-srm", "--split", "a:10000,b:10500");
        assertEquals(0, planned.exit(), planned.toString());
        assertTrue(planned.out().contains("sample ratio: ok"), planned.out());
    }

    @Test
    void failOnLoss_exitsOneWhenAnArmIsSignificantlyWorse() throws IOException {
        requests("worse.jsonl", 2000, 0.02, 0.08, 0, 3);
        Cli.Result r = run("abtest", "worse.jsonl", "--metric", "error_rate", "--metric", "latency_ms",
                "--fail-on-loss", "error_rate");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("significantly worse than v1 on error_rate"), r.err());
        assertTrue(r.out().contains("worse"), r.out());
        assertEquals(0, run("abtest", "worse.jsonl", "--metric", "error_rate", "--metric", "latency_ms",
                "--fail-on-loss", "latency_ms").exit());
    }

    @Test
    void sequential_isWiderThanTheFixedHorizon_andReportsBoth() throws IOException {
        requests("seq.jsonl", 2000, 0.04, 0.06, 0, 5);
        JsonNode fixed = comparison(json("abtest", "seq.jsonl", "--metric", "error_rate"), "error_rate");
        JsonNode seq = comparison(json("abtest", "seq.jsonl", "--metric", "error_rate", "--sequential"), "error_rate");
        assertEquals(fixed.get("p").asDouble(), seq.get("p_fixed").asDouble(), 1e-15);
        assertTrue(seq.get("p").asDouble() > seq.get("p_fixed").asDouble());
        assertTrue(seq.get("lift_high").asDouble() - seq.get("lift_low").asDouble()
                > fixed.get("lift_high").asDouble() - fixed.get("lift_low").asDouble());
    }

    @Test
    void defaultMetrics_leaveOutThoseNoUnitCarries() throws IOException {
        requests("exp.jsonl", 300, 0.05, 0.05, 0, 9);
        JsonNode j = json("abtest", "exp.jsonl");
        assertEquals(2, j.get("comparisons").size(), "error_rate and latency_ms; no thumbs in this log");
        assertTrue(j.get("warnings").toString().contains("thumbs_up: no unit carries it"), j.get("warnings").toString());
    }

    @Test
    void badInputIsExitThree_andBadOptionsExitTwo() throws IOException {
        requests("exp.jsonl", 50, 0.05, 0.05, 0, 2);
        Cli.Result noSuchControl = run("abtest", "exp.jsonl", "--control", "v9");
        assertEquals(3, noSuchControl.exit(), noSuchControl.toString());
        assertEquals("mlops: --control v9: no arm is named so (arms: v1, v2)\n", noSuchControl.err());
        Files.writeString(dir.resolve("one.jsonl"), "{\"user\":\"a\",\"version\":\"v1\"}\n");
        Cli.Result one = run("abtest", "one.jsonl");
        assertEquals(3, one.exit(), one.toString());
        assertTrue(one.err().contains("only one arm (v1)"), one.err());
        for (String[] bad : new String[][] {{"--metric", "x:median"}, {"--correction", "bonferroni"}, {"--alpha", "2"},
                {"--split", "v1:50,v2"}, {"--by", "tier"}, {"--fail-on-loss", "ttft_ms"}}) {
            Cli.Result r = run("abtest", "exp.jsonl", bad[0], bad[1]);
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r);
            assertTrue(r.err().endsWith("\nmlops: see 'mlops help abtest'\n") && r.err().lines().count() == 2, r.err());
        }
        Cli.Result split = run("abtest", "exp.jsonl", "--split", "v1:50,v3:50");
        assertEquals(3, split.exit(), split.toString());
        assertTrue(split.err().contains("--split names v3, which is not an arm"), split.err());
    }

    /** The README shows the table of the example log: it is what mlops prints, byte for byte. */
    @Test
    void theReadmesExampleIsWhatItPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("On the example log (its users are split");
        int from = readme.indexOf("```\n", at) + 4;
        String shown = readme.substring(from, readme.indexOf("```", from));
        Cli.Result r = Cli.run("abtest", "examples/logs.jsonl", "--control", "v11", "--metric", "error_rate",
                "--metric", "latency_ms", "--metric", "thumbs_up");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(shown, r.out());
    }

    /** 25 segments: the 20 with the most units are kept, the rest are (other); Holm over the 21 segments' tests. */
    @Test
    void segmentsAreCappedAtTwenty_andHolmRunsOverTheSegmentFamily() throws IOException {
        StringBuilder sb = new StringBuilder();
        SplittableRandom r = new SplittableRandom(4);
        int id = 0;
        for (int s = 0; s < 25; s++) {
            int users = 200 - 5 * s;
            for (int u = 0; u < users; u++) {
                sb.append(String.format(Locale.ROOT, "{\"user\":\"p%d\",\"arm\":\"%s\",\"country\":\"c%02d\","
                        + "\"status\":\"%s\"}%n", id++, u % 2 == 0 ? "a" : "b", s, r.nextDouble() < 0.1 ? "error" : "ok"));
            }
        }
        Files.writeString(dir.resolve("countries.jsonl"), sb);
        JsonNode j = json("abtest", "countries.jsonl", "--metric", "error_rate", "--segment-by", "country",
                "--correction", "holm");
        JsonNode seg = j.get("segments");
        assertEquals(21, seg.size());
        assertEquals("(other)", seg.get(20).get("segment").asText());
        assertEquals(100 + 95 + 90 + 85 + 80, seg.get(20).get("units_arm").asLong()
                + seg.get(20).get("units_control").asLong(), "c20..c24 have 100, 95, 90, 85 and 80 users");
        assertTrue(j.get("warnings").toString().contains("25 segments of country; the 5 with the fewest units are merged "
                + "into (other)"), j.get("warnings").toString());
        double[] p = new double[21];
        for (int i = 0; i < 21; i++) {
            p[i] = seg.get(i).get("p").asDouble();
        }
        double[] holm = dev.mlops.stats.MultipleTesting.holm(p);
        for (int i = 0; i < 21; i++) {
            assertEquals(holm[i], seg.get(i).get("p_adjusted").asDouble(), 1e-15);
        }
        assertEquals("21 tests: 21 segments × 1 metric × 1 arm", j.get("segment_family").asText());
    }

    @Test
    void plan_printsTheUnitsPerArm() {
        Cli.Result r = run("abtest", "plan", "--baseline", "0.10", "--mde", "0.02");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("units per arm: 3,841\n"), "GOLDEN.md: 3,840.85 -> 3,841\n" + r.out());
        Cli.Result sd = run("abtest", "plan", "--baseline", "5", "--mde", "0.1", "--sd", "1", "--arms", "3");
        // python3 -c "import scipy.stats as st; z=st.norm.ppf(1-.025/2)+st.norm.ppf(.8); print(2*z*z/0.01)" gives 1901.007
        // (alpha split over the 2 comparisons with the control)
        assertTrue(sd.out().startsWith("units per arm: 1,902\n"), sd.out());
        assertEquals(2, run("abtest", "plan", "--baseline", "0.95", "--mde", "0.1").exit(), "a rate above 1");
        assertEquals(2, run("abtest", "plan", "--mde", "0.1").exit(), "--baseline is required");
    }

    /** Buckets computed independently: python3 -c "import hashlib; print(int.from_bytes(hashlib.sha256(b'checkout-v2:user-1').digest()[:8], 'big') % 10000)" */
    @Test
    void assign_isTheDocumentedSha256Bucketing() {
        Cli.Result r = run("abtest", "assign", "--experiment", "checkout-v2", "--arms", "control:50,treatment:50",
                "user-1", "user-2", "user-3", "alice", "ünïcode");
        assertEquals(0, r.exit(), r.toString());
        // buckets 8696, 2997, 8826, 2815, 5992
        assertEquals("user-1 treatment\nuser-2 control\nuser-3 treatment\nalice control\nünïcode treatment\n", r.out());
        Env env = new Env(Cli.env(dir).fs(), dir, java.util.Map.of(),
                new java.io.ByteArrayInputStream("a\n\nb\r\nc\n".getBytes(StandardCharsets.UTF_8)), false);
        // buckets 8257, 6140, 9142: with 82/18, a and c are past 8200
        Cli.Result stdin = Cli.run(env, "abtest", "assign", "--experiment", "exp", "--arms", "x:82,y:18");
        assertEquals("a y\nb x\nc y\n", stdin.out());
        assertEquals(2, run("abtest", "assign", "--experiment", "e", "--arms", "a:0,b:1").exit());
    }
}
