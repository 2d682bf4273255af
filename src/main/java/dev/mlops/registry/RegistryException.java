package dev.mlops.registry;

/** An invalid or unreadable registry: one line naming the file, the line and the field (exit 3). */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }
}
