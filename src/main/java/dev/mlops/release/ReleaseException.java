package dev.mlops.release;

/** A release that cannot proceed because of its input (evidence, registry, artifacts): exit 3. */
public class ReleaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseException(String message) {
        super(message);
    }
}
