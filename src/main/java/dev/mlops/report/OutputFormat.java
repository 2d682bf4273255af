package dev.mlops.report;

import java.util.Locale;

/** Output formats of {@code --format}. */
public enum OutputFormat {
    TABLE, JSON, CSV, MARKDOWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
