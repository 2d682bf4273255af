package dev.mlops.text;

/** Durations for people: 90 s is "1m", 7200 s "2h", 86400 s "1d" (whole units, rounded down). */
public final class Durations {
    private Durations() {
    }

    public static String human(long seconds) {
        return seconds >= 86_400 ? seconds / 86_400 + "d" : seconds >= 3600 ? seconds / 3600 + "h"
                : seconds >= 60 ? seconds / 60 + "m" : seconds + "s";
    }
}
