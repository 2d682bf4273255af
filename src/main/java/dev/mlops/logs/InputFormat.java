package dev.mlops.logs;

import java.util.Locale;

/** Input format presets for {@code --input-format}. */
public enum InputFormat {
    AUTO, JSONL, JSON, CSV, AZURE_TRACE, LLMPERF;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean forcesJson() {
        return this == JSONL || this == JSON || this == LLMPERF;
    }

    boolean forcesCsv() {
        return this == CSV || this == AZURE_TRACE;
    }

    public static InputFormat parse(String s) {
        for (InputFormat f : values()) {
            if (f.key().equals(s.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown input format '" + s + "'; expected one of "
                + "auto, jsonl, json, csv, azure-trace, llmperf");
    }
}
