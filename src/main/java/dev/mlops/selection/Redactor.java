package dev.mlops.selection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks e-mail addresses, phone numbers, IP addresses and card numbers, and counts what it masked. */
public final class Redactor {
    static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("email", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));
        PATTERNS.put("credit-card", Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b"));
        PATTERNS.put("ip", Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"));
        // +1 415 555 7324 · (415) 555-7324 · 415.555.7324 · 020 7946 0958 · +44 20 7946 0958; a sentence may
        // end right after it. Not inside a longer number, a decimal or an IP address.
        PATTERNS.put("phone", Pattern.compile("(?<![\\w+.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)|\\d{2,4})[ .-]?"
                + "\\d{3,4}[ .-]?\\d{3,4}(?!\\w)(?![.,]\\d)"));
    }

    private final List<String> kinds;
    private final Map<String, Long> counts = new TreeMap<>();

    /** @throws IllegalArgumentException for an unknown kind */
    public Redactor(List<String> kinds) {
        for (String k : kinds) {
            if (!PATTERNS.containsKey(k)) {
                throw new IllegalArgumentException("unknown redaction '" + k + "'; expected email, phone, ip, credit-card");
            }
        }
        this.kinds = List.copyOf(kinds);
        kinds.forEach(k -> counts.put(k, 0L));
    }

    public String apply(String text) {
        if (text == null || kinds.isEmpty()) {
            return text;
        }
        String t = text;
        for (String k : PATTERNS.keySet()) {
            if (!kinds.contains(k)) {
                continue;
            }
            Matcher m = PATTERNS.get(k).matcher(t);
            StringBuilder sb = new StringBuilder();
            long n = 0;
            while (m.find()) {
                if (k.equals("credit-card") && !luhn(m.group())) {
                    continue;
                }
                m.appendReplacement(sb, "[" + k.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "]");
                n++;
            }
            m.appendTail(sb);
            t = sb.toString();
            counts.merge(k, n, Long::sum);
        }
        return t;
    }

    /** Card numbers pass the Luhn check; other long digit runs are left alone. */
    static boolean luhn(String s) {
        String d = s.replaceAll("[ -]", "");
        int sum = 0;
        boolean dbl = false;
        for (int i = d.length() - 1; i >= 0; i--) {
            int x = d.charAt(i) - '0';
            if (dbl) {
                x *= 2;
                if (x > 9) {
                    x -= 9;
                }
            }
            sum += x;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    public Map<String, Long> counts() {
        return counts;
    }
}
