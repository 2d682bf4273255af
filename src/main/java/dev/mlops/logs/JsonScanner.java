package dev.mlops.logs;

import java.nio.charset.StandardCharsets;

/**
 * Walks one JSON object in a byte buffer and hands the values of mapped fields to a
 * {@link RecordBuilder}. Fields that are not mapped are skipped without decoding: strings are
 * skipped eight bytes at a time. It works on {@code buf[pos, limit)} and throws
 * {@link #NEED_MORE} when a record runs past the limit, so that the reader can refill and retry.
 */
final class JsonScanner extends JsonCursor {
    private final PathNode root;
    private final RecordBuilder out;
    /** When set, prompt and response are not decoded: their spans are kept for {@link #text(int)}. */
    boolean lazyText;
    /** Start and end (negated when escaped) of the prompt [0,1] and response [2,3] spans, or -1. */
    final int[] spans = new int[4];
    /** The span of a messages array, the prompt's source when no prompt string came first, or -1. */
    final int[] messageSpan = new int[2];
    private final StringCache strings = new StringCache();

    JsonScanner(PathNode root, RecordBuilder out) {
        this.root = root;
        this.out = out;
    }

    /** Reads the object that starts at {@code pos}; on return {@code pos} is just past it. */
    void record() {
        out.reset();
        java.util.Arrays.fill(spans, -1);
        java.util.Arrays.fill(messageSpan, -1);
        object(root);
    }

    /** Decodes the kept span: 0 for the prompt, 1 for the response; null when the record had none. */
    String text(int which) {
        int s = spans[2 * which];
        int e = spans[2 * which + 1];
        if (s < 0 && which == 0 && messageSpan[0] >= 0) {
            return Messages.lastUser(new String(buf, messageSpan[0], messageSpan[1] - messageSpan[0], StandardCharsets.UTF_8));
        }
        if (s < 0) {
            return null;
        }
        return e < 0 ? decode(s, -e) : new String(buf, s, e - s, StandardCharsets.UTF_8);
    }

    private void object(PathNode node) {
        pos++;
        ws();
        if (at(pos) == '}') {
            pos++;
            return;
        }
        while (true) {
            if (at(pos) != '"') {
                throw syntax("expected a field name");
            }
            int ks = ++pos;
            int ke = findSpecial(ks);
            PathNode child = null;
            if (buf[ke] == '"') {
                pos = ke + 1;
                if (node != null) {
                    child = node.child(buf, ks, ke - ks, PathNode.hash(buf, ks, ke - ks));
                }
            } else if (buf[ke] == '\\') {
                pos = ks - 1;
                ke = -stringEnd();
                if (node != null) {
                    child = node.child(decode(ks, ke));
                }
            } else {
                throw syntax("unterminated field name");
            }
            ws();
            if (at(pos) != ':') {
                throw syntax("expected ':' after a field name");
            }
            pos++;
            ws();
            if (child == null) {
                skipValue();
            } else {
                value(child);
            }
            ws();
            byte c = at(pos++);
            if (c == ',') {
                ws();
                continue;
            }
            if (c == '}') {
                return;
            }
            throw syntax("expected ',' or '}'");
        }
    }

    private void value(PathNode node) {
        Slot[] slots = node.slots;
        byte c = at(pos);
        if (c == '{') {
            // an object where deeper rules look is theirs; a rule that wanted a value here finds none
            boolean deeper = node.hasChildren();
            for (Slot s : slots) {
                if (!deeper || s.how == Rule.How.ERROR_MARKER) {
                    out.structure(s);
                }
            }
            if (deeper) {
                object(node);
            } else {
                skipValue();
            }
        } else if (c == '[') {
            if (slots.length > 0 && slots[0].how == Rule.How.MESSAGES) {
                int start = pos;
                skipValue();
                messages(slots, start, pos);
            } else if (node.hasChildren()) {
                firstObject(node);
            } else if (slots.length == 0) {
                skipValue();
            } else {
                firstElement(slots);
            }
        } else if (slots.length == 0) {
            skipValue();
        } else {
            scalar(slots);
        }
    }

    /** A chat messages array: its last user message is the prompt, decoded now or kept for {@link #text}. */
    private void messages(Slot[] slots, int start, int end) {
        if (lazyText) {
            if (messageSpan[0] < 0) {
                messageSpan[0] = start;
                messageSpan[1] = end;
            }
            return;
        }
        String prompt = Messages.lastUser(new String(buf, start, end - start, StandardCharsets.UTF_8));
        if (prompt != null) {
            for (Slot s : slots) {
                out.text(s, prompt);
            }
        }
    }

    /** A list of objects under deeper rules (choices.message.content): the first element counts. */
    private void firstObject(PathNode node) {
        pos++;
        ws();
        if (at(pos) == ']') {
            pos++;
            return;
        }
        if (at(pos) == '{') {
            object(node);
        } else {
            skipValue();
        }
        skipRestOfArray();
    }

    /** After an array's first element: skips the others and the closing bracket. */
    private void skipRestOfArray() {
        while (true) {
            ws();
            byte d = at(pos++);
            if (d == ']') {
                return;
            }
            if (d != ',') {
                throw syntax("expected ',' or ']'");
            }
            ws();
            skipValue();
        }
    }

    /** A list where one value is wanted (finish_reasons): the first element counts. */
    private void firstElement(Slot[] slots) {
        pos++;
        ws();
        if (at(pos) == ']') {
            pos++;
            return;
        }
        byte c = at(pos);
        if (c == '{' || c == '[') {
            for (Slot s : slots) {
                out.structure(s);
            }
            skipValue();
        } else {
            scalar(slots);
        }
        skipRestOfArray();
    }

    private void scalar(Slot[] slots) {
        byte c = at(pos);
        if (c == '"') {
            int start = pos + 1;
            int end = stringEnd();
            if (lazyText && slots[0].field == Field.PROMPT || lazyText && slots[0].field == Field.RESPONSE) {
                int k = slots[0].field == Field.PROMPT ? 0 : 2;
                if (spans[k] < 0) {
                    spans[k] = start;
                    spans[k + 1] = end;
                }
                return;
            }
            if (end > 0 && slots.length == 1 && slots[0].kind == Field.Kind.INSTANT) {
                java.time.Instant t = Timestamps.fast(buf, start, end - start);
                if (t != null) {
                    out.instant(slots[0], t);
                    return;
                }
            }
            String s = end > 0 ? strings.get(slots[0].priority, buf, start, end) : decode(start, -end);
            for (Slot slot : slots) {
                out.text(slot, s);
            }
        } else if (c == 't' || c == 'f') {
            boolean v = c == 't';
            literal(v ? "true" : "false");
            for (Slot slot : slots) {
                out.bool(slot, v);
            }
        } else if (c == 'n') {
            literal("null");
        } else {
            int start = pos;
            double v = number();
            String lexeme = null;
            for (Slot slot : slots) {
                if (lexeme == null && (slot.kind == Field.Kind.TEXT || slot.kind == Field.Kind.STATUS || v < 0
                        || v != Math.rint(v))) {
                    lexeme = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
                }
                out.number(slot, v, v == Math.rint(v), lexeme);
            }
        }
    }

}
