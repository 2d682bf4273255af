package dev.mlops.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * The envelope framing of JSON exports, streamed: a file holds documents (one, several one per
 * line, or a JSON array of them); a document's <em>streamed</em> array (OTLP's
 * {@code resourceSpans}, a Langfuse export's {@code observations}) is read one element at a time,
 * and the document's other fields, read before it, are its context. A document without the
 * streamed array is itself an element. Memory is one element, never the whole file. Subclasses
 * turn an element into records with {@link #emit} and {@link #skip}.
 */
public abstract class JsonEnvelope implements RecordSource {
    /** Made on first use: the formats are listed at every start, but a mapper is needed only to read one. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final JsonFactory FACTORY = MAPPER.getFactory();

        private Json() {
        }
    }

    private enum State { TOP, DOCUMENT, STREAM, ARRAY }

    private final Counted counted;
    private final JsonParser parser;
    private final String streamed;
    private final ArrayDeque<ObjectNode> ready = new ArrayDeque<>();
    private final BadLines bad = new BadLines();
    private State state = State.TOP;
    private ObjectNode context;
    private boolean streamSeen;
    private long items;
    private boolean ended;

    protected JsonEnvelope(InputStream in, String streamed) throws IOException {
        this.counted = new Counted(in);
        this.parser = Json.FACTORY.createParser(counted);
        this.streamed = streamed;
    }

    private boolean text = true;

    @Override
    public final void text(boolean wanted) {
        text = wanted;
    }

    /** Whether the records need their prompt and response. */
    protected final boolean textWanted() {
        return text;
    }

    @Override
    public final void limit(int maxItemBytes) {
        counted.max = maxItemBytes;
    }

    /** Thrown when one element runs past the limit: it is never held whole in memory. */
    private static final class TooLong extends IOException {
        TooLong() {
            super(null, null);
        }
    }

    /** Counts the bytes read since the current element began, and refuses to go past the limit. */
    private static final class Counted extends java.io.FilterInputStream {
        long read;
        long elementStart;
        long max = Long.MAX_VALUE;

        Counted(InputStream in) {
            super(in);
        }

        private int check(int n) throws TooLong {
            if (n > 0) {
                read += n;
                // the parser reads ahead in buffers of a few KiB: allow them on top of the limit
                if (read - elementStart - (64 << 10) > max) {
                    throw new TooLong();
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            check(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return check(super.read(b, off, len));
        }
    }

    /** One element of a document's streamed array, with the document's fields read so far. */
    protected abstract void element(JsonNode element, ObjectNode context, long line) throws IOException;

    /** Queues one record: a flat JSON object whose keys the field mapping reads. */
    protected final void emit(ObjectNode record) throws JsonProcessingException {
        items++;
        ready.add(record);
    }

    /** Counts an item that is not a record. */
    protected final void skip() {
        items++;
        ready.add(SKIPPED_TREE);
    }

    /** Counts an item that cannot be read; it is named by its number, and the message says its line. */
    protected final void bad(long line, String message) {
        items++;
        bad.add(items, message + " (line " + line + ")");
        ready.add(SKIPPED_TREE);
    }

    @Override
    public final long items() {
        return items;
    }

    @Override
    public final BadLines bad() {
        return bad;
    }

    @Override
    public final byte[] next() throws IOException {
        ObjectNode r = nextTree();
        return r == null ? null : r == SKIPPED_TREE ? SKIPPED : Json.MAPPER.writeValueAsBytes(r);
    }

    @Override
    public final ObjectNode nextTree() throws IOException {
        while (ready.isEmpty()) {
            if (ended) {
                return null;
            }
            try {
                counted.elementStart = counted.read;
                advance();
            } catch (TooLong e) {
                bad(parser.currentLocation().getLineNr(), "a " + noun() + " is longer than " + counted.max
                        + " bytes (--max-line-bytes); the rest of the file is not read");
                ended = true;
            } catch (JsonProcessingException e) {
                // past a syntax error the next document cannot be found reliably: the file ends here
                long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                bad(line, "malformed JSON, the rest of the file is not read: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""));
                ended = true;
            }
        }
        return ready.poll();
    }

    private void advance() throws IOException {
        JsonToken t = parser.nextToken();
        long line = parser.currentTokenLocation().getLineNr();
        switch (state) {
            case TOP -> {
                if (t == null) {
                    ended = true;
                } else if (t == JsonToken.START_OBJECT) {
                    context = JsonNodeFactory.instance.objectNode();
                    streamSeen = false;
                    state = State.DOCUMENT;
                } else if (t == JsonToken.START_ARRAY) {
                    state = State.ARRAY;
                } else {
                    bad(line, "expected a JSON object, found " + parser.getText());
                    parser.skipChildren();
                }
            }
            case DOCUMENT -> {
                if (t == JsonToken.END_OBJECT) {
                    if (!streamSeen) {
                        element(context, JsonNodeFactory.instance.objectNode(), line);
                    }
                    state = State.TOP;
                    return;
                }
                String name = parser.currentName();
                JsonToken v = parser.nextToken();
                if (name.equals(streamed) && v == JsonToken.START_ARRAY) {
                    streamSeen = true;
                    state = State.STREAM;
                } else {
                    context.set(name, parser.readValueAsTree());
                }
            }
            case STREAM -> {
                if (t == JsonToken.END_ARRAY) {
                    state = State.DOCUMENT;
                } else {
                    element(parser.readValueAsTree(), context, line);
                }
            }
            case ARRAY -> {
                if (t == JsonToken.END_ARRAY) {
                    state = State.TOP;
                } else if (t == JsonToken.START_OBJECT) {
                    JsonNode doc = parser.readValueAsTree();
                    if (doc.path(streamed).isArray()) {
                        ObjectNode ctx = ((ObjectNode) doc).deepCopy();
                        ctx.remove(streamed);
                        for (JsonNode e : doc.get(streamed)) {
                            element(e, ctx, line);
                        }
                    } else {
                        element(doc, JsonNodeFactory.instance.objectNode(), line);
                    }
                } else {
                    bad(line, "expected a JSON object, found " + parser.getText());
                    parser.skipChildren();
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
