package dev.mlops.io;

/**
 * Fault injection for crash tests: with {@code -Dmlops.test.crash-after-writes=N} the JVM halts,
 * as kill -9 would, at the N-th point where a release-state write could be interrupted. Inert
 * otherwise.
 */
public final class CrashPoint {
    static final String PROPERTY = "mlops.test.crash-after-writes";
    private static int passed;

    private CrashPoint() {
    }

    public static synchronized void here() {
        String limit = System.getProperty(PROPERTY);
        if (limit != null && ++passed >= Integer.parseInt(limit)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
