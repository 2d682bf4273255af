package dev.mlops.cli;

/**
 * What a command may know of the terminal it runs in.
 *
 * @param stdout      standard output is a terminal
 * @param stderr      standard error is a terminal (progress goes there only then)
 * @param interactive standard input is a terminal (a person can answer)
 * @param width       columns, from $COLUMNS, else from the terminal itself (stty, else jline); {@value #PIPED_WIDTH} when piped
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

    /**
     * The terminal's own width: {@code stty size} on the controlling terminal (the ioctl jline
     * would make, for 15 ms where building jline's terminal costs a quarter of a second at every
     * start), else jline's; {@value #PIPED_WIDTH} when neither can say.
     */
    private static int asked() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            if (p.waitFor() == 0 && out.matches("\\d+ \\d+")) {
                int w = Integer.parseInt(out.substring(out.indexOf(' ') + 1));
                if (w >= 20) {
                    return w;
                }
            }
        } catch (java.io.IOException e) {
            // no stty, no /dev/tty: ask jline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PIPED_WIDTH;
        }
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
