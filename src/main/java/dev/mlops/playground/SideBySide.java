package dev.mlops.playground;

import java.util.ArrayList;
import java.util.List;

/** Two answers in two columns, each wrapped at spaces to its half of the width. */
final class SideBySide {
    private SideBySide() {
    }

    static String render(String leftTitle, String left, String rightTitle, String right, int width) {
        int col = Math.max(20, (width - 3) / 2);
        List<String> a = wrap(left, col);
        List<String> b = wrap(right, col);
        StringBuilder sb = new StringBuilder();
        line(sb, "1: " + leftTitle, "2: " + rightTitle, col);
        line(sb, "-".repeat(col), "-".repeat(col), col);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            line(sb, i < a.size() ? a.get(i) : "", i < b.size() ? b.get(i) : "", col);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String a, String b, int col) {
        String cut = a.length() > col ? a.substring(0, col) : a;
        sb.append(cut).append(" ".repeat(col - cut.length())).append(" | ").append(b.length() > col ? b.substring(0, col) : b)
                .append('\n');
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                while (word.length() > width) {
                    if (line.length() > 0) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    out.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() == 0 ? "" : " ").append(word);
            }
            out.add(line.toString());
        }
        return out;
    }
}
