package dev.mlops.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Splits text into terms: words (runs of Unicode letters and digits, apostrophes inside them
 * kept), lowercased, stop words dropped, and the bigrams of adjacent words that are not stop
 * words, so that "remote work" counts as one term.
 */
public final class Terms {
    /** A small English stop-word list; {@code --stop-words FILE} replaces it. */
    public static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because",
            "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from",
            "had", "has", "have", "having", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is",
            "it", "its", "just", "me", "more", "most", "my", "no", "not", "now", "of", "on", "only", "or", "other",
            "our", "out", "over", "please", "s", "she", "should", "so", "some", "such", "t", "than", "that", "the",
            "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
            "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will",
            "with", "would", "you", "your");

    private final Set<String> stopWords;

    public Terms(Set<String> stopWords) {
        this.stopWords = Set.copyOf(stopWords);
    }

    public static Terms english() {
        return new Terms(STOP_WORDS);
    }

    /** A stop-word file: one word a line; blank lines and lines starting with # are skipped. */
    public static Terms fromFile(Path file) throws IOException {
        Set<String> words = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String w = line.trim().toLowerCase(Locale.ROOT);
            if (!w.isEmpty() && !w.startsWith("#")) {
                words.add(w);
            }
        }
        return new Terms(words);
    }

    /** Calls {@code out} with each distinct term of {@code text}. */
    public void distinct(String text, Consumer<String> out) {
        Set<String> seen = new HashSet<>();
        String previous = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i += Character.charCount(c);
                if (!Character.isWhitespace(c)) {
                    previous = null; // punctuation ends a phrase: no bigram across it
                }
                continue;
            }
            int start = i;
            while (i < n) {
                int d = text.codePointAt(i);
                if (Character.isLetterOrDigit(d)) {
                    i += Character.charCount(d);
                } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(text.codePointAt(i + 1))) {
                    i += 1;
                } else {
                    break;
                }
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (stopWords.contains(word)) {
                previous = null;
                continue;
            }
            if (seen.add(word)) {
                out.accept(word);
            }
            if (previous != null) {
                String bigram = previous + " " + word;
                if (seen.add(bigram)) {
                    out.accept(bigram);
                }
            }
            previous = word;
        }
    }
}
