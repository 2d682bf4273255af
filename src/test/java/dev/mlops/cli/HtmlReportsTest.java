package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The HTML reports: one self-contained file per report command, every chart SVG that parses as XML,
 * and the numbers the charts carry are the report's own (read back from the JSON of the same run).
 */
class HtmlReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Env env() {
        Map<String, String> vars = new HashMap<>();
        vars.put("MLOPS_REGISTRY", Path.of("examples/registry.yaml").toAbsolutePath().toString());
        Env base = Cli.env(dir);
        return new Env(base.fs(), base.cwd(), vars, new ByteArrayInputStream(new byte[0]), Terminal.none(), base.clock(),
                base.http());
    }

    /** Runs a command with --html and with --format json; returns the page, and the JSON in {@code json[0]}. */
    private String page(JsonNode[] json, String... args) throws Exception {
        Path html = dir.resolve(args[0] + ".html");
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--html", html.toString()));
        Cli.Result r = Cli.run(env(), a.toArray(new String[0]));
        assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
        List<String> j = new ArrayList<>(List.of(args));
        j.addAll(List.of("--format", "json"));
        json[0] = JSON.readTree(Cli.run(env(), j.toArray(new String[0])).out());
        String text = Files.readString(html);
        selfContained(text);
        everyChartHasItsNumbers(text);
        return text;
    }

    static void selfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        Matcher m = Pattern.compile("\\b(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html);
        assertFalse(m.find(), "no src or href at all, so nothing is fetched");
        assertFalse(html.contains("<script"), "no script");
        assertTrue(html.contains("Content-Security-Policy"), "the page forbids loading anything itself");
    }

    /** After every figure, before the next section, a table of its numbers. */
    static void everyChartHasItsNumbers(String html) {
        for (String section : html.split("<h2>")) {
            int lastFigure = section.lastIndexOf("<figure>");
            assertTrue(lastFigure < 0 || section.indexOf("<details>", lastFigure) > 0, "numbers for the charts of "
                    + section.substring(0, Math.min(60, section.length())));
        }
    }

    /** Every SVG of the page, parsed as XML. */
    static List<Document> svgs(String html) throws Exception {
        List<Document> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        while (m.find()) {
            out.add(f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8))));
        }
        assertFalse(out.isEmpty(), "the page has charts");
        return out;
    }

    /** The charts whose label is {@code label}. */
    static List<Document> chart(List<Document> svgs, String label) {
        List<Document> out = svgs.stream().filter(d -> d.getDocumentElement().getAttribute("aria-label").equals(label))
                .toList();
        assertFalse(out.isEmpty(), "a chart " + label);
        return out;
    }

    /** Elements of any chart with the given data attribute, in page order. */
    static List<Element> withData(List<Document> docs, String tag, String attribute) {
        List<Element> out = new ArrayList<>();
        for (Document d : docs) {
            NodeList nodes = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (e.hasAttribute("data-" + attribute)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static double[][] points(Element path) {
        String[] pairs = path.getAttribute("data-values").split(";");
        double[][] out = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            String[] xy = pairs[i].split(" ");
            out[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
        return out;
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute("data-" + attribute));
    }

    @Test
    void analyze_histogramsAndCdfsAreTheReportsBuckets_withTheSloDrawn() throws Exception {
        JsonNode[] json = new JsonNode[1];
        String html = page(json, "analyze", Path.of("examples/logs.jsonl").toAbsolutePath().toString());
        assertTrue(html.length() < 300_000, "under 300 KB: " + html.length());
        assertTrue(html.contains("SLO MISSED: v12 latency_p95_ms"), "the verdict in words at the top");
        assertTrue(html.contains("<td class=\"bad\">MISSED</td>") && html.contains("<td class=\"ok\">met</td>"),
                "verdict cells in the terminal's colours");
        List<Document> svgs = svgs(html);
        List<Element> histograms = withData(chart(svgs, "latency ms: share of requests per bucket"), "path", "series");
        List<Element> cdfs = withData(chart(svgs, "latency ms: cumulative share"), "path", "series");
        for (JsonNode g : json[0].get("groups")) {
            String name = g.get("key").get("version").asText();
            JsonNode h = g.get("latency_ms").get("histogram");
            long n = g.get("latency_ms").get("count").asLong() - h.get("zeros").asLong();
            double[][] hist = points(histograms.stream().filter(e -> e.getAttribute("data-series").equals(name))
                    .findFirst().orElseThrow());
            double[][] cdf = points(cdfs.stream().filter(e -> e.getAttribute("data-series").equals(name))
                    .findFirst().orElseThrow());
            JsonNode first = h.get("buckets").get(0);
            near(first.get("lower").asDouble(), hist[0][0], name + " first bucket's edge");
            near(first.get("count").asDouble() / n, hist[0][1], name + " first bucket's share");
            long sum = 0;
            for (JsonNode b : h.get("buckets")) {
                sum += b.get("count").asLong();
            }
            assertEquals(n, sum);
            near(1.0, cdf[cdf.length - 1][1], name + ": the CDF ends at 1");
            JsonNode last = h.get("buckets").get(h.get("buckets").size() - 1);
            near(last.get("upper").asDouble(), cdf[cdf.length - 1][0], name + ": at the last bucket's upper edge");
        }
        List<Element> perWindow = withData(svgs.stream().filter(d -> d.getDocumentElement().getAttribute("aria-label")
                .startsWith("requests per ")).toList(), "path", "series");
        for (JsonNode g : json[0].get("groups")) {
            String name = g.get("key").get("version").asText();
            double sum = 0;
            for (double[] p : points(perWindow.stream().filter(e -> e.getAttribute("data-series").equals(name))
                    .findFirst().orElseThrow())) {
                sum += p[1];
            }
            assertEquals(g.get("requests").asDouble(), sum, name + ": the windows hold every request");
        }
        List<Element> rules = new ArrayList<>();
        for (Document d : svgs) {
            NodeList texts = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
            for (int i = 0; i < texts.getLength(); i++) {
                if (texts.item(i).getTextContent().equals("SLO p95 9,000")) {
                    rules.add((Element) texts.item(i));
                }
            }
        }
        assertEquals(3, rules.size(), "the latency SLO on the histogram, the CDF and the p95 per window");
        everyChartHasItsNumbers(html);
    }

    @Test
    void drift_baselineDecilesHoldATenthEach_theEffectsAreTheReports() throws Exception {
        ReportFixtures.shiftingLog(dir);
        JsonNode[] json = new JsonNode[1];
        String html = page(json, "drift", "shifting.jsonl", "--baseline-until", "2026-11-02");
        assertTrue(json[0].get("drifted").asBoolean());
        List<Document> svgs = svgs(html);
        List<Element> columns = withData(svgs, "rect", "series");
        List<Element> base = columns.stream().filter(e -> e.getAttribute("data-series").equals("baseline")).toList();
        assertFalse(base.isEmpty());
        double shareOfOutput = 0;
        for (Element e : columns) {
            if (e.getAttribute("data-series").equals("current") && e.getAttribute("data-label").startsWith("> ")) {
                shareOfOutput = Math.max(shareOfOutput, num(e, "value"));
            }
        }
        assertTrue(shareOfOutput > 0.25, "longer answers fill the baseline's top decile: " + shareOfOutput);
        for (Element e : base) {
            if (!e.getAttribute("data-label").startsWith("(") && !e.getAttribute("data-label").matches("[a-z_]+")) {
                assertEquals(0.1, num(e, "value"), 0.02, "a baseline decile holds a tenth: " + e.getAttribute("data-label"));
            }
        }
        Map<String, Double> effects = new HashMap<>();
        for (Element e : withData(svgs, "rect", "label")) {
            if (e.hasAttribute("data-value") && !e.hasAttribute("data-series")) {
                effects.put(e.getAttribute("data-label"), num(e, "value"));
            }
        }
        for (JsonNode f : json[0].get("groups").get(0).get("features")) {
            if (f.get("enabled").asBoolean() && f.get("effect").isNumber()) {
                String label = f.get("feature").asText();
                near(f.get("effect").asDouble(), effects.get(label), label);
            }
        }
        assertTrue(html.contains("remote"), "the new term is drawn");
    }

    @Test
    void health_seriesPerWindow_andTheChangePointWhereTheErrorsRose() throws Exception {
        Path log = ReportFixtures.shiftingLog(dir);
        JsonNode[] json = new JsonNode[1];
        String html = page(json, "health", "shifting.jsonl", "--by", "model");
        boolean found = false;
        for (JsonNode f : json[0].get("versions").get(0).get("findings")) {
            found |= f.get("check").asText().equals("change_point.error_rate");
        }
        assertTrue(found, "the report finds the rise");
        List<Element> series = withData(svgs(html), "path", "series");
        double[][] requests = points(series.stream().filter(e -> e.getAttribute("data-series").equals("requests"))
                .findFirst().orElseThrow());
        assertEquals(48, requests.length, "48 windows of an hour");
        long total = 0;
        for (double[] p : requests) {
            assertEquals(120, p[1], "a request every 30 s");
            total += (long) p[1];
        }
        assertEquals(Files.readAllLines(log).size(), total);
        double[][] errors = points(series.stream().filter(e -> e.getAttribute("data-series").equals("error rate"))
                .findFirst().orElseThrow());
        long firstDay = Files.readAllLines(log).stream().limit(120).filter(l -> l.contains("\"status\":\"error\"")).count();
        near(firstDay / 120.0, errors[0][1], "the first hour's error rate, counted from the file");
        assertTrue(html.contains("change from 11-02"), "the change is drawn where it began: " + html.contains("change from"));
    }

    @Test
    void abtest_forestRowsAreTheLiftsAndIntervals() throws Exception {
        JsonNode[] json = new JsonNode[1];
        String html = page(json, "abtest", Path.of("examples/logs.jsonl").toAbsolutePath().toString(), "--control", "v11",
                "--metric", "error_rate", "--metric", "latency_ms", "--segment-by", "segment");
        List<Element> dots = withData(svgs(html), "circle", "low");
        for (JsonNode c : json[0].get("comparisons")) {
            if (c.get("lift").isNull()) {
                continue;
            }
            String label = c.get("metric").asText() + ": " + c.get("arm").asText();
            Element e = dots.stream().filter(d -> d.getAttribute("data-label").equals(label)).findFirst().orElseThrow();
            near(c.get("lift").asDouble(), num(e, "value"), "lift");
            near(c.get("lift_low").asDouble(), num(e, "low"), "low");
            near(c.get("lift_high").asDouble(), num(e, "high"), "high");
        }
        assertTrue(dots.size() > json[0].get("comparisons").size(), "and a row per segment");
        assertTrue(html.indexOf("sample ratio") < html.indexOf("<h2>"), "the trust checks come first");
    }

    @Test
    void compare_ratingsAndTheWinMatrixAreTheReports() throws Exception {
        ReportFixtures.votes(dir);
        JsonNode[] json = new JsonNode[1];
        String html = page(json, "compare", "votes.jsonl", "--bootstrap", "100", "--segment-by", "segment");
        List<Document> svgs = svgs(html);
        List<Element> dots = withData(svgs, "circle", "low");
        JsonNode models = json[0].get("models");
        for (int i = 0; i < models.size(); i++) {
            JsonNode m = models.get(i);
            near(m.get("rating").asDouble(), num(dots.get(i), "value"), m.get("model").asText());
            near(m.get("rating_low").asDouble(), num(dots.get(i), "low"), m.get("model").asText());
        }
        List<Element> cells = withData(svgs, "rect", "row");
        assertEquals(16, cells.size(), "4 x 4 cells");
        JsonNode names = json[0].get("names");
        JsonNode rates = json[0].get("win_rate");
        for (Element c : cells) {
            int i = index(names, c.getAttribute("data-row"));
            int j = index(names, c.getAttribute("data-col"));
            if (i != j) {
                near(rates.get(i).get(j).asDouble(), num(c, "value"), i + "," + j);
            }
        }
        assertTrue(html.contains("j2"), "position bias per judge");
    }

    private static int index(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void collapse_andSelect_drawTheirReportsNumbers() throws Exception {
        ReportFixtures.shiftingLog(dir);
        JsonNode[] json = new JsonNode[1];
        String html = page(json, "collapse", "shifting.jsonl", "--window", "3h", "--by", "model");
        assertTrue(json[0].get("suspected").asBoolean(), "clicks up, thumbs down");
        assertTrue(html.contains("SIGNAL "), "the signals that fired, with their evidence");
        List<Element> series = withData(svgs(html), "path", "series");
        JsonNode windows = json[0].get("groups").get(0).get("windows");
        double[][] proxy = points(series.stream().filter(e -> e.getAttribute("data-series").equals("proxy")).findFirst()
                .orElseThrow());
        for (int i = 0; i < proxy.length; i++) {
            JsonNode w = windows.get((int) proxy[i][0]);
            near(w.get("proxy_mean").asDouble(), proxy[i][1], "window " + i);
        }
        Path out = dir.resolve("picked.jsonl");
        Path html2 = dir.resolve("select.html");
        Cli.Result r = Cli.run(env(), "select", Path.of("examples/logs.jsonl").toAbsolutePath().toString(), "-n", "40",
                "-o", out.toString(), "--report", dir.resolve("cov.json").toString(), "--html", html2.toString());
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html2);
        selfContained(page);
        JsonNode cov = JSON.readTree(dir.resolve("cov.json").toFile());
        long picked = cov.get("picked").asLong();
        Map<String, Double> shares = new HashMap<>();
        for (Element e : withData(svgs(page), "rect", "series")) {
            if (e.getAttribute("data-series").equals("selection")) {
                shares.put(e.getAttribute("data-label"), num(e, "value"));
            }
        }
        for (JsonNode s : cov.get("strata")) {
            near(s.get("picked").asDouble() / picked, shares.get(s.get("stratum").asText()), s.get("stratum").asText());
        }
    }

    @Test
    void thePageGrowsWithGroupsAndWindows_notWithRecords() throws Exception {
        Path log = ReportFixtures.shiftingLog(dir);
        List<String> lines = Files.readAllLines(log);
        StringBuilder four = new StringBuilder();
        for (int copy = 0; copy < 4; copy++) {
            for (String l : lines) {
                four.append(l.replace("\"request_id\":\"r", "\"request_id\":\"c" + copy + "-")).append('\n');
            }
        }
        Files.writeString(dir.resolve("four.jsonl"), four);
        Cli.run(env(), "analyze", "shifting.jsonl", "--html", "one.html");
        Cli.run(env(), "analyze", "four.jsonl", "--html", "four.html");
        long one = Files.size(dir.resolve("one.html"));
        long more = Files.size(dir.resolve("four.html"));
        assertTrue(more < one * 1.1, "four times the records, the same windows: " + one + " vs " + more + " bytes");
    }

    @Test
    void htmlToStdoutReplacesTheReport_andSelectRefusesItWithoutAnOutputFile() {
        Cli.Result r = Cli.run(env(), "analyze", Path.of("examples/logs.jsonl").toAbsolutePath().toString(), "--html", "-");
        assertTrue(r.out().startsWith("<!DOCTYPE html>"), "only the page on stdout");
        Cli.Result s = Cli.run(env(), "select", Path.of("examples/logs.jsonl").toAbsolutePath().toString(), "-n", "5",
                "--html", "-");
        assertEquals(2, s.exit());
        assertTrue(s.err().contains("--html -"), s.err());
        Cli.Result both = Cli.run(env(), "select", Path.of("examples/logs.jsonl").toAbsolutePath().toString(), "-n", "5",
                "--html", "-", "-o", "-");
        assertEquals(2, both.exit(), "-o - is standard output too");
    }
}
