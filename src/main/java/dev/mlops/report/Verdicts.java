package dev.mlops.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colour for the verdict words of a table, and nothing else: red for what failed (MISSED, CRITICAL,
 * DRIFT, REGRESSED, MISMATCH, FAIL, collapse suspected, worse), yellow for warnings, green for what
 * passed (met, ok, pass, no drift, better). Whole words only; ANSI colours take no columns, so the
 * tables stay aligned.
 */
public final class Verdicts {
    private static final String RED = "\033[31m";
    private static final String YELLOW = "\033[33m";
    private static final String GREEN = "\033[32m";
    private static final String RESET = "\033[0m";
    private static final Pattern WORDS = Pattern.compile("(?<![\\w-])(collapse suspected|no drift|MISSED|CRITICAL|DRIFT"
            + "|REGRESSED|MISMATCH|FAIL|worse|WARNING|warning|met|ok|pass|better)(?![\\w-])");

    private Verdicts() {
    }

    /** The text with its verdict words coloured. */
    public static String colour(String text) {
        Matcher m = WORDS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String w = m.group(1);
            String c = switch (w) {
                case "WARNING", "warning" -> YELLOW;
                case "met", "ok", "pass", "no drift", "better" -> GREEN;
                default -> RED;
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(c + w + RESET));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
