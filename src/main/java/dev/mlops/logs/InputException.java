package dev.mlops.logs;

/** Input that cannot be read at all: the message is one line naming the file, for exit code 3. */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
