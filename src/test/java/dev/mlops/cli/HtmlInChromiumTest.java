package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report command's HTML page in a real headless Chromium, from a file: URL: no network
 * request, no console error, charts drawn (the screenshot is not blank), no sideways scrolling on a
 * phone, and a dark page in the dark scheme. Screenshots go to target/screenshots; with
 * -Dscreenshots.docs=DIR the analyze and drift ones for the README go there too (docs/screenshots.sh).
 */
class HtmlInChromiumTest {
    @TempDir
    static Path dir;
    private static Chromium browser;
    private static final Map<String, Path> PAGES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> binary = Chromium.binary();
        if (binary.isEmpty()) {
            if (System.getenv("MLOPS_REQUIRE_CHROMIUM") != null) {
                fail("MLOPS_REQUIRE_CHROMIUM is set but no chromium is on the PATH (or in $CHROMIUM)");
            }
            assumeTrue(false, "chromium is not installed (apt-get install chromium, or set CHROMIUM): the HTML "
                    + "reports were not opened in a browser");
        }
        write();
        browser = Chromium.start(binary.get(), Files.createDirectories(dir.resolve("profile")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static Env env() {
        Map<String, String> vars = new HashMap<>();
        vars.put("MLOPS_REGISTRY", Path.of("examples/registry.yaml").toAbsolutePath().toString());
        Env base = Cli.env(dir);
        return new Env(base.fs(), base.cwd(), vars, new ByteArrayInputStream(new byte[0]), Terminal.none(), base.clock(),
                base.http());
    }

    private static void write() throws IOException {
        String example = Path.of("examples/logs.jsonl").toAbsolutePath().toString();
        ReportFixtures.shiftingLog(dir);
        ReportFixtures.votes(dir);
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("analyze", List.of("analyze", example));
        runs.put("drift", List.of("drift", "shifting.jsonl", "--baseline-until", "2026-11-02"));
        runs.put("drift-timeline", List.of("drift", "shifting.jsonl", "--window", "6h"));
        runs.put("collapse", List.of("collapse", "shifting.jsonl", "--window", "3h", "--by", "model"));
        runs.put("health", List.of("health", "shifting.jsonl", "--by", "model"));
        runs.put("abtest", List.of("abtest", example, "--control", "v11", "--metric", "latency_ms", "--metric",
                "thumbs_up", "--segment-by", "segment"));
        runs.put("compare", List.of("compare", "votes.jsonl", "--bootstrap", "100", "--control-length", "--segment-by",
                "segment"));
        runs.put("select", List.of("select", example, "-n", "40", "-o", "picked.jsonl", "--report", "cov.json"));
        for (Map.Entry<String, List<String>> e : runs.entrySet()) {
            Path page = dir.resolve(e.getKey() + ".html");
            List<String> args = new ArrayList<>(e.getValue());
            args.addAll(List.of("--html", page.toString()));
            Cli.Result r = Cli.run(env(), args.toArray(new String[0]));
            assertTrue(r.exit() <= 1 && Files.exists(page), e.getKey() + ": " + r.err());
            PAGES.put(e.getKey(), page);
        }
    }

    @Test
    void everyReportOpensOffline_withoutAnErrorOrARequest_andDrawsItsCharts() throws Exception {
        Path shots = Files.createDirectories(Path.of("target/screenshots"));
        for (Map.Entry<String, Path> e : PAGES.entrySet()) {
            Chromium.Load load = browser.open(e.getValue(), 1280, false);
            assertEquals(List.of(), load.requests(), e.getKey() + ": no network request");
            assertEquals(List.of(), load.errors(), e.getKey() + ": no console error");
            assertTrue(load.svgs() > 0, e.getKey() + ": charts");
            assertEquals(Files.readString(e.getValue()).split("<svg ").length - 1, load.svgs(),
                    e.getKey() + ": every chart is in the page's DOM");
            notBlank(e.getKey(), load.png());
            Files.write(shots.resolve(e.getKey() + ".png"), load.png());
        }
    }

    @Test
    void onAPhoneNothingScrollsSideways_andTheDarkSchemeIsDark() throws Exception {
        for (Map.Entry<String, Path> e : PAGES.entrySet()) {
            Chromium.Load load = browser.open(e.getValue(), 390, true);
            assertEquals(List.of(), load.errors(), e.getKey());
            assertTrue(load.scrollWidth() <= 390, e.getKey() + ": the page is " + load.scrollWidth() + " px wide at 390");
            int[] rgb = rgb(load.background());
            assertTrue(rgb[0] < 60 && rgb[1] < 60 && rgb[2] < 60, e.getKey() + ": background " + load.background());
            notBlank(e.getKey() + " (dark)", load.png());
        }
        Chromium.Load light = browser.open(PAGES.get("analyze"), 1280, false);
        int[] rgb = rgb(light.background());
        assertTrue(rgb[0] > 200 && rgb[1] > 200 && rgb[2] > 200, "light by default: " + light.background());
    }

    @Test
    void readmeScreenshots() throws Exception {
        String to = System.getProperty("screenshots.docs");
        Path out = to == null || to.isBlank() ? Files.createDirectories(Path.of("target/screenshots"))
                : Files.createDirectories(Path.of(to));
        for (String name : List.of("analyze", "drift")) {
            browser.open(PAGES.get(name), 1000, false);
            byte[] png = browser.screenshot(1000, 1150, 0.72);
            notBlank(name, png);
            assertTrue(png.length < 400_000, "a small PNG: " + png.length);
            Files.write(out.resolve("report-" + name + ".png"), png);
        }
    }

    private static int[] rgb(String css) {
        Matcher m = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(css);
        assertTrue(m.find(), css);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** At least 3% of the pixels differ from the background, in more than a handful of colours. */
    static void notBlank(String what, byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null && img.getWidth() > 100 && img.getHeight() > 100, what + ": an image");
        int bg = img.getRGB(0, img.getHeight() - 1);
        long differ = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int c = img.getRGB(x, y);
                colours.add(c);
                if (distance(c, bg) > 40) {
                    differ++;
                }
            }
        }
        double share = differ / ((img.getWidth() / 2.0) * (img.getHeight() / 2.0));
        assertTrue(share > 0.03 && colours.size() > 16, what + ": the screenshot is blank (" + share + ", "
                + colours.size() + " colours)");
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 255) - (b >> 16 & 255)) + Math.abs((a >> 8 & 255) - (b >> 8 & 255))
                + Math.abs((a & 255) - (b & 255));
    }
}
