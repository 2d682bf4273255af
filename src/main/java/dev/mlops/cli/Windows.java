package dev.mlops.cli;

import java.time.Duration;

/** Parses window durations: 30m, 6h, 1d, 1w. */
final class Windows {
    private Windows() {
    }

    /** @throws IllegalArgumentException with a message for the user */
    static Duration parse(String option, String w) {
        String t = w.trim();
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            switch (t.charAt(t.length() - 1)) {
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                case 'd': return Duration.ofDays(n);
                case 'w': return Duration.ofDays(7 * n);
                default: throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " " + w + ": expected a duration like 30m, 6h, 1d or 1w");
        }
    }
}
