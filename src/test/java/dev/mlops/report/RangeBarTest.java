package dev.mlops.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RangeBarTest {
    /** Nine cells for ±0.2: zero in the middle (cell 4), each cell 0.05 wide; trailing blanks are cut. */
    @Test
    void drawsTheIntervalTheEstimateAndZero() {
        assertEquals("    |[o-]", RangeBar.lift(0.05, 0.1, 0.2, 0.2));
        assertEquals("[-o-|]", RangeBar.lift(-0.2, -0.1, 0.05, 0.2));
        assertEquals("    |  [o", RangeBar.lift(0.15, 0.2, 0.2, 0.2));
        assertEquals("", RangeBar.lift(Double.NaN, 0, 1, 1), "no interval, no bar");
        assertEquals("  [-o-]", RangeBar.draw(20, 40, 50, 0, 100, 12, false), "a rating on its range, no zero mark");
    }
}
