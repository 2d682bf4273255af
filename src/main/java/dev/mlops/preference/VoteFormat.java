package dev.mlops.preference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vote files mlops reads, each mapped onto {@link Vote}:
 * <ul>
 *   <li>mlops's own votes (judge) and FastChat / Chatbot Arena battles: {@code model_a}, {@code model_b},
 *       {@code winner} (model_a, model_b, tie, tie (bothbad)), {@code first_shown} (mlops; FastChat
 *       shows model_a first), {@code judge}, {@code segment}, {@code timestamp} or {@code tstamp}, and the
 *       responses' lengths {@code length_a} and {@code length_b} (FastChat: {@code conv_metadata}'s
 *       {@code sum_assistant_a_tokens} and {@code sum_assistant_b_tokens});</li>
 *   <li>AlpacaEval annotations: {@code generator_1}, {@code generator_2}, {@code preference} in [1, 2]
 *       (1.5 a draw), {@code annotator}, {@code instruction}; generator_1 is shown first;</li>
 *   <li>files that name the two models only in their name (PRD's reviews): {@code --models-from-name
 *       REGEX} with two groups, {@code score} 1 / 2 / 3 (first, second, tie), {@code reviewer_id},
 *       {@code question_id}; the first model is shown first.</li>
 * </ul>
 */
public enum VoteFormat {
    MLOPS("mlops"), FASTCHAT("fastchat"), ALPACA_EVAL("alpaca-eval"), NAMED_PAIR("models-from-name");

    private final String key;

    VoteFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The format a record is in, from its keys. */
    public static VoteFormat sniff(JsonNode o) {
        if (o.has("generator_1") || o.has("preference")) {
            return ALPACA_EVAL;
        }
        return o.has("tstamp") || o.has("anony") ? FASTCHAT : MLOPS;
    }

    /** The format named by --input-format, or null for auto. */
    public static VoteFormat byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("auto")) {
            return null;
        }
        for (VoteFormat f : values()) {
            if (f.key.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException(name + ": expected auto, mlops, fastchat, alpaca-eval or models-from-name");
    }

    /**
     * The vote of one record, numbered {@code place} in the input.
     *
     * @param pair the two model names from the file's name (NAMED_PAIR), else null
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public Vote vote(JsonNode o, String[] pair, long place) {
        return switch (this) {
            case MLOPS, FASTCHAT -> {
                String a = text(o, "model_a");
                String b = text(o, "model_b");
                String w = required(o, "winner").toLowerCase(Locale.ROOT).trim();
                Vote.Outcome out = switch (w) {
                    case "model_a" -> Vote.Outcome.A;
                    case "model_b" -> Vote.Outcome.B;
                    case "tie" -> Vote.Outcome.TIE;
                    case "tie (bothbad)", "tie(bothbad)", "bothbad" -> Vote.Outcome.TIE_BOTHBAD;
                    default -> throw new IllegalArgumentException("winner is \"" + w
                            + "\", expected model_a, model_b, tie or tie (bothbad)");
                };
                String first = o.path("first_shown").asText(this == FASTCHAT ? "model_a" : "");
                Vote.Side side = first.equals("model_a") ? Vote.Side.A : first.equals("model_b") ? Vote.Side.B : null;
                double t = o.path("tstamp").isNumber() ? o.path("tstamp").asDouble() * 1000 : timestamp(o, place);
                JsonNode meta = o.path("conv_metadata");
                double la = number(o.path("length_a"), meta.path("sum_assistant_a_tokens"));
                double lb = number(o.path("length_b"), meta.path("sum_assistant_b_tokens"));
                yield check(new Vote(optional(o, "id", "question_id"), a, b, out, side, optional(o, "judge"),
                        optional(o, "segment"), t, la, lb, Double.NaN));
            }
            case ALPACA_EVAL -> {
                String a = text(o, "generator_1");
                String b = text(o, "generator_2");
                JsonNode p = o.path("preference");
                if (!p.isNumber() && !(p.isTextual() && p.asText().matches("[0-9.]+"))) {
                    throw new IllegalArgumentException("preference is " + (p.isMissingNode() ? "missing" : p.toString())
                            + ", expected a number from 1 to 2");
                }
                double v = p.asDouble();
                if (v < 1 || v > 2) {
                    throw new IllegalArgumentException("preference is " + p.asText() + ", expected a number from 1 to 2");
                }
                Vote.Outcome out = v < 1.5 ? Vote.Outcome.A : v > 1.5 ? Vote.Outcome.B : Vote.Outcome.TIE;
                yield check(new Vote(optional(o, "instruction", "id"), a, b, out, Vote.Side.A, optional(o, "annotator"),
                        optional(o, "dataset", "segment"), place, Double.NaN, Double.NaN, v));
            }
            case NAMED_PAIR -> {
                String s = required(o, "score").trim();
                Vote.Outcome out = switch (s) {
                    case "1", "1.0" -> Vote.Outcome.A;
                    case "2", "2.0" -> Vote.Outcome.B;
                    case "3", "3.0" -> Vote.Outcome.TIE;
                    default -> throw new IllegalArgumentException("score is \"" + s + "\", expected 1, 2 or 3");
                };
                yield check(new Vote(optional(o, "question_id", "id"), pair[0], pair[1], out, Vote.Side.A,
                        optional(o, "reviewer_id", "judge"), optional(o, "segment"), place));
            }
        };
    }

    /** The two model names in a file's name, by a pattern with two groups. */
    public static String[] modelsFromName(Pattern p, String fileName) {
        Matcher m = p.matcher(fileName);
        if (!m.find() || m.groupCount() < 2) {
            throw new IllegalArgumentException("--models-from-name " + p.pattern() + " does not find two models in "
                    + fileName + " (it needs two groups)");
        }
        return new String[] {m.group(1), m.group(2)};
    }

    private static Vote check(Vote v) {
        if (v.modelA().equals(v.modelB())) {
            throw new IllegalArgumentException("model_a and model_b are both " + v.modelA());
        }
        return v;
    }

    /** The first of the candidates that is a non-negative number (response lengths), else NaN. */
    private static double number(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c.isNumber() && c.asDouble() >= 0) {
                return c.asDouble();
            }
        }
        return Double.NaN;
    }

    private static double timestamp(JsonNode o, long place) {
        JsonNode t = o.path("timestamp");
        if (t.isNumber()) {
            return t.asDouble() * 1000;
        }
        if (t.isTextual()) {
            java.time.Instant i = dev.mlops.logs.Timestamps.parse(t.asText());
            if (i != null) {
                return i.toEpochMilli();
            }
        }
        return place;
    }

    private static String text(JsonNode o, String key) {
        String v = required(o, key);
        if (v.isBlank()) {
            throw new IllegalArgumentException(key + " is empty");
        }
        return v;
    }

    private static String required(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new IllegalArgumentException(key + " is " + (v == null || v.isNull() ? "missing" : "not a value"));
        }
        return v.asText();
    }

    private static String optional(JsonNode o, String... keys) {
        for (String k : keys) {
            JsonNode v = o.get(k);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }
}
