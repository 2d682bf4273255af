package dev.mlops.registry;

import dev.mlops.io.BoundedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads and validates a registry file. Every error is a {@link RegistryException} naming file, line and field. */
public final class RegistryLoader {
    /** The newest schema this build writes; older ones still load. */
    public static final int SCHEMA_VERSION = 1;
    static final long MAX_BYTES = 8L << 20;

    private RegistryLoader() {
    }

    public static Registry load(Path file) {
        return load(file, file.toString());
    }

    /** Loads {@code file}, naming it {@code name} in messages. */
    public static Registry load(Path file, String name) {
        return parse(file, name, read(file, name));
    }

    /** The registry's text: a regular file of at most {@value #MAX_BYTES} bytes, in UTF-8. */
    public static String read(Path file, String name) {
        byte[] b;
        try {
            if (Files.isDirectory(file)) {
                throw new RegistryException(name + ": is a directory, not a registry file");
            }
            b = BoundedFiles.read(file, name, MAX_BYTES);
        } catch (BoundedFiles.RefusedException e) {
            throw new RegistryException(e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RegistryException(name + ": is not UTF-8 text");
        }
    }

    /** Parses registry text that is not (yet) on disk, e.g. an edit about to be written. */
    public static Registry parse(Path file, String text) {
        return parse(file, file.toString(), text);
    }

    /** Parses registry text, naming it {@code name} in messages. */
    public static Registry parse(Path file, String name, String text) {
        return parse(file, YamlNode.parse(name, new java.io.StringReader(text)));
    }

    static Registry parse(Path file, YamlNode root) {
        root.only("schema_version", "models", "promotion", "history");
        int schema = 1;
        YamlNode sv = root.get("schema_version");
        if (sv != null) {
            schema = sv.positiveInt();
            if (schema > SCHEMA_VERSION) {
                throw sv.error("is " + schema + ", but this mlops reads schema versions up to " + SCHEMA_VERSION
                        + "; upgrade mlops");
            }
        }
        Map<String, Model> models = new LinkedHashMap<>();
        Map<String, YamlNode> seen = new HashMap<>();
        YamlNode ms = root.require("models");
        for (Map.Entry<String, YamlNode> e : ms.entries().entrySet()) {
            checkName(e.getValue(), e.getKey(), "the model name");
            models.put(e.getKey(), model(e.getKey(), e.getValue(), seen));
        }
        return new Registry(file, schema, models, promotion(root.get("promotion")), history(root.get("history")));
    }

    private static void checkName(YamlNode at, String name, String what) {
        String problem = Names.problem(name);
        if (problem != null) {
            throw new RegistryException(at.file() + ":" + at.keyLine() + ": " + what + " \"" + Names.safe(name) + "\" "
                    + problem);
        }
    }

    private static HistoryRecord history(YamlNode h) {
        if (h == null) {
            return null;
        }
        h.only("entries", "head", "mac");
        long entries = h.require("entries").positiveInt();
        String head = h.require("head").text();
        if (!head.matches("[0-9a-f]{64}")) {
            throw h.require("head").error("is \"" + head + "\", expected 64 lowercase hex digits");
        }
        String mac = h.get("mac") == null ? null : h.get("mac").text();
        if (mac != null && !mac.matches("[0-9a-f]{64}")) {
            throw h.get("mac").error("is \"" + mac + "\", expected 64 lowercase hex digits");
        }
        return new HistoryRecord(entries, head, mac, h.line());
    }

    private static Map<Stage, List<Gate>> promotion(YamlNode p) {
        Map<Stage, List<Gate>> out = new java.util.EnumMap<>(Stage.class);
        if (p == null) {
            return out;
        }
        for (Map.Entry<String, YamlNode> e : p.entries().entrySet()) {
            Stage stage = Stage.parse(e.getKey());
            if (stage == null) {
                throw e.getValue().error("is not a stage (expected one of experiment, staging, canary, production, "
                        + "retired)");
            }
            List<Gate> gates = new java.util.ArrayList<>();
            for (YamlNode g : e.getValue().items()) {
                g.only("check", "metric", "against", "min", "max", "significant");
                String check = g.require("check").text();
                if (!Gate.known(check)) {
                    throw g.require("check").error("is \"" + check + "\", expected one of "
                            + String.join(", ", Slo.MEASURES) + ", " + String.join(", ", Gate.OTHER_CHECKS));
                }
                double min = g.get("min") == null ? Double.NaN : g.get("min").number();
                double max = g.get("max") == null ? Double.NaN : g.get("max").number();
                boolean significant = g.get("significant") != null && g.get("significant").bool();
                String metric = g.get("metric") == null ? null : g.get("metric").text();
                if (Double.isNaN(min) && Double.isNaN(max) && !significant) {
                    throw g.error("has no limit: give min, max or significant");
                }
                if (check.equals("abtest.lift") && metric == null) {
                    throw g.error("needs a metric for abtest.lift");
                }
                String against = g.get("against") == null ? null : g.get("against").text();
                if (check.startsWith("compare.") && against == null) {
                    throw g.error("needs against: VERSION for " + check);
                }
                gates.add(new Gate(check, metric, against, min, max, significant, g.line()));
            }
            out.put(stage, gates);
        }
        return out;
    }

    private static Model model(String name, YamlNode n, Map<String, YamlNode> seen) {
        n.only("pricing", "slo", "versions", "description");
        Pricing pricing = null;
        YamlNode p = n.get("pricing");
        if (p != null) {
            p.only("input_per_1m", "output_per_1m", "cached_input_per_1m");
            YamlNode cached = p.get("cached_input_per_1m");
            pricing = new Pricing(p.require("input_per_1m").nonNegative(), p.require("output_per_1m").nonNegative(),
                    cached == null ? Double.NaN : cached.nonNegative());
        }
        Slo slo = Slo.none();
        YamlNode s = n.get("slo");
        if (s != null) {
            s.only(Slo.MEASURES.toArray(new String[0]));
            Map<String, Double> limits = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : s.entries().entrySet()) {
                double v = e.getValue().nonNegative();
                if ((e.getKey().endsWith("_rate")) && v > 1) {
                    throw e.getValue().error("is " + e.getValue().text() + ", expected a rate between 0 and 1");
                }
                limits.put(e.getKey(), v);
            }
            slo = new Slo(limits);
        }
        List<Version> versions = new java.util.ArrayList<>();
        YamlNode vs = n.get("versions");
        if (vs != null) {
            for (YamlNode v : vs.items()) {
                Version version = version(name, v);
                YamlNode before = seen.putIfAbsent(version.id(), v);
                if (before != null) {
                    throw v.require("id").error("is \"" + version.id() + "\", a duplicate of the version at line "
                            + before.line());
                }
                versions.add(version);
            }
        }
        return new Model(name, pricing, slo, versions);
    }

    private static Version version(String model, YamlNode v) {
        v.only("id", "base_model", "adapter", "tokenizer", "prompt_template", "sampling", "training_data", "stage",
                "frozen", "serving", "description", "created");
        String id = v.require("id").text();
        if (id.isBlank()) {
            throw v.require("id").error("is empty");
        }
        String problem = Names.problem(id);
        if (problem != null) {
            throw v.require("id").error("is \"" + Names.safe(id) + "\", which " + problem);
        }
        String baseName = null;
        String baseRevision = null;
        YamlNode b = v.get("base_model");
        if (b != null) {
            b.only("name", "revision");
            baseName = b.require("name").text();
            baseRevision = b.get("revision") == null ? null : b.get("revision").text();
        }
        Map<String, Artifact> artifacts = new LinkedHashMap<>();
        String adapterType = null;
        int rank = 0;
        double alpha = 0;
        YamlNode a = v.get("adapter");
        if (a != null) {
            a.only("type", "path", "rank", "alpha", "sha256");
            adapterType = a.get("type") == null ? null : a.get("type").text();
            rank = a.get("rank") == null ? 0 : a.get("rank").positiveInt();
            alpha = a.get("alpha") == null ? 0 : a.get("alpha").nonNegative();
            artifacts.put("adapter", artifact(a));
        }
        for (String role : List.of("tokenizer", "prompt_template")) {
            YamlNode t = v.get(role);
            if (t != null) {
                t.only("path", "sha256");
                artifacts.put(role, artifact(t));
            }
        }
        Map<String, Object> sampling = new LinkedHashMap<>();
        YamlNode s = v.get("sampling");
        if (s != null) {
            for (Map.Entry<String, YamlNode> e : s.entries().entrySet()) {
                sampling.put(e.getKey(), e.getValue().scalar());
            }
            checkRange(s, "temperature", 0, 10);
            checkRange(s, "top_p", 0, 1);
        }
        String data = null;
        String dataSha = null;
        YamlNode d = v.get("training_data");
        if (d != null) {
            d.only("name", "sha256", "path");
            data = d.require("name").text();
            dataSha = sha(d);
            if (d.get("path") != null) {
                artifacts.put("training_data", artifact(d));
            }
        }
        YamlNode st = v.get("stage");
        Stage stage = Stage.EXPERIMENT;
        if (st != null) {
            stage = Stage.parse(st.text());
            if (stage == null) {
                throw st.error("is \"" + st.text() + "\", expected one of experiment, staging, canary, production, retired");
            }
        }
        boolean frozen = v.get("frozen") != null && v.get("frozen").bool();
        return new Version(id, model, baseName, baseRevision, adapterType, rank, alpha, artifacts, sampling, data,
                dataSha, stage, frozen, serving(v.get("serving")), v.line());
    }

    /** {@code serving: {endpoint, model, api_key_env}}: an http(s) URL with a host, a model name, a variable name. */
    private static Serving serving(YamlNode s) {
        if (s == null) {
            return null;
        }
        s.only("endpoint", "model", "api_key_env");
        YamlNode e = s.require("endpoint");
        String endpoint = e.text().strip();
        try {
            java.net.URI u = new java.net.URI(endpoint);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null || u.getRawQuery() != null || u.getRawFragment() != null) {
                throw e.error("is \"" + Names.safe(endpoint) + "\", expected an http or https URL with a host and no "
                        + "query, e.g. http://127.0.0.1:8000/v1");
            }
        } catch (java.net.URISyntaxException x) {
            throw e.error("is not a URL: " + x.getReason());
        }
        String model = s.require("model").text();
        if (model.isBlank()) {
            throw s.require("model").error("is empty");
        }
        YamlNode k = s.get("api_key_env");
        String key = k == null ? null : k.text();
        if (key != null && !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw k.error("is \"" + Names.safe(key) + "\", expected an environment variable's name");
        }
        return new Serving(endpoint.replaceAll("/+$", ""), model, key);
    }

    private static void checkRange(YamlNode s, String key, double lo, double hi) {
        YamlNode n = s.get(key);
        if (n != null) {
            double x = n.number();
            if (x < lo || x > hi) {
                throw n.error("is " + n.text() + ", expected a number from " + lo + " to " + hi);
            }
        }
    }

    private static Artifact artifact(YamlNode n) {
        YamlNode p = n.get("path");
        return new Artifact(p == null ? null : p.text(), sha(n));
    }

    private static String sha(YamlNode n) {
        YamlNode s = n.get("sha256");
        if (s == null || s.isNull()) {
            return null;
        }
        String t = s.text();
        if (!t.matches("[0-9a-f]{64}") && !t.equals("…") && !t.isEmpty()) {
            throw s.error("is \"" + t + "\", expected 64 lowercase hex digits");
        }
        return t.length() == 64 ? t : null;
    }
}
