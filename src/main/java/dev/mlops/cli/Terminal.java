package dev.mlops.cli;

/**
 * What a command may know of the terminal it runs in.
 *
 * @param stdout      standard output is a terminal
 * @param stderr      standard error is a terminal (progress goes there only then)
 * @param interactive standard input is a terminal (a person can answer)
 * @param width       columns, from $COLUMNS, else from the terminal itself (jline); {@value #PIPED_WIDTH} when piped
 */
public record Terminal(boolean stdout, boolean stderr, boolean interactive, int width) {
    /** The fixed width of output that is not a terminal. */
    public static final int PIPED_WIDTH = 80;

    public Terminal {
        if (width < 20) {
            throw new IllegalArgumentException("a terminal of " + width + " columns");
        }
    }

    /** No terminal at all: a pipe, a file, a test. */
    public static Terminal none() {
        return new Terminal(false, false, false, PIPED_WIDTH);
    }

    /**
     * The process's own: System.console() tells about stdin and stdout together; stderr is looked at
     * on its own where the system shows it (/proc/self/fd/2 on Linux), so that progress goes to a
     * terminal's stderr even when stdout is piped, and never into a file.
     */
    static Terminal system(java.util.Map<String, String> vars) {
        boolean console = System.console() != null;
        int width = PIPED_WIDTH;
        String columns = vars.get("COLUMNS");
        if (console && columns != null && columns.matches("\\d{2,4}")) {
            width = Math.max(20, Integer.parseInt(columns));
        } else if (console) {
            width = asked();
        }
        return new Terminal(console, stderrIsTerminal(console), console, width);
    }

    /** The terminal's own width, as jline reads it; {@value #PIPED_WIDTH} when it cannot say. */
    private static int asked() {
        try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true)
                .dumb(true).build()) {
            int w = t.getWidth();
            return w >= 20 ? w : PIPED_WIDTH;
        } catch (Exception | LinkageError e) {
            return PIPED_WIDTH;
        }
    }

    private static boolean stderrIsTerminal(boolean console) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return console;
        }
    }
}
