package dev.mlops.cli;

import dev.mlops.playground.ChatClient;
import dev.mlops.playground.Repl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.function.Function;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where the playground's lines come from: a jline line editor on a terminal (history in
 * ~/.mlops/playground_history, pasted lines kept together, Ctrl-C stopping the answer being
 * streamed rather than the program), or standard input line by line in a script.
 */
final class PlaygroundTerminal {
    private PlaygroundTerminal() {
    }

    static Repl.Lines lines(InputStream in) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return prompt -> r.readLine();
    }

    static Repl.Outcome run(Function<PrintWriter, Repl> repl, ChatClient client, Env env)
            throws IOException, InterruptedException {
        try (Terminal t = TerminalBuilder.builder().system(true).build()) {
            return run(repl, client, t, history(env));
        }
    }

    /** On a given terminal (jline's test terminal in tests); the loop writes to the terminal. */
    static Repl.Outcome run(Function<PrintWriter, Repl> make, ChatClient client, Terminal t, Path history)
            throws IOException, InterruptedException {
        Repl repl = make.apply(t.writer());
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(t).appName("mlops-playground");
        if (history != null) {
            b.variable(LineReader.HISTORY_FILE, history);
        }
        LineReader reader = b.build();
        Terminal.SignalHandler before = t.handle(Terminal.Signal.INT, s -> client.cancel());
        try {
            return repl.run(prompt -> {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    return "";          // Ctrl-C at the prompt clears the line
                } catch (EndOfFileException e) {
                    return null;        // Ctrl-D
                }
            });
        } finally {
            t.handle(Terminal.Signal.INT, before);
            reader.getHistory().save();
        }
    }

    /** ~/.mlops/playground_history, its folder made if it is missing; null without a home. */
    static Path history(Env env) {
        String home = env.vars().get("HOME");
        if (home == null || home.isBlank()) {
            return null;
        }
        try {
            Path dir = Files.createDirectories(env.fs().getPath(home, ".mlops"));
            return dir.resolve("playground_history");
        } catch (IOException e) {
            return null;
        }
    }
}
