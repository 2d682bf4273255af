package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The field mapping applied to a parsed record (an envelope format's flat record) instead of to its
 * bytes: the same trie and the same builder as {@link JsonScanner}, so that a record reads the same
 * either way, without writing it out and scanning it again. Used when the sink needs no raw text.
 */
final class TreeWalker {
    private final PathNode root;
    private final RecordBuilder out;

    TreeWalker(PathNode root, RecordBuilder out) {
        this.root = root;
        this.out = out;
    }

    void record(JsonNode o) {
        out.reset();
        object(o, root);
    }

    private void object(JsonNode o, PathNode node) {
        Iterator<Map.Entry<String, JsonNode>> it = o.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            PathNode child = node.child(e.getKey());
            if (child != null) {
                value(e.getValue(), child);
            }
        }
    }

    private void value(JsonNode v, PathNode node) {
        Slot[] slots = node.slots;
        if (v.isObject()) {
            boolean deeper = node.hasChildren();
            for (Slot s : slots) {
                if (!deeper || s.how == Rule.How.ERROR_MARKER) {
                    out.structure(s);
                }
            }
            if (deeper) {
                object(v, node);
            }
        } else if (v.isArray()) {
            if (slots.length > 0 && slots[0].how == Rule.How.MESSAGES) {
                String prompt = Messages.lastUser(v.toString());
                if (prompt != null) {
                    for (Slot s : slots) {
                        out.text(s, prompt);
                    }
                }
            } else if (node.hasChildren()) {
                if (!v.isEmpty() && v.get(0).isObject()) {
                    object(v.get(0), node);
                }
            } else if (slots.length > 0 && !v.isEmpty()) {
                JsonNode first = v.get(0);
                if (first.isContainerNode()) {
                    for (Slot s : slots) {
                        out.structure(s);
                    }
                } else {
                    scalar(first, slots);
                }
            }
        } else if (slots.length > 0) {
            scalar(v, slots);
        }
    }

    private void scalar(JsonNode v, Slot[] slots) {
        if (v.isTextual()) {
            String s = v.textValue();
            for (Slot slot : slots) {
                out.text(slot, s);
            }
        } else if (v.isBoolean()) {
            for (Slot slot : slots) {
                out.bool(slot, v.booleanValue());
            }
        } else if (v.isNumber()) {
            double d = v.doubleValue();
            boolean integral = v.isIntegralNumber() || d == Math.rint(d);
            String lexeme = null;
            for (Slot slot : slots) {
                if (lexeme == null && (slot.kind == Field.Kind.TEXT || slot.kind == Field.Kind.STATUS || d < 0
                        || d != Math.rint(d))) {
                    lexeme = v.asText();
                }
                out.number(slot, d, integral, lexeme);
            }
        }
    }
}
