package dev.mlops.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into terms: words (runs of Unicode letters and digits, apostrophes inside them
 * kept), lowercased, stop words dropped, and the bigrams of adjacent words that are not stop
 * words, so that "remote work" counts as one term.
 */
public final class Terms implements java.io.Serializable {
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

    private final long[] stopHashes;
    private final int[] stopLengths;
    private final int longest;
    /** A 1024-bit filter over the stop words' hashes: most words are rejected with one load. */
    private final long[] stopBits = new long[16];

    public Terms(Set<String> stopWords) {
        this.longest = stopWords.stream().mapToInt(String::length).max().orElse(0);
        int slots = Integer.highestOneBit(Math.max(4, stopWords.size() * 4) - 1) << 1;
        this.stopHashes = new long[slots];
        this.stopLengths = new int[slots];
        for (String w : stopWords) {
            if (w.isEmpty()) {
                continue;
            }
            int bit = filterBit(TermCounter.hash(w));
            stopBits[bit >>> 6] |= 1L << bit;
            long h = TermCounter.hash(w);
            int i = TermCounter.mix(h) & (slots - 1);
            while (stopLengths[i] != 0) {
                i = (i + 1) & (slots - 1);
            }
            stopHashes[i] = h;
            stopLengths[i] = w.length();
        }
    }

    public static Terms english() {
        return new Terms(STOP_WORDS);
    }

    /** A stop-word file: one word a line; blank lines and lines starting with # are skipped. */
    public static Terms fromFile(Path file) throws IOException {
        Set<String> words = new HashSet<>();
        byte[] bytes = dev.mlops.io.BoundedFiles.read(file, file.toString(), dev.mlops.io.BoundedFiles.SETTINGS_LIMIT);
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String w = line.trim().toLowerCase(Locale.ROOT);
            if (!w.isEmpty() && !w.startsWith("#")) {
                words.add(w);
            }
        }
        return new Terms(words);
    }

    /** Receives terms as spans of lowercase text: {@code a[s1,e1)}, or the bigram {@code a[s1,e1) + " " + b[s2,e2)}. */
    interface Sink {
        void term(char[] a, int s1, int e1, char[] b, int s2, int e2, long hash);
    }

    /** Feeds every term of {@code text} to the counter (which counts each once per document). */
    public void count(String text, TermCounter counter) {
        each(text, counter, counter.scratch(text.length()));
    }

    /** The distinct terms of {@code text}, in order of first appearance. */
    public Set<String> distinct(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        each(text, (a, s1, e1, b, s2, e2, h) -> out.add(b == null ? new String(a, s1, e1 - s1)
                : new String(a, s1, e1 - s1) + " " + new String(b, s2, e2 - s2)));
        return out;
    }

    private static final long[] POW = new long[65];

    static {
        POW[0] = 1;
        for (int i = 1; i < POW.length; i++) {
            POW[i] = POW[i - 1] * TermCounter.P;
        }
    }

    /** P^k mod 2^64, to compose a bigram's hash from its words' hashes. */
    private static long pow(int k) {
        if (k < POW.length) {
            return POW[k];
        }
        long p = POW[POW.length - 1];
        for (int i = POW.length - 1; i < k; i++) {
            p *= TermCounter.P;
        }
        return p;
    }

    void each(String text, Sink out) {
        each(text, out, new char[text.length()]);
    }

    /** As {@link #each(String, Sink)}, using {@code t} (at least as long as the text) as scratch. */
    void each(String text, Sink out, char[] t) {
        int n = text.length();
        text.getChars(0, n, t, 0);
        char[] prev = null;
        int ps = 0;
        int pe = 0;
        long ph = 0;
        int i = 0;
        while (i < n) {
            char ch = t[i];
            if (ch < 0x80 ? !ASCII_WORD[ch] : !Character.isLetterOrDigit(text.codePointAt(i))) {
                i += ch < 0x80 ? 1 : Character.charCount(text.codePointAt(i));
                if (ch != ' ' && !Character.isWhitespace(ch)) {
                    prev = null; // punctuation ends a phrase: no bigram across it
                }
                continue;
            }
            int start = i;
            long h = 0;
            boolean ascii = true;
            // ASCII words are lowercased in place and hashed in the same pass
            while (i < n) {
                char d = t[i];
                if (d < 0x80 && ASCII_WORD[d]) {
                    if (d <= 'Z' && d >= 'A') {
                        d += 32;
                        t[i] = d;
                    }
                    h = h * TermCounter.P + d;
                    i++;
                } else if (d == '\'' && i > start && i + 1 < n && t[i + 1] < 0x80 && Character.isLetter(t[i + 1])) {
                    h = h * TermCounter.P + d;
                    i++;
                } else if (d >= 0x80) {
                    ascii = false;
                    break;
                } else {
                    break;
                }
            }
            char[] src = t;
            int s = start;
            int e = i;
            if (!ascii) {
                int cp = text.codePointAt(i);
                if (i == start && Character.isIdeographic(cp)) {
                    i += Character.charCount(cp); // an ideograph is a word of its own (Unicode word boundaries)
                } else {
                    while (i < n) {
                        int d = text.codePointAt(i);
                        if (Character.isLetterOrDigit(d) && !Character.isIdeographic(d)) {
                            i += Character.charCount(d);
                        } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(text.codePointAt(i + 1))) {
                            i++;
                        } else {
                            break;
                        }
                    }
                }
                src = text.substring(start, i).toLowerCase(Locale.ROOT).toCharArray();
                s = 0;
                e = src.length;
                h = 0;
                for (char c : src) {
                    h = h * TermCounter.P + c;
                }
            }
            int bit = filterBit(h);
            if (e - s <= longest && (stopBits[bit >>> 6] & (1L << bit)) != 0 && isStopWord(h, e - s)) {
                prev = null;
                continue;
            }
            out.term(src, s, e, null, 0, 0, h);
            if (prev != null) {
                out.term(prev, ps, pe, src, s, e, (ph * TermCounter.P + ' ') * pow(e - s) + h);
            }
            prev = src;
            ps = s;
            pe = e;
            ph = h;
        }
    }

    private static int filterBit(long h) {
        return (int) ((h * 0xC2B2AE3D27D4EB4FL) >>> 54);
    }

    /** Whether the word with this 64-bit hash and length is a stop word: one or two probes, no character compared. */
    private boolean isStopWord(long hash, int length) {
        int mask = stopHashes.length - 1;
        int i = TermCounter.mix(hash) & mask;
        while (stopLengths[i] != 0) {
            if (stopHashes[i] == hash && stopLengths[i] == length) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
            ASCII_WORD[c - 32] = true;
        }
    }
}
