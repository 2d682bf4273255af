package dev.mlops.playground;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.preference.JudgeSession;
import dev.mlops.preference.Pair;
import dev.mlops.preference.Vote;
import dev.mlops.preference.VoteLog;
import dev.mlops.text.Wrap;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The playground's loop: each line is a question (a line ending in a backslash goes on on the next
 * line) or a command. Every answer is printed as it arrives, then a line with its latency, tokens
 * and finish reason, and written to the transcript. A failed turn is one line with the server's
 * message, and the loop goes on; a server that cannot be reached stops a scripted run.
 */
public final class Repl {
    static final String HELP = String.join("\n",
            "  TEXT               ask (end a line with \\ to go on on the next)",
            "  /system TEXT       the system prompt from the next turn (empty: none)",
            "  /temp T            temperature from the next turn (0 to 2)",
            "  /max N             max_tokens from the next turn",
            "  /reset             a new conversation",
            "  /flag TAG [NOTE]   mark the last answer as a failure (refund-promise, jailbreak, pii-leak, …)",
            "  /good              mark the last answer as fine",
            "  /compare VERSION   the same conversation to another version, side by side, and your pick",
            "  /save FILE         write the conversation (messages as JSON) to FILE",
            "  /help, /quit");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    /** Where lines come from: jline on a terminal, standard input in a script. */
    public interface Lines {
        /** The next line, or null at the end of input. */
        String read(String prompt) throws IOException;
    }

    /** What a run did: turns asked, turns that got no answer, and whether the server could not be reached. */
    public record Outcome(int turns, int failed, String unavailable) {
    }

    /** What the loop works with. */
    public record Setup(Target target, Target compareWith, boolean stream, int width, String tester, Clock clock,
                        Function<String, Target> versions, Function<String, java.nio.file.Path> path) {
    }

    private final Setup setup;
    private final ChatClient client;
    private final Conversation conversation;
    private final Transcript transcript;
    private final VoteLog votes;
    private final PrintWriter out;
    private final boolean scripted;
    private final Function<Instant, String> newId;
    private String lastQuestion;
    private Reply lastReply;
    private int turns;
    private int failed;

    public Repl(Setup setup, ChatClient client, Conversation conversation, Transcript transcript, VoteLog votes,
                PrintWriter out, boolean scripted, Function<Instant, String> newId) {
        this.setup = setup;
        this.client = client;
        this.conversation = conversation;
        this.transcript = transcript;
        this.votes = votes;
        this.out = out;
        this.scripted = scripted;
        this.newId = newId;
    }

    public Outcome run(Lines in) throws IOException, InterruptedException {
        if (!scripted) {
            out.println("mlops playground: " + setup.target() + (setup.compareWith() == null ? ""
                    : ", compared with " + setup.compareWith()) + "; /help for commands");
            out.flush();
        }
        for (String line; (line = in.read(prompt())) != null; ) {
            StringBuilder text = new StringBuilder(line);
            while (text.length() > 0 && text.charAt(text.length() - 1) == '\\') {
                text.setLength(text.length() - 1);
                String more = in.read("... ");
                if (more == null) {
                    break;
                }
                text.append('\n').append(more);
            }
            String t = text.toString();
            if (t.isBlank()) {
                continue;
            }
            try {
                if (t.startsWith("/")) {
                    if (!command(t.strip(), in)) {
                        break;
                    }
                } else {
                    ask(t, in);
                }
            } catch (ChatClient.Unavailable e) {
                out.println("mlops: " + e.getMessage());
                out.flush();
                if (scripted) {
                    return new Outcome(turns, failed + 1, e.getMessage());
                }
                failed++;
            }
        }
        return new Outcome(turns, failed, null);
    }

    private String prompt() {
        return setup.target().name() + "> ";
    }

    private void ask(String question, Lines in) throws IOException, InterruptedException {
        turns++;
        Instant at = setup.clock().instant();
        ObjectNode request = conversation.ask(question);
        Reply r = client.chat(setup.target(), request, setup.stream(), token -> {
            out.print(token);
            out.flush();
        });
        show(r, setup.stream());
        transcript.turn(transcript.record(setup.target(), conversation, setup.tester(), at, request, question, r));
        conversation.answered(r);
        lastQuestion = question;
        lastReply = r.ok() ? r : null;
        if (!r.ok()) {
            failed++;
        } else if (setup.compareWith() != null) {
            compare(setup.compareWith(), in);
        }
    }

    /** Prints what was not printed as it came, then one line about the answer. */
    private void show(Reply r, boolean streamed) {
        if (!streamed && r.ok()) {
            out.print(r.content());
        }
        if (!r.content().isEmpty() && !r.content().endsWith("\n")) {
            out.println();
        }
        if (r.ok()) {
            out.println(String.format(Locale.ROOT, "  [%s · %.0f ms%s · %s → %s tokens · %s%s]", setup.target().name(),
                    r.latencyMs(), Double.isNaN(r.ttftMs()) ? "" : String.format(Locale.ROOT, " · first token %.0f ms",
                            r.ttftMs()), tokens(r.inputTokens()), tokens(r.outputTokens()),
                    r.finishReason() == null ? "finish unknown" : r.finishReason(),
                    r.attempts() > 1 ? " · " + r.attempts() + " attempts" : ""));
        } else {
            out.println("mlops: " + r.errorType() + ": " + r.message());
        }
        out.flush();
    }

    private static String tokens(long n) {
        return n < 0 ? "unknown" : Long.toString(n);
    }

    /** Returns false to leave. */
    private boolean command(String line, Lines in) throws IOException, InterruptedException {
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case "/quit", "/exit" -> {
                return false;
            }
            case "/help" -> out.println(HELP);
            case "/system" -> {
                conversation.system(arg);
                out.println(arg.isBlank() ? "no system prompt" : "system prompt set");
            }
            case "/temp" -> number(arg, 0, 2, "/temp T: a temperature from 0 to 2", v -> conversation.sampling().temperature = v);
            case "/max" -> number(arg, 1, 1_000_000, "/max N: a whole number of tokens, 1 or more",
                    v -> conversation.sampling().maxTokens = (int) Math.round(v));
            case "/reset" -> {
                conversation.reset(newId.apply(setup.clock().instant()));
                transcript.endConversation();
                lastReply = null;
                out.println("new conversation " + conversation.id());
            }
            case "/flag" -> flag(arg);
            case "/good" -> mark(o -> ((ObjectNode) o.get("feedback")).put("thumbs", 1), "marked good");
            case "/compare" -> {
                if (arg.isEmpty()) {
                    out.println("mlops: /compare VERSION: which version to compare with");
                } else {
                    try {
                        compare(setup.versions().apply(arg), in);
                    } catch (IllegalArgumentException e) {
                        out.println("mlops: /compare: " + e.getMessage());
                    }
                }
            }
            case "/save" -> save(arg);
            default -> out.println("mlops: unknown command " + parts[0] + "; /help lists them");
        }
        out.flush();
        return true;
    }

    private void number(String arg, double lo, double hi, String usage, java.util.function.DoubleConsumer set) {
        try {
            double v = Double.parseDouble(arg);
            if (v >= lo && v <= hi) {
                set.accept(v);
                out.println("set to " + arg + " from the next turn");
                return;
            }
        } catch (NumberFormatException ignored) {
            // the usage below
        }
        out.println("mlops: " + usage);
    }

    private void flag(String arg) throws IOException {
        String[] p = arg.split("\\s+", 2);
        if (!TAG.matcher(p[0]).matches()) {
            out.println("mlops: /flag TAG [NOTE]: a tag of lower-case letters, digits, - _ or ., e.g. jailbreak");
            return;
        }
        String note = p.length > 1 ? p[1] : null;
        mark(o -> {
            ObjectNode f = ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("flags")).addObject().put("tag", p[0]);
            if (note != null) {
                f.put("note", note);
            }
            ((ObjectNode) o.get("feedback")).put("thumbs", -1);
        }, "flagged " + p[0]);
    }

    private void mark(java.util.function.Consumer<ObjectNode> edit, String done) throws IOException {
        if (lastReply == null) {
            out.println("mlops: no answer to mark yet in this conversation");
            return;
        }
        transcript.amend(edit);
        out.println(done);
    }

    /** The last question to {@code other}; both answers side by side; the tester's pick, as a vote. */
    private void compare(Target other, Lines in) throws IOException, InterruptedException {
        if (lastReply == null) {
            out.println("mlops: /compare: ask something first");
            return;
        }
        Instant at = setup.clock().instant();
        ObjectNode request = conversation.again();
        Reply r = client.chat(other, request, setup.stream(), token -> { });
        transcript.also(transcript.record(other, conversation, setup.tester(), at, request, lastQuestion, r));
        if (!r.ok()) {
            out.println("mlops: " + other.name() + ": " + r.errorType() + ": " + r.message());
            return;
        }
        boolean swap = (Long.hashCode(conversation.id().hashCode() * 31L + conversation.turn()) & 1) == 1;
        Target left = swap ? other : setup.target();
        Target right = swap ? setup.target() : other;
        String a = swap ? r.content() : lastReply.content();
        String b = swap ? lastReply.content() : r.content();
        int col = Math.max(20, (setup.width() - 3) / 2);
        out.println(String.join("\n", Wrap.sideBySide("1: " + left.name(), "2: " + right.name(), col)));
        out.println(String.join("\n", Wrap.sideBySide("-".repeat(col), "-".repeat(col), col)));
        out.println(String.join("\n", Wrap.sideBySide(a, b, col)));
        String pick = in.read("which is better? 1, 2, t (tie), b (both bad), s (skip): ");
        Vote.Outcome outcome = pick == null ? null : switch (pick.strip()) {
            case "1" -> Vote.Outcome.A;
            case "2" -> Vote.Outcome.B;
            case "t" -> Vote.Outcome.TIE;
            case "b" -> Vote.Outcome.TIE_BOTHBAD;
            default -> null;
        };
        if (outcome == null) {
            out.println("skipped");
            return;
        }
        if (votes == null) {
            out.println("mlops: no vote file (--votes FILE); the pick is not kept");
            return;
        }
        Pair pair = new Pair(conversation.id() + "-" + conversation.turn(), lastQuestion, left.name(), a, right.name(), b,
                null);
        votes.append(new JudgeSession.Cast(pair, outcome, Vote.Side.A), setup.tester(), at);
        out.println("vote written");
    }

    private void save(String file) throws IOException {
        if (file.isEmpty()) {
            out.println("mlops: /save FILE: where to write the conversation");
            return;
        }
        dev.mlops.io.OutputFiles.write(setup.path().apply(file), file, conversation.transcript().toPrettyString() + "\n");
        out.println("saved " + file);
    }
}
