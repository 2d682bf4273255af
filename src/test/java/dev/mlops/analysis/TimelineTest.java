package dev.mlops.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The time series of analyze's HTML report: the narrowest width that fits, the same whatever the merge order. */
class TimelineTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** One request a minute for {@code minutes} minutes from {@code from}, every tenth an error, latency = minute. */
    private static Timeline minutes(int from, int minutes) {
        Timeline t = new Timeline();
        for (int i = from; i < from + minutes; i++) {
            t.accept(T0.plusSeconds(60L * i), i % 10 == 0, i, 0.5);
        }
        return t;
    }

    @Test
    void aThousandMinutesAreFiveMinuteWindows_theNarrowestThatFits() {
        Timeline.Series s = minutes(0, 1000).series();
        assertEquals(300, s.windowSeconds(), "1,000 one-minute windows > 240; 200 five-minute windows fit");
        assertEquals(200, s.points().size());
        Timeline.Point first = s.points().get(0);
        assertEquals(T0, first.start());
        assertEquals(5, first.requests());
        assertEquals(1, first.errors(), "minute 0 is an error");
        assertEquals(2.5, first.costUsd(), 1e-12);
        assertEquals(3.85, first.latencyP95Ms(), 1e-9, "minute 0 failed; p95 of 1, 2, 3, 4 (numpy linear): 1 + 0.95 * 3");
    }

    @Test
    void twoHundredMinutesStayMinutes() {
        Timeline.Series s = minutes(0, 200).series();
        assertEquals(60, s.windowSeconds());
        assertEquals(200, s.points().size());
    }

    @Test
    void partsMergeToTheSameSeries_inEitherOrder_evenWhenOneWasNarrower() {
        Timeline a = minutes(0, 100);      // one-minute windows
        Timeline b = minutes(100, 900);    // five-minute windows already
        Timeline whole = minutes(0, 1000);
        a.merge(b);
        assertEquals(whole.series(), a.series());
        Timeline c = minutes(0, 100);
        Timeline d = minutes(100, 900);
        d.merge(c);
        assertEquals(whole.series(), d.series());
        long total = d.series().points().stream().mapToLong(Timeline.Point::requests).sum();
        assertEquals(1000, total);
        assertTrue(d.series().points().stream().allMatch(p -> p.requests() == 5));
    }

    @Test
    void mergingLeavesTheOtherPartAsItWas() {
        Timeline group = minutes(0, 100);
        Timeline.Series before = group.series();
        Timeline all = minutes(50, 100);
        all.merge(group);
        all.merge(minutes(0, 1000));
        assertEquals(before, group.series(), "the overall series once shared the group's windows and counted into them");
        assertEquals(1200, all.series().points().stream().mapToLong(Timeline.Point::requests).sum());
    }
}
