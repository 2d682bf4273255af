package dev.mlops.report.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Ticks on a time axis (epoch seconds): whole minutes, hours or days, at most eight, labelled in UTC. */
final class TimeTicks {
    private static final long[] STEPS = {60, 300, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800,
            604_800, 2_592_000, 31_536_000};
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private TimeTicks() {
    }

    static void draw(Svg svg, Scale x, double axisY) {
        double span = x.hi() - x.lo();
        long step = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (span / s <= 7) {
                step = s;
                break;
            }
        }
        DateTimeFormatter f = step >= 86_400 ? DAYS : MINUTES;
        for (long t = (long) Math.ceil(x.lo() / step) * step; t <= x.hi(); t += step) {
            svg.line(x.map(t), axisY, x.map(t), axisY + 4, "axis")
                    .text(x.map(t), axisY + 16, "middle", "", f.format(Instant.ofEpochSecond(t)));
        }
    }
}
