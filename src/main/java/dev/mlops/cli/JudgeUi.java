package dev.mlops.cli;

import dev.mlops.preference.JudgeSession;
import dev.mlops.preference.Pair;
import dev.mlops.preference.VoteLog;
import dev.mlops.report.JudgeScreen;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/** The judge's terminal loop on jline: draw the screen, read a key, act, until every pair is done or q. */
final class JudgeUi {
    private static final String CLEAR = "\033[H\033[2J";

    private JudgeUi() {
    }

    /** Where keys come from: a terminal, or a script of keys. */
    interface Keys {
        /** The next key, waiting at most {@code timeout} ms (0: for ever); -1 at the end or when none came in time. */
        int next(long timeout) throws IOException;
    }

    /**
     * Keys from a jline terminal's reader, polled every 100 ms: its blocking read() lost a key that
     * came the moment after a redraw in about a third of tmux runs; polling lost none in 10.
     */
    static Keys of(NonBlockingReader in) {
        return timeout -> {
            try {
                int c;
                do {
                    c = in.read(timeout == 0 ? 100 : timeout);
                } while (timeout == 0 && c == NonBlockingReader.READ_EXPIRED);
                return c == NonBlockingReader.READ_EXPIRED ? -1 : c;
            } catch (org.jline.utils.ClosedException e) {
                return -1;
            }
        };
    }

    /** Keys read from a stream, one byte each (a --script file). */
    static Keys of(java.io.InputStream in) {
        return timeout -> in.read();
    }

    /** Runs the session on a jline terminal, in raw mode; returns the votes cast in this run. */
    static int run(Terminal terminal, JudgeSession session, VoteLog log, String judge, Clock clock) throws IOException {
        Attributes saved = terminal.enterRawMode();
        // the size is asked once and again on a resize, not at every redraw: asking may run a process
        int[] size = {terminal.getWidth(), terminal.getHeight()};
        terminal.handle(Terminal.Signal.WINCH, signal -> {
            size[0] = terminal.getWidth();
            size[1] = terminal.getHeight();
        });
        try {
            return run(of(terminal.reader()), terminal.writer(), () -> size[0] > 0 ? size[0] : 80,
                    () -> size[1] > 0 ? size[1] : 24, session, log, judge, clock);
        } finally {
            terminal.setAttributes(saved);
        }
    }

    /** Runs the session: draws on {@code out}, reads {@code in}; returns the votes cast in this run. */
    static int run(Keys in, PrintWriter out, java.util.function.IntSupplier widthOf, java.util.function.IntSupplier heightOf,
                   JudgeSession session, VoteLog log, String judge, Clock clock) throws IOException {
        int cast = 0;
        int scroll = 0;
        String message = null;
        while (session.current() != null) {
            Pair p = session.current();
            boolean aLeft = session.aOnLeft(p);
            int width = widthOf.getAsInt();
            int height = heightOf.getAsInt();
            List<String> lines = JudgeScreen.render(p.prompt(), aLeft ? p.responseA() : p.responseB(),
                    aLeft ? p.responseB() : p.responseA(), width, height, scroll, session.judged(), session.total(),
                    message);
            out.print(CLEAR + String.join("\r\n", lines));
            out.flush();
            message = null;
            int c = in.next(0);
            if (c < 0 || c == 'q') {
                break;
            }
            if (c == 27) {
                int b = in.next(50);
                int d = b == '[' || b == 'O' ? in.next(50) : -1;
                c = d == 'A' ? 'k' : d == 'B' ? 'j' : -2;
            }
            switch (c) {
                case '1', '2', 't', 'b' -> {
                    log.append(session.vote((char) c), judge, clock.instant());
                    cast++;
                    scroll = 0;
                }
                case 's' -> {
                    session.skip();
                    scroll = 0;
                }
                case 'u' -> {
                    if (log.undo() && session.undo()) {
                        cast--;
                        message = "undone: your last vote is taken back";
                    } else {
                        message = "nothing to undo in this run";
                    }
                    scroll = 0;
                }
                case 'j' -> scroll++;
                case 'k' -> scroll = Math.max(0, scroll - 1);
                case '?' -> message = JudgeScreen.HELP;
                default -> message = "keys: " + JudgeScreen.KEYS;
            }
        }
        out.print(CLEAR + (session.current() == null ? "all " + session.total() + " pairs judged" : "stopped at "
                + session.judged() + " / " + session.total()) + "\r\n");
        out.flush();
        return cast;
    }
}
