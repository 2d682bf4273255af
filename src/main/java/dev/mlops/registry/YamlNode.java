package dev.mlops.registry;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that knows its file, line and dotted path, so that every validation error can
 * say {@code registry.yaml:12: models.bot.pricing.input_per_1m is -1, expected a non-negative number}.
 * Parsing is safe: no custom types, few aliases, bounded depth and size, no duplicate keys.
 */
final class YamlNode {
    static final int MAX_CODE_POINTS = 8 << 20;

    private final String file;
    private final String path;
    private final Node node;

    private YamlNode(String file, String path, Node node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    static YamlNode parse(String file, Reader reader) {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(20);
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(32);
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(o));
        try {
            Node root = yaml.compose(reader);
            if (root == null) {
                throw new RegistryException(file + ":1: the registry is empty");
            }
            return new YamlNode(file, "", root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new RegistryException(file + ":" + line + ": invalid YAML: " + oneLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new RegistryException(file + ": invalid YAML: " + oneLine(e.getMessage()));
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String path() {
        return path;
    }

    RegistryException error(String what) {
        return new RegistryException(file + ":" + line() + ": " + (path.isEmpty() ? "the file" : path) + " " + what);
    }


    /** The entries of a mapping, in file order. */
    Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode)) {
            throw error("is " + kind() + ", expected a mapping");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode)) {
                throw new YamlNode(file, path, t.getKeyNode()).error("has a key that is not a string");
            }
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            out.put(key, new YamlNode(file, path.isEmpty() ? key : path + "." + key, t.getValueNode()));
        }
        return out;
    }

    List<YamlNode> items() {
        if (!(node instanceof SequenceNode)) {
            throw error("is " + kind() + ", expected a list");
        }
        List<YamlNode> out = new ArrayList<>();
        List<Node> items = ((SequenceNode) node).getValue();
        for (int i = 0; i < items.size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", items.get(i)));
        }
        return out;
    }

    YamlNode get(String key) {
        return entries().get(key);
    }

    YamlNode require(String key) {
        YamlNode n = get(key);
        if (n == null) {
            throw error("has no '" + key + "'");
        }
        return n;
    }

    /** Rejects keys this schema does not know, so that a typo is not silently ignored. */
    void only(String... keys) {
        List<String> allowed = List.of(keys);
        for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("is not a known field (expected one of " + String.join(", ", keys) + ")");
            }
        }
    }

    String text() {
        if (!(node instanceof ScalarNode)) {
            throw error("is " + kind() + ", expected a string");
        }
        return ((ScalarNode) node).getValue();
    }

    boolean isNull() {
        return node instanceof ScalarNode && node.getTag().getValue().endsWith(":null");
    }

    double number() {
        String t = text();
        try {
            double d = Double.parseDouble(t);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw error("is \"" + t + "\", expected a number");
        }
    }

    double nonNegative() {
        double d = number();
        if (d < 0) {
            throw error("is " + text() + ", expected a non-negative number");
        }
        return d;
    }

    int positiveInt() {
        String t = text();
        try {
            int i = Integer.parseInt(t);
            if (i <= 0) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw error("is \"" + t + "\", expected a positive integer");
        }
    }

    boolean bool() {
        String t = text();
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw error("is \"" + t + "\", expected true or false");
    }

    /** A scalar as a plain Java value (number, boolean or string), for free-form settings. */
    Object scalar() {
        String t = text();
        String tag = node.getTag().getValue();
        if (tag.endsWith(":int") || tag.endsWith(":float")) {
            double d = number();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        if (tag.endsWith(":bool")) {
            return Boolean.parseBoolean(t);
        }
        return t;
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "\"" + ((ScalarNode) node).getValue() + "\"";
    }

}
