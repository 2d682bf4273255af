package dev.mlops.registry;

/**
 * What the registry records of its history on every write, in the same transaction: the number of
 * entries, the SHA-256 of the last line, and with a history key its HMAC. A history deleted,
 * emptied or cut together with its head file no longer matches it.
 *
 * @param entries the number of history entries
 * @param head    the SHA-256 of the last history line
 * @param mac     HMAC-SHA256 of {@link #signedText()}, or null when unsigned
 * @param line    where it is in the registry file
 */
public record HistoryRecord(long entries, String head, String mac, int line) {
    public String signedText() {
        return "history " + entries + " " + head;
    }

    /** The registry's YAML for it. */
    public String yaml() {
        return "{entries: " + entries + ", head: \"" + head + "\"" + (mac == null ? "" : ", mac: \"" + mac + "\"") + "}";
    }
}
