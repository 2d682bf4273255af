package dev.mlops.registry;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Edits a registry's YAML text in place: it sets a key of a version (or of one of its
 * sub-mappings) by replacing only that value's characters, or by adding one key, so that the
 * user's comments, layout and key order stay as they were. Works on block and flow style.
 */
public final class RegistryEditor {
    private String text;

    public RegistryEditor(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * Sets {@code key: value} in version {@code id}, inside the sub-mapping {@code under}
     * (empty for the version itself). {@code value} is written as given (already YAML).
     */
    public RegistryEditor set(String id, List<String> under, String key, String value) {
        MappingNode m = version(id);
        for (String k : under) {
            Node child = valueOf(m, k);
            if (!(child instanceof MappingNode)) {
                throw new IllegalStateException("version " + id + " has no mapping '" + k + "'");
            }
            m = (MappingNode) child;
        }
        Node existing = valueOf(m, key);
        if (existing instanceof ScalarNode) {
            replace(existing.getStartMark().getIndex(), existing.getEndMark().getIndex(), value);
        } else if (existing != null) {
            throw new IllegalStateException(key + " of version " + id + " is not a single value");
        } else {
            insert(m, key, value);
        }
        return this;
    }

    /**
     * Sets the registry's top-level {@code history:} record (written as one flow mapping), replacing
     * the one there or adding it as the last line.
     */
    public RegistryEditor setHistory(HistoryRecord record) {
        int[] span = historySpan();
        String line = "history: " + record.yaml();
        if (span == null) {
            int at = modelsStart();
            text = text.substring(0, at) + line + "    # kept by mlops: the count and last hash of history.jsonl\n"
                    + text.substring(at);
        } else {
            text = text.substring(0, span[0]) + line + text.substring(span[1]);
        }
        return this;
    }

    /** Where the top-level models key starts (a new history record goes on the line before it). */
    private int modelsStart() {
        Node root = compose();
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals("models")) {
                int at = chars(t.getKeyNode().getStartMark().getIndex());
                return text.lastIndexOf('\n', at - 1) + 1;
            }
        }
        throw new IllegalStateException("the registry has no models");
    }

    /** The text without its {@code history:} record line: what a history entry's registry_sha256 hashes. */
    public static String withoutHistory(String text) {
        int[] span = new RegistryEditor(text).historySpan();
        if (span == null) {
            return text;
        }
        int start = text.lastIndexOf('\n', span[0] - 1) + 1;
        int end = text.indexOf('\n', span[1]);
        return text.substring(0, start) + (end < 0 ? "" : text.substring(end + 1));
    }

    /** Where the top-level history key starts and its value ends, in chars; null when there is none. */
    private int[] historySpan() {
        Node root = compose();
        if (!(root instanceof MappingNode)) {
            return null;
        }
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals("history")) {
                return new int[] {chars(t.getKeyNode().getStartMark().getIndex()), chars(lastIndex(t.getValueNode()))};
            }
        }
        return null;
    }

    private Node compose() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(20);
        return new Yaml(new SafeConstructor(o), new org.yaml.snakeyaml.representer.Representer(new DumperOptions()),
                new DumperOptions(), o).compose(new StringReader(text));
    }

    /** A quoted YAML string. */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private MappingNode version(String id) {
        Node root = compose();
        Node models = valueOf((MappingNode) root, "models");
        for (NodeTuple t : ((MappingNode) models).getValue()) {
            Node versions = valueOf((MappingNode) t.getValueNode(), "versions");
            if (versions instanceof SequenceNode) {
                for (Node v : ((SequenceNode) versions).getValue()) {
                    Node vid = valueOf((MappingNode) v, "id");
                    if (vid instanceof ScalarNode && ((ScalarNode) vid).getValue().equals(id)) {
                        return (MappingNode) v;
                    }
                }
            }
        }
        throw new IllegalStateException("no version " + id);
    }

    private static Node valueOf(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private void insert(MappingNode m, String key, String value) {
        if (m.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            int close = chars(m.getEndMark().getIndex()) - 1;
            while (close > 0 && text.charAt(close) != '}') {
                close--;
            }
            String sep = m.getValue().isEmpty() ? "" : ", ";
            text = text.substring(0, close) + sep + key + ": " + value + text.substring(close);
            return;
        }
        if (m.getValue().isEmpty()) {
            throw new IllegalStateException("cannot add to an empty block mapping");
        }
        int indent = m.getValue().get(0).getKeyNode().getStartMark().getColumn();
        int end = chars(lastIndex(m));
        int eol = text.indexOf('\n', end);
        String line = "\n" + " ".repeat(indent) + key + ": " + value;
        text = eol < 0 ? text + line : text.substring(0, eol) + line + text.substring(eol);
    }

    /** Where the last scalar or flow collection inside {@code n} ends: block collections' own end marks run on. */
    private static int lastIndex(Node n) {
        if (n instanceof ScalarNode || n instanceof CollectionNode && ((CollectionNode<?>) n).getFlowStyle()
                == DumperOptions.FlowStyle.FLOW) {
            return n.getEndMark().getIndex();
        }
        int max = n.getStartMark().getIndex();
        if (n instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) n).getValue()) {
                max = Math.max(max, Math.max(lastIndex(t.getKeyNode()), lastIndex(t.getValueNode())));
            }
        } else if (n instanceof SequenceNode) {
            for (Node c : ((SequenceNode) n).getValue()) {
                max = Math.max(max, lastIndex(c));
            }
        }
        return max;
    }

    private void replace(int startCodePoint, int endCodePoint, String value) {
        int s = chars(startCodePoint);
        int e = chars(endCodePoint);
        text = text.substring(0, s) + value + text.substring(e);
    }

    /** SnakeYAML marks count code points; Java strings count chars. */
    private int chars(int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }
}
