package dev.mlops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.registry.Artifact;
import dev.mlops.registry.Model;
import dev.mlops.registry.Registry;
import dev.mlops.registry.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders registry listings ({@code mlops.registry/v1} in JSON). */
public final class RegistryText {
    public static final String SCHEMA = "mlops.registry/v1";

    private RegistryText() {
    }

    public static String list(Registry r, OutputFormat f) {
        if (f == OutputFormat.JSON) {
            ObjectNode root = Json.object();
            root.put("schema", SCHEMA);
            root.put("registry", r.file().toString());
            root.put("schema_version", r.schemaVersion());
            ArrayNode vs = root.putArray("versions");
            for (Version v : r.versions()) {
                vs.add(version(r, v));
            }
            return Json.write(root);
        }
        TextTable t = TextTable.text(null, List.of("model", "version", "stage", "frozen", "base model", "revision",
                "adapter"));
        for (Version v : r.versions()) {
            t.row(List.of(v.model(), v.id(), v.stage().key(), v.frozen() ? "yes" : "no", dash(v.baseModel()),
                    dash(v.baseRevision()), adapter(v)));
        }
        if (f == OutputFormat.MARKDOWN) {
            return t.markdown();
        }
        if (f == OutputFormat.CSV) {
            StringBuilder sb = new StringBuilder("model,version,stage,frozen,base_model,revision,adapter\n");
            for (Version v : r.versions()) {
                sb.append(String.join(",", csv(v.model()), csv(v.id()), v.stage().key(), Boolean.toString(v.frozen()),
                        csv(v.baseModel()), csv(v.baseRevision()), csv(adapter(v)))).append('\n');
            }
            return sb.toString();
        }
        return t.text();
    }

    public static String show(Registry r, Version v, OutputFormat f) {
        if (f == OutputFormat.JSON) {
            ObjectNode root = version(r, v);
            root.put("schema", SCHEMA);
            return Json.write(root);
        }
        Model m = r.models().get(v.model());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"version", v.id()});
        rows.add(new String[] {"model", v.model()});
        rows.add(new String[] {"stage", v.stage().key()});
        rows.add(new String[] {"frozen", v.frozen() ? "yes" : "no"});
        rows.add(new String[] {"base model", dash(v.baseModel()) + " @ " + dash(v.baseRevision())});
        rows.add(new String[] {"adapter", adapter(v)});
        for (Map.Entry<String, Artifact> a : v.artifacts().entrySet()) {
            rows.add(new String[] {a.getKey(), dash(a.getValue().path()) + "  sha256 " + dash(a.getValue().sha256())});
        }
        v.sampling().forEach((k, x) -> rows.add(new String[] {"sampling." + k, String.valueOf(x)}));
        rows.add(new String[] {"training data", dash(v.trainingData()) + "  sha256 " + dash(v.trainingDataSha256())});
        if (v.serving() != null) {
            rows.add(new String[] {"serving", v.serving().model() + " at " + v.serving().endpoint()
                    + (v.serving().apiKeyEnv() == null ? "" : "  key $" + v.serving().apiKeyEnv())});
        }
        if (m.pricing() != null) {
            rows.add(new String[] {"pricing", "input " + Fmt.usd(m.pricing().inputPer1m()) + "/1M, output "
                    + Fmt.usd(m.pricing().outputPer1m()) + "/1M"});
        }
        m.slo().limits().forEach((k, x) -> rows.add(new String[] {"slo." + k, Fmt.num(x)}));
        TextTable t = TextTable.text(null, List.of("field", "value"));
        for (String[] row : rows) {
            t.row(List.of(row));
        }
        return f == OutputFormat.CSV ? t.csv() : f == OutputFormat.MARKDOWN ? t.markdown() : t.text();
    }

    private static ObjectNode version(Registry r, Version v) {
        ObjectNode o = Json.object();
        o.put("id", v.id());
        o.put("model", v.model());
        o.put("stage", v.stage().key());
        o.put("frozen", v.frozen());
        o.setAll(dev.mlops.release.Manifests.identity(v));
        Model m = r.models().get(v.model());
        if (m.pricing() != null) {
            ObjectNode p = o.putObject("pricing");
            p.put("input_per_1m", m.pricing().inputPer1m());
            p.put("output_per_1m", m.pricing().outputPer1m());
        }
        ObjectNode slo = o.putObject("slo");
        m.slo().limits().forEach(slo::put);
        if (v.serving() != null) {
            ObjectNode s = o.putObject("serving");
            s.put("endpoint", v.serving().endpoint());
            s.put("model", v.serving().model());
            if (v.serving().apiKeyEnv() != null) {
                s.put("api_key_env", v.serving().apiKeyEnv());
            }
        }
        o.put("line", v.line());
        return o;
    }

    private static String adapter(Version v) {
        if (v.adapterType() == null) {
            return "-";
        }
        return v.adapterType() + (v.adapterRank() > 0 ? " r" + v.adapterRank() : "")
                + (v.adapterAlpha() > 0 ? " α" + dev.mlops.text.Numbers.plain(v.adapterAlpha()) : "");
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String csv(String s) {
        String v = dash(s);
        return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
