package dev.mlops.report;

import java.util.Set;
import java.util.function.Supplier;

/**
 * How wide the tables of one rendering are. Piped output has the fixed {@link TextTable#WIDTH}, and
 * a table wider than that is cut into blocks of columns, so that nothing is lost. On a terminal the
 * tables fit its width: the least important columns are left out (the terminal's drawn bars first,
 * then from the right; never the first column or a verdict), and a footnote names them.
 *
 * <p>The layout is set around one rendering ({@link #with}) by the command that prints it, so the
 * renderers themselves need not carry the width through every table they build.
 *
 * @param width columns
 * @param fit   leave columns out to fit (a terminal) rather than cut the table into blocks (a pipe)
 */
public record Layout(int width, boolean fit) {
    public static final Layout PIPED = new Layout(TextTable.WIDTH, false);
    /** Columns never left out: they say what the row means. */
    static final Set<String> KEPT = Set.of("verdict", "slo", "status", "severity", "finding", "p adj");
    private static final ThreadLocal<Layout> CURRENT = ThreadLocal.withInitial(() -> PIPED);

    public Layout {
        if (width < 20) {
            throw new IllegalArgumentException("tables need 20 columns at least: " + width);
        }
    }

    /** The text {@code render} makes with its tables laid out so. */
    public static <T> T with(Layout layout, Supplier<T> render) {
        Layout before = CURRENT.get();
        CURRENT.set(layout);
        try {
            return render.get();
        } finally {
            CURRENT.set(before);
        }
    }

    static Layout current() {
        return CURRENT.get();
    }
}
