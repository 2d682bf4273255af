package dev.mlops.registry;

import java.util.Locale;

/** The lifecycle stage of a version. */
public enum Stage {
    EXPERIMENT, STAGING, CANARY, PRODUCTION, RETIRED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stage parse(String s) {
        for (Stage st : values()) {
            if (st.key().equals(s)) {
                return st;
            }
        }
        return null;
    }
}
