package dev.mlops.registry;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
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
    private final int keyLine;

    private YamlNode(String file, String path, Node node) {
        this(file, path, node, 0);
    }

    private YamlNode(String file, String path, Node node, int keyLine) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.keyLine = keyLine;
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
            String text = readAll(reader);
            refuseTags(file, yaml.parse(new StringReader(text)));
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                throw new RegistryException(file + ":1: the registry is empty");
            }
            new Walk(file).node(root, "", null);
            return new YamlNode(file, "", root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new RegistryException(file + ":" + line + ": invalid YAML: " + oneLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new RegistryException(file + ": invalid YAML: " + oneLine(e.getMessage()));
        }
    }

    private static String readAll(Reader r) {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
                if (sb.length() > 2L * MAX_CODE_POINTS) {
                    throw new RegistryException("the registry is too large");
                }
            }
            return sb.toString();
        } catch (java.io.IOException e) {
            throw new RegistryException("cannot read the registry: " + e.getMessage());
        }
    }

    /** Tags (!custom, !!binary, even !!str) could make a value mean something other than it reads. */
    private static void refuseTags(String file, Iterable<Event> events) {
        for (Event e : events) {
            String tag = e instanceof ScalarEvent ? ((ScalarEvent) e).getTag()
                    : e instanceof CollectionStartEvent ? ((CollectionStartEvent) e).getTag() : null;
            if (tag != null) {
                throw new RegistryException(file + ":" + (e.getStartMark().getLine() + 1) + ": the tag " + tag
                        + " is not allowed in a registry; write the plain value");
            }
        }
    }

    /**
     * Checks every mapping for duplicate keys, and refuses a node (an anchor) shared between two
     * versions, or between a version and anything else: freezing one would write into the other.
     */
    private static final class Walk {
        private final String file;
        private final java.util.IdentityHashMap<Node, String> owners = new java.util.IdentityHashMap<>();

        Walk(String file) {
            this.file = file;
        }

        void node(Node n, String path, Node key) {
            String owner = owner(path);
            String before = owners.putIfAbsent(n, owner);
            if (before != null) {
                if (!before.equals(owner) && (before.startsWith("models.") || owner.startsWith("models."))) {
                    int line = (key == null ? n : key).getStartMark().getLine() + 1;
                    throw new RegistryException(file + ":" + line + ": " + path + " reuses an anchor"
                            + (n.getAnchor() == null ? "" : " (&" + n.getAnchor() + ")") + " of "
                            + (before.isEmpty() ? "another part of the file" : before)
                            + "; a version's fields may not be shared, as freezing one version would change the other");
                }
                return;
            }
            if (n instanceof MappingNode) {
                java.util.Map<String, Integer> seen = new java.util.HashMap<>();
                for (NodeTuple t : ((MappingNode) n).getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode) {
                        String k = ((ScalarNode) t.getKeyNode()).getValue();
                        int line = t.getKeyNode().getStartMark().getLine() + 1;
                        Integer first = seen.putIfAbsent(k, line);
                        if (first != null) {
                            throw new RegistryException(file + ":" + line + ": " + (path.isEmpty() ? k : path + "." + k)
                                    + " appears twice (first at line " + first + ")");
                        }
                        node(t.getValueNode(), path.isEmpty() ? k : path + "." + k, t.getKeyNode());
                    }
                }
            } else if (n instanceof SequenceNode) {
                List<Node> items = ((SequenceNode) n).getValue();
                for (int i = 0; i < items.size(); i++) {
                    node(items.get(i), path + "[" + i + "]", null);
                }
            }
        }

        /** The version a path lies in ("models.bot.versions[1]"), or "" outside every version. */
        private static String owner(String path) {
            java.util.regex.Matcher m = VERSION.matcher(path);
            return m.find() ? m.group() : "";
        }
    }

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("^models\\..+?\\.versions\\[\\d+\\]");

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    String file() {
        return file;
    }

    /** The line of the key this node is the value of (its own line for the root and list items). */
    int keyLine() {
        return keyLine > 0 ? keyLine : line();
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
            out.put(key, new YamlNode(file, path.isEmpty() ? key : path + "." + key, t.getValueNode(),
                    t.getKeyNode().getStartMark().getLine() + 1));
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
