package dev.mlops.playground;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version's prompt template, as the registry's {@code prompt_template} file holds it: the text
 * before the line with {@code {{ question }}} is the system prompt; that line (and what follows)
 * wraps each question. A template without the placeholder is all system prompt. No other Jinja:
 * the server applies the model's own chat template to the messages.
 */
public record PromptTemplate(String system, String before, String after) {
    private static final Pattern QUESTION = Pattern.compile("\\{\\{\\s*question\\s*}}");

    public static PromptTemplate none() {
        return new PromptTemplate(null, "", "");
    }

    public static PromptTemplate parse(String text) {
        Matcher m = QUESTION.matcher(text);
        if (!m.find()) {
            String s = text.strip();
            return new PromptTemplate(s.isEmpty() ? null : s, "", "");
        }
        int lineStart = text.lastIndexOf('\n', m.start()) + 1;
        String system = text.substring(0, lineStart).strip();
        return new PromptTemplate(system.isEmpty() ? null : system, text.substring(lineStart, m.start()),
                text.substring(m.end()).stripTrailing());
    }

    /** The user message for a question. */
    public String wrap(String question) {
        return before + question + after;
    }
}
