package dev.mlops.logs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ordered list of {@link Rule}s that turns source fields into a {@link LogRecord}.
 * {@link #defaults()} recognises the common names of OpenAI-style, OpenTelemetry GenAI,
 * LiteLLM, Langfuse, the Azure LLM trace and Ray LLMPerf records; user rules go first.
 */
public final class Mapping {
    private final List<Rule> rules;
    /** How many of the rules, at the front, the user gave: a format's preset goes after them. */
    private final int user;
    /** Fields the command does not read ({@link #without}): a format's preset rules for them are dropped too. */
    private final Set<Field> dropped;

    private Mapping(List<Rule> rules) {
        this(rules, 0, EnumSet.noneOf(Field.class));
    }

    private Mapping(List<Rule> rules, int user) {
        this(rules, user, EnumSet.noneOf(Field.class));
    }

    private Mapping(List<Rule> rules, int user, Set<Field> dropped) {
        this.rules = List.copyOf(rules);
        this.user = user;
        this.dropped = dropped.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(dropped);
    }

    /** This mapping with a format's preset rules after the user's and before the defaults. */
    public Mapping withPreset(List<Rule> preset) {
        List<Rule> kept = preset.stream().filter(r -> !dropped.contains(r.field())).toList();
        if (kept.isEmpty()) {
            return this;
        }
        List<Rule> out = new ArrayList<>(rules.subList(0, user));
        out.addAll(kept);
        out.addAll(rules.subList(user, rules.size()));
        return new Mapping(out, user, dropped);
    }

    public List<Rule> rules() {
        return rules;
    }

    public static Mapping of(List<Rule> rules) {
        return new Mapping(rules);
    }

    public static Mapping defaults() {
        List<Rule> r = new ArrayList<>();
        text(r, Field.ID, "request_id", "id", "span_id", "custom_id");
        text(r, Field.TIMESTAMP, "timestamp", "time", "startTime", "start_time", "request_created_at",
                "created_at", "created", "TIMESTAMP", "Timestamp");
        text(r, Field.MODEL, "model", "gen_ai.request.model", "gen_ai.response.model", "Model", "model_name");
        text(r, Field.VERSION, "version", "model_version");
        text(r, Field.STAGE, "stage");
        text(r, Field.ARM, "arm", "experiment_arm", "variant");
        text(r, Field.USER, "user", "user_id", "end_user", "userId");
        text(r, Field.SEGMENT, "segment");
        text(r, Field.INPUT_TOKENS, "input_tokens", "prompt_tokens", "usage.prompt_tokens", "usage.input_tokens",
                "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "number_input_tokens", "ContextTokens",
                "Request tokens", "promptTokens");
        text(r, Field.OUTPUT_TOKENS, "output_tokens", "completion_tokens", "usage.completion_tokens",
                "usage.output_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens",
                "number_output_tokens", "GeneratedTokens", "Response tokens", "completionTokens");
        text(r, Field.CACHED_INPUT_TOKENS, "cached_input_tokens", "usage.prompt_tokens_details.cached_tokens",
                "prompt_tokens_details.cached_tokens", "gen_ai.usage.cache_read.input_tokens");
        text(r, Field.LATENCY_MS, "latency_ms", "duration_ms");
        seconds(r, Field.LATENCY_MS, "latency_s", "end_to_end_latency_s", "latency", "duration");
        text(r, Field.TTFT_MS, "ttft_ms", "time_to_first_token_ms");
        seconds(r, Field.TTFT_MS, "ttft_s", "ttft", "time_to_first_token");
        r.add(new Rule("status", Field.STATUS, Rule.How.VALUE, 1, null));
        for (String p : List.of("error_type", "error.type", "error_information.error_class", "error_code", "error")) {
            r.add(Rule.marker(p, Rule.How.ERROR_MARKER));
        }
        r.add(Rule.marker("status_code", Rule.How.HTTP_CODE));
        r.add(Rule.marker("http_status", Rule.How.HTTP_CODE));
        r.add(Rule.marker("level", Rule.How.LEVEL));
        text(r, Field.FINISH_REASON, "finish_reason", "stop_reason", "gen_ai.response.finish_reasons");
        text(r, Field.PROMPT, "prompt", "input");
        r.add(new Rule("messages", Field.PROMPT, Rule.How.MESSAGES, 1, null));
        text(r, Field.RESPONSE, "response", "output", "completion", "generated_text");
        text(r, Field.COST_USD, "cost_usd", "response_cost", "calculatedTotalCost", "total_cost", "cost");
        for (String f : List.of("thumbs", "rating", "clicked", "satisfaction", "reward")) {
            r.add(new Rule("feedback." + f, Field.FEEDBACK, Rule.How.VALUE, 1, f));
            r.add(new Rule(f, Field.FEEDBACK, Rule.How.VALUE, 1, f));
        }
        return new Mapping(r);
    }

    private static void text(List<Rule> r, Field f, String... paths) {
        for (String p : paths) {
            r.add(Rule.of(p, f));
        }
    }

    private static void seconds(List<Rule> r, Field f, String... paths) {
        for (String p : paths) {
            r.add(Rule.seconds(p, f));
        }
    }

    /**
     * User rules take precedence: a field the user maps is read only from the user's path,
     * so that a default alias cannot silently win.
     */
    public Mapping withUserRules(List<Rule> user) {
        if (user.isEmpty()) {
            return this;
        }
        Set<Field> replaced = EnumSet.noneOf(Field.class);
        Set<String> named = new java.util.HashSet<>();
        for (Rule u : user) {
            if (u.name() == null) {
                replaced.add(u.field());
            } else {
                named.add(u.target());
            }
        }
        List<Rule> out = new ArrayList<>(user);
        for (Rule d : rules) {
            boolean gone = d.name() == null ? replaced.contains(d.field()) && d.how() == Rule.How.VALUE
                    : named.contains(d.target());
            if (!gone) {
                out.add(d);
            }
        }
        return new Mapping(out, this.user + user.size(), dropped);
    }

    /**
     * Drops the rules of fields a command does not use, so that the reader skips them without
     * decoding: analyze never needs the prompt and response text.
     */
    public Mapping without(Field... fields) {
        Set<Field> drop = EnumSet.noneOf(Field.class);
        drop.addAll(List.of(fields));
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!drop.contains(r.field())) {
                out.add(r);
            }
        }
        drop.addAll(dropped);
        return new Mapping(out, user, drop);
    }

    /**
     * Of the {@code optional} fields, those that none of the {@code referenced} names (--by,
     * --where) mentions: a command can then read without them.
     */
    public static Field[] unreferenced(Collection<String> referenced, Field... optional) {
        List<Field> out = new ArrayList<>();
        for (Field f : optional) {
            boolean used = f == Field.FEEDBACK ? referenced.stream().anyMatch(n -> n.startsWith("feedback."))
                    : referenced.contains(f.key());
            if (!used) {
                out.add(f);
            }
        }
        return out.toArray(new Field[0]);
    }

    /**
     * Adds attribute rules for names a command groups or filters by that are not record
     * fields, so that {@code --by region} reads a {@code region} field or column.
     */
    private static final List<String> CONVERSATION = List.of("conversation", "conversation_id", "conversationId",
            "session_id", "sessionId", "session.id", "gen_ai.conversation.id", "thread_id", "metadata.session_id",
            "metadata.conversation_id", "Session ID");

    public Mapping withAttributes(Collection<String> names) {
        List<Rule> out = new ArrayList<>(rules);
        for (String n : names) {
            if (n.startsWith("feedback.")) {
                String name = n.substring(9);
                if (out.stream().noneMatch(x -> x.field() == Field.FEEDBACK && x.name().equals(name))) {
                    out.add(new Rule(n, Field.FEEDBACK, Rule.How.VALUE, 1, name));
                }
                continue;
            }
            if (LogRecord.GROUP_FIELDS.contains(n) || LogRecord.NUMBER_FIELDS.contains(n)) {
                continue;
            }
            String path = n.startsWith("attributes.") ? n.substring(11) : n;
            boolean present = out.stream().anyMatch(x -> x.field() == Field.ATTRIBUTE && x.name().equals(n));
            if (!present && n.equals("conversation")) {
                // a conversation or session id, by the names tools give it
                for (String alias : CONVERSATION) {
                    out.add(new Rule(alias, Field.ATTRIBUTE, Rule.How.VALUE, 1, n));
                }
                continue;
            }
            if (!present) {
                out.add(new Rule(path, Field.ATTRIBUTE, Rule.How.VALUE, 1, n));
                if (!path.startsWith("attributes.")) {
                    out.add(new Rule("attributes." + path, Field.ATTRIBUTE, Rule.How.VALUE, 1, n));
                    out.add(new Rule("metadata." + path, Field.ATTRIBUTE, Rule.How.VALUE, 1, n));
                }
            }
        }
        return new Mapping(out, user, dropped);
    }

    /**
     * Parses a {@code --map} value: {@code FIELD=PATH} or {@code FIELD=PATH:UNIT}, where FIELD
     * is a log field, {@code feedback.NAME} or {@code attributes.NAME}, and UNIT (for latency
     * and ttft) is one of ms, s, us, ns.
     */
    public static Rule parseRule(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("'" + spec + "' is not FIELD=PATH");
        }
        String target = spec.substring(0, eq).trim();
        String path = spec.substring(eq + 1).trim();
        double scale = 1;
        int colon = path.lastIndexOf(':');
        if (colon > 0) {
            String unit = path.substring(colon + 1).toLowerCase(Locale.ROOT);
            Double s = UNITS.get(unit);
            if (s != null) {
                scale = s;
                path = path.substring(0, colon);
            } else if (unit.matches("[a-z]{1,8}")) {
                throw new IllegalArgumentException("unknown unit '" + path.substring(colon + 1)
                        + "'; expected ms, s, us or ns");
            }
        }
        return rule(target, path, scale);
    }

    static Rule rule(String target, String path, double scale) {
        if (target.startsWith("feedback.")) {
            return new Rule(path, Field.FEEDBACK, Rule.How.VALUE, 1, target.substring(9));
        }
        if (target.startsWith("attributes.")) {
            return new Rule(path, Field.ATTRIBUTE, Rule.How.VALUE, 1, target.substring(11));
        }
        Field f = Field.byKey(target).orElseThrow(() -> new IllegalArgumentException(
                "unknown field '" + target + "'; expected one of " + fieldKeys()
                        + ", feedback.NAME or attributes.NAME"));
        if (scale != 1 && f.kind() != Field.Kind.DURATION) {
            throw new IllegalArgumentException("a unit applies only to latency_ms and ttft_ms, not " + target);
        }
        return new Rule(path, f, Rule.How.VALUE, scale, null);
    }

    static final Map<String, Double> UNITS = Map.of("ms", 1.0, "s", 1000.0, "us", 0.001, "ns", 0.000001);

    public static String fieldKeys() {
        List<String> keys = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f != Field.FEEDBACK && f != Field.ATTRIBUTE) {
                keys.add(f.key());
            }
        }
        return String.join(", ", keys);
    }

    /** Rules grouped by source path, in precedence order. */
    Map<String, List<Rule>> byPath() {
        Map<String, List<Rule>> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            m.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }
}
