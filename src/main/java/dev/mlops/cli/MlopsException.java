package dev.mlops.cli;

/** A failure with a message written for the user and its exit code. */
public class MlopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExitCode exit;

    public MlopsException(ExitCode exit, String message) {
        super(message);
        this.exit = exit;
    }

    public ExitCode exit() {
        return exit;
    }
}
