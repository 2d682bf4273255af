package dev.mlops.text;

import java.util.ArrayList;
import java.util.List;

/** Text laid out in a terminal's columns: cut into lines at spaces, or two texts side by side. */
public final class Wrap {
    private Wrap() {
    }

    /** Text cut into lines of at most {@code width} characters, at spaces where it can; newlines kept. */
    public static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String para : text.replace("\r", "").split("\n", -1)) {
            String rest = para.replace('\t', ' ');
            do {
                if (rest.length() <= width) {
                    out.add(rest);
                    break;
                }
                int cut = rest.lastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            } while (!rest.isEmpty());
        }
        return out;
    }

    /** Two texts in two columns of {@code col} characters, wrapped, joined by " | ". */
    public static List<String> sideBySide(String left, String right, int col) {
        List<String> l = lines(left, col);
        List<String> r = lines(right, col);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            String a = i < l.size() ? l.get(i) : "";
            String b = i < r.size() ? r.get(i) : "";
            out.add(a + " ".repeat(Math.max(0, col - a.length())) + " | " + b);
        }
        return out;
    }
}
