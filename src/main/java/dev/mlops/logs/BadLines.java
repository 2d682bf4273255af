package dev.mlops.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Counts the records that could not be read and keeps the first few, with their line numbers. */
public final class BadLines {
    public static final int KEPT = 5;

    /** One bad record: the line it starts on (1-based) and what is wrong. */
    public record Example(long line, String message) {
    }

    private long count;
    private final List<Example> examples = new ArrayList<>();

    void add(long line, String message) {
        count++;
        if (examples.size() < KEPT) {
            examples.add(new Example(line, message));
        }
    }

    public long count() {
        return count;
    }

    public List<Example> examples() {
        return List.copyOf(examples);
    }

    /** Folds in the bad records of a later part of the same file, whose lines start after {@code lineOffset}. */
    void addAll(BadLines later, long lineOffset) {
        count += later.count;
        for (Example e : later.examples) {
            examples.add(new Example(e.line() + lineOffset, e.message()));
        }
        examples.sort(Comparator.comparingLong(Example::line));
        while (examples.size() > KEPT) {
            examples.remove(examples.size() - 1);
        }
    }
}
