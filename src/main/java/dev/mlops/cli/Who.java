package dev.mlops.cli;

/** Who is acting: --by, else $USER, else "unknown". */
final class Who {
    private Who() {
    }

    static String user(Env env, String by) {
        if (by != null && !by.isBlank()) {
            return by;
        }
        String u = env.vars().get("USER");
        return u == null || u.isBlank() ? "unknown" : u;
    }
}
