package dev.mlops.cli;

/** Who is acting: --by, else $USER, else $LOGNAME, else the operating-system user (CI containers often set no USER). */
final class Who {
    private Who() {
    }

    static String user(Env env, String by) {
        if (by != null && !by.isBlank()) {
            return by;
        }
        for (String var : new String[] {"USER", "LOGNAME"}) {
            String u = env.vars().get(var);
            if (u != null && !u.isBlank()) {
                return u;
            }
        }
        String os = System.getProperty("user.name");
        return os == null || os.isBlank() || os.equals("?") ? "unknown" : os;
    }
}
