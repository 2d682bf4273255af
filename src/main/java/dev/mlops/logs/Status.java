package dev.mlops.logs;

/** Outcome of a request. A record with no error signal is {@link #OK}. */
public enum Status {
    OK, ERROR;

    public String key() {
        return this == OK ? "ok" : "error";
    }
}
