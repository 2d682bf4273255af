package dev.mlops;

import dev.mlops.cli.Mlops;

/** Entry point: everything happens in {@link Mlops#run}, which tests call without exiting. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Mlops.run(args));
    }
}
