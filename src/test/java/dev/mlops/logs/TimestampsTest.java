package dev.mlops.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void shouldParseTheFormsFoundInLogs() {
        Instant t = Instant.parse("2023-11-16T18:17:03.979960Z");
        assertEquals(t, Timestamps.parse("2023-11-16 18:17:03.9799600"));
        assertEquals(t, Timestamps.parse("2023-11-16T18:17:03.97996Z"));
        assertEquals(t, Timestamps.parse("2023-11-16T19:17:03.97996+01:00"));
        assertEquals(Instant.parse("2023-11-16T18:17:03Z"), Timestamps.parse("2023-11-16T18:17:03"));
        assertEquals(Instant.parse("2023-12-27T00:52:16Z"), Timestamps.parse("1703638336"));
        assertEquals(Instant.parse("2023-12-27T00:52:16.500Z"), Timestamps.parse("1703638336500"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), Timestamps.parse("2024-02-29T23:59:59Z"));
        assertEquals(Instant.parse("1969-12-31T00:00:00Z"), Timestamps.parse("1969-12-31T00:00:00Z"));
        assertNull(Timestamps.parse("yesterday"));
        assertNull(Timestamps.parse("2023-13-01T00:00:00Z"));
    }
}
