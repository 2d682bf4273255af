package dev.mlops.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LiftBarTest {
    /** Nine cells for ±0.2: zero in the middle (cell 4), each cell 0.05 wide; trailing blanks are cut. */
    @Test
    void drawsTheIntervalTheEstimateAndZero() {
        assertEquals("    |[o-]", LiftBar.draw(0.05, 0.1, 0.2, 0.2));
        assertEquals("[-o-|]", LiftBar.draw(-0.2, -0.1, 0.05, 0.2));
        assertEquals("    |  [o", LiftBar.draw(0.15, 0.2, 0.2, 0.2));
        assertEquals("", LiftBar.draw(Double.NaN, 0, 1, 1), "no interval, no bar");
    }
}
