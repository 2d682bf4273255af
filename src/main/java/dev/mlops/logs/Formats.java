package dev.mlops.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/** The registry of input formats: the built-in ones, then any found through {@link ServiceLoader}. */
public final class Formats {
    /** Not a format: detect one from the first bytes. */
    public static final String AUTO = "auto";

    private static final List<Format> ALL = load();

    private Formats() {
    }

    private static List<Format> load() {
        List<Format> out = new ArrayList<>(builtin());
        for (Format f : ServiceLoader.load(Format.class)) {
            out.add(f);
        }
        return List.copyOf(out);
    }

    /** The formats mlops reads with no plug-in: the basic framings, then the exports of known tools. */
    static List<Format> builtin() {
        List<Format> out = new ArrayList<>(List.of(Builtin.values()));
        out.add(Otlp.FORMAT);
        out.add(Langfuse.FORMAT);
        out.add(LangfuseCsv.FORMAT);
        out.addAll(List.of(Exports.values()));
        return out;
    }

    public static List<Format> all() {
        return ALL;
    }

    /** auto and every format's name, for help and completion. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(List.of(AUTO));
        ALL.forEach(f -> out.add(f.key()));
        return out;
    }

    /** auto and the built-in formats' names: what help and completion list, the same on every machine. */
    public static List<String> builtinNames() {
        List<String> out = new ArrayList<>(List.of(AUTO));
        builtin().forEach(b -> out.add(b.key()));
        return out;
    }

    /** The format named {@code name}, or null for auto. */
    public static Format byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals(AUTO)) {
            return null;
        }
        for (Format f : ALL) {
            if (f.key().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format '" + name + "'; expected one of "
                + String.join(", ", names()));
    }

    /**
     * The format of an input: the one named (checked against the bytes), or the one that
     * recognises the bytes best.
     *
     * @throws InputException when the named format cannot read these bytes
     */
    public static Format detect(Format.Head head, Format named) {
        if (named != null) {
            boolean json = head.json();
            if (named.framing() != Format.Framing.CSV && !json) {
                throw new InputException("is not JSON, but --input-format is " + named.key());
            }
            if (named.framing() == Format.Framing.CSV && json) {
                throw new InputException("is JSON, but --input-format is " + named.key());
            }
            if (!basic(named) && named.sniff(head) == 0) {
                Format found = sniff(head);
                throw new InputException("is not " + named.key() + " (it looks like "
                        + (found == null ? "no format mlops reads" : found.key()) + "), but --input-format is "
                        + named.key());
            }
            return named;
        }
        Format best = sniff(head);
        if (best == null) {
            throw new InputException("is in no format mlops reads (give --input-format)");
        }
        return best;
    }

    /** JSONL, a JSON array, CSV: framings that any file of their kind is, with no names of their own to check. */
    private static boolean basic(Format f) {
        return f == Builtin.JSONL || f == Builtin.JSON || f == Builtin.CSV;
    }

    /** The format that recognises the bytes best, or null. */
    static Format sniff(Format.Head head) {
        Format best = null;
        int score = 0;
        for (Format f : ALL) {
            int s = f.sniff(head);
            if (s > score) {
                best = f;
                score = s;
            }
        }
        return best;
    }

    /** The basic framings, and formats that are presets over them. */
    enum Builtin implements Format {
        JSONL("jsonl", Framing.JSON) {
            @Override
            public int sniff(Head h) {
                return h.json() && !h.array() ? 1 : 0;
            }
        },
        JSON("json", Framing.JSON) {
            @Override
            public String reportedName() {
                return "json-array";
            }

            @Override
            public int sniff(Head h) {
                return h.array() ? 1 : 0;
            }
        },
        CSV("csv", Framing.CSV) {
            @Override
            public int sniff(Head h) {
                return h.json() ? 0 : 1;
            }
        },
        /** The Azure LLM inference trace: a CSV with ContextTokens and GeneratedTokens. */
        AZURE_TRACE("azure-trace", Framing.CSV) {
            @Override
            public int sniff(Head h) {
                String line = h.firstLine();
                return !h.json() && line.contains("ContextTokens") && line.contains("GeneratedTokens") ? 3 : 0;
            }
        },
        /** Ray LLMPerf's individual responses: a JSON array of records with end_to_end_latency_s. */
        LLMPERF("llmperf", Framing.JSON) {
            @Override
            public int sniff(Head h) {
                return h.json() && h.all().contains("\"end_to_end_latency_s\"") ? 3 : 0;
            }
        };

        private final String name;
        private final Framing framing;

        Builtin(String name, Framing framing) {
            this.name = name;
            this.framing = framing;
        }

        @Override
        public String key() {
            return name;
        }

        @Override
        public String reportedName() {
            return name;
        }

        @Override
        public Framing framing() {
            return framing;
        }
    }
}
