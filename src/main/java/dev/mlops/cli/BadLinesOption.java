package dev.mlops.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --max-bad-lines}: how many unreadable lines are skipped and reported before it is exit 3. */
final class BadLinesOption {
    @Option(names = "--max-bad-lines", paramLabel = "N|P%", defaultValue = "1%",
            description = "Lines that cannot be read are skipped and reported; past this many, a count or a share of "
                    + "the lines read, it is exit 3 (default: ${DEFAULT-VALUE}).")
    String maxBad;

    String text() {
        return maxBad.toLowerCase(Locale.ROOT);
    }

    /** True when {@code bad} of {@code total} lines exceeds the limit: a count (100) or a percentage (0.5%). */
    boolean exceeded(long bad, long total) {
        String s = maxBad.trim();
        try {
            if (s.endsWith("%")) {
                double p = Double.parseDouble(s.substring(0, s.length() - 1));
                if (p < 0 || p > 100) {
                    throw new NumberFormatException();
                }
                return bad > p / 100.0 * total;
            }
            long n = Long.parseLong(s);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return bad > n;
        } catch (NumberFormatException e) {
            throw new MlopsException(ExitCode.USAGE, "--max-bad-lines " + maxBad
                    + ": expected a count (100) or a percentage (0.5%)");
        }
    }
}
