package dev.mlops.analysis;

/**
 * Term counts over a deterministic sample of documents, so that text drift costs about the same
 * on any size of log. Each document has a level from a hash of its text, at least ℓ with
 * probability 2^-ℓ; the terms of documents of level {@link #level()} or more are counted, exactly.
 * The level is fixed before reading (see {@link #levelFor}), so the sample is the same whatever
 * the order, the threads or how the input was split. Level 0 counts every document.
 */
public final class TermSample implements java.io.Serializable {
    public static final int DEFAULT_BUDGET = 200_000;

    private final int level;
    private final TermCounter counter;
    private long seen;

    public TermSample(int level, int capacity) {
        if (level < 0 || level > 63) {
            throw new IllegalArgumentException("sample level must be 0 to 63");
        }
        this.level = level;
        this.counter = new TermCounter(capacity);
    }

    /** The level that samples about {@code budget} of {@code expected} documents (0 when budget is 0). */
    public static int levelFor(long expected, long budget) {
        if (budget <= 0 || expected <= budget) {
            return 0;
        }
        return Math.min(63, 64 - Long.numberOfLeadingZeros((expected - 1) / budget));
    }

    static int levelOf(String text) {
        long x = text.hashCode() * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        return Long.numberOfLeadingZeros(x ^ (x >>> 32));
    }

    public void add(String text, Terms terms) {
        seen++;
        if (level > 0 && levelOf(text) < level) {
            return;
        }
        counter.document();
        terms.count(text, counter);
    }

    public void merge(TermSample o) {
        seen += o.seen;
        counter.merge(o.counter);
    }

    /** Documents with text seen, counted or not. */
    public long seen() {
        return seen;
    }

    /** The sample is the documents of this level or more: a 2^-level share. */
    public int level() {
        return level;
    }

    public TermCounter counts() {
        return counter;
    }
}
