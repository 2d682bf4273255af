package dev.mlops.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colour for the verdict words of a table, and nothing else: red for what failed (MISSED, CRITICAL,
 * DRIFT, REGRESSED, MISMATCH, FAIL, collapse suspected, worse), yellow for warnings and insufficient
 * data, green for what passed (met, ok, pass, no drift, better). Whole words only; ANSI colours
 * take no columns, so the tables stay aligned.
 */
public final class Verdicts {
    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String GREEN = "\033[32m";
    private static final String RESET = "\033[0m";
    private static final Pattern WORDS = Pattern.compile("(?<![\\w-])(collapse suspected|no drift|insufficient data|MISSED"
            + "|CRITICAL|DRIFT|REGRESSED|MISMATCH|FAIL|worse|WARNING|warning|met|ok|pass|better)(?![\\w-])");

    /** How a verdict reads: a failure, a warning, or a pass. */
    public enum Tone { BAD, WARN, OK }

    private Verdicts() {
    }

    /** The text with its verdict words coloured. */
    public static String colour(String text) {
        Matcher m = WORDS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group(1);
            String c = switch (tone(w)) {
                case WARN -> YELLOW;
                case OK -> GREEN;
                case BAD -> RED;
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(c + w + RESET));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The tone of a whole text that is a verdict word (a table cell), or null when it is none. */
    public static Tone of(String text) {
        return WORDS.matcher(text).matches() ? tone(text) : null;
    }

    private static Tone tone(String word) {
        return switch (word) {
            case "WARNING", "warning", "insufficient data" -> Tone.WARN;
            case "met", "ok", "pass", "no drift", "better" -> Tone.OK;
            default -> Tone.BAD;
        };
    }
}
