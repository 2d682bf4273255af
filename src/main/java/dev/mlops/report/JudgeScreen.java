package dev.mlops.report;

import java.util.ArrayList;
import java.util.List;
import dev.mlops.text.Wrap;

/**
 * The judge's screen as lines of text: the prompt on top, the two responses side by side when the
 * terminal is 120 columns or wider (stacked otherwise), scrolled by {@code scroll} lines when they are
 * longer than the room, and the progress and keys at the bottom.
 */
public final class JudgeScreen {
    /** The narrowest terminal that shows the responses side by side. */
    public static final int SIDE_BY_SIDE = 120;
    public static final String KEYS = "1 left better  2 right better  t tie  b both bad  s skip  u undo  j/k scroll  ? help  q quit";
    public static final String HELP = "Pick the better response. 1: the left (or upper) one, 2: the right (or lower) one, "
            + "t: as good as each other, b: both bad. s skips the pair (it comes back later), u takes back your last "
            + "vote, j and k (or the arrows) scroll long responses, q quits; your votes are saved as you go, and running "
            + "again with the same -o resumes. Press any key.";

    private JudgeScreen() {
    }

    /** The screen for a pair, with {@code left} and {@code right} the responses in the order shown. */
    public static List<String> render(String prompt, String left, String right, int width, int height, int scroll,
                                      int judged, int total, String message) {
        List<String> out = new ArrayList<>();
        out.add(clip(String.format(java.util.Locale.ROOT, "mlops judge   %d / %d", judged, total), width));
        out.add("-".repeat(width));
        List<String> p = Wrap.lines("Prompt: " + prompt, width);
        out.addAll(p.subList(0, Math.min(p.size(), Math.max(1, height / 4))));
        out.add("-".repeat(width));
        int room = Math.max(1, height - out.size() - 3);
        List<String> body = new ArrayList<>();
        if (width >= SIDE_BY_SIDE) {
            body.addAll(Wrap.sideBySide("[1] " + left, "[2] " + right, (width - 3) / 2));
        } else {
            body.addAll(Wrap.lines("[1] " + left, width));
            body.add("");
            body.addAll(Wrap.lines("[2] " + right, width));
        }
        int from = Math.max(0, Math.min(scroll, Math.max(0, body.size() - room)));
        out.addAll(body.subList(from, Math.min(body.size(), from + room)));
        for (int i = body.size() - from; i < room; i++) {
            out.add("");
        }
        out.add("-".repeat(width));
        out.add(clip(message == null ? (body.size() > room ? "(more: j/k to scroll)" : "") : message, width));
        out.add(clip(KEYS, width));
        return out;
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width);
    }
}
