package dev.mlops.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** A distribution past its exact limit is a DDSketch; serialized and read back it gives the same figures and merges the same. */
class DistributionSerializationTest {
    private static Distribution roundTrip(Distribution d) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b)) {
            out.writeObject(d);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
            return (Distribution) in.readObject();
        }
    }

    @Test
    void shouldSurviveSerialization_asASketch() throws Exception {
        Distribution a = new Distribution(10);
        Distribution b = new Distribution(10);
        for (int i = 1; i <= 1000; i++) {
            a.add(i * 1.5);
            b.add(i * 0.7);
        }
        Distribution a2 = roundTrip(a);
        assertEquals(a.summary().toString(), a2.summary().toString());
        a.merge(b);
        a2.merge(roundTrip(b));
        assertEquals(a.summary().toString(), a2.summary().toString());
        assertEquals("ddsketch", a2.summary().method());
    }
}
