package dev.mlops.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JudgeSessionTest {
    private static List<Pair> pairs(int n) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Pair("p" + i, "prompt " + i, "v11", "a" + i, "v12", "b" + i, null));
        }
        return out;
    }

    @Test
    void sidesAreRandomisedPerItem_theSameForTheSameSeed() {
        JudgeSession s = new JudgeSession(pairs(1000), Set.of(), 7);
        JudgeSession again = new JudgeSession(pairs(1000), Set.of(), 7);
        JudgeSession other = new JudgeSession(pairs(1000), Set.of(), 8);
        int left = 0;
        int differs = 0;
        for (Pair p : pairs(1000)) {
            left += s.aOnLeft(p) ? 1 : 0;
            assertEquals(s.aOnLeft(p), again.aOnLeft(p));
            differs += s.aOnLeft(p) != other.aOnLeft(p) ? 1 : 0;
        }
        assertTrue(left > 450 && left < 550, "model_a on the left " + left + " of 1000");
        assertTrue(differs > 400, "another seed shuffles the sides: " + differs);
    }

    @Test
    void votesFollowTheSideShown_undoBringsThePairBack_skipComesBackLater() {
        JudgeSession s = new JudgeSession(pairs(3), Set.of(), 1);
        Pair first = s.current();
        JudgeSession.Cast c = s.vote('1');
        assertEquals(s.aOnLeft(first) ? Vote.Outcome.A : Vote.Outcome.B, c.outcome(), "1 is the left one");
        assertEquals(s.aOnLeft(first) ? Vote.Side.A : Vote.Side.B, c.firstShown());
        assertEquals("p1", s.current().id());
        s.skip();
        assertEquals("p2", s.current().id());
        assertTrue(s.undo());
        assertEquals("p0", s.current().id(), "undo shows the voted pair again");
        assertEquals(0, s.judged());
        s.vote('t');
        s.vote('b');
        assertEquals("p2", s.current().id());
        assertEquals(Vote.Outcome.TIE_BOTHBAD, new JudgeSession(pairs(1), Set.of(), 1).vote('b').outcome());
        s.vote('2');
        assertNull(s.current(), "all judged");
        assertEquals(3, s.judged());
    }

    @Test
    void aResumedSessionSkipsWhatThisJudgeAlreadyVotedOn() {
        JudgeSession s = new JudgeSession(pairs(3), Set.of("p0", "p2"), 1);
        assertEquals("p1", s.current().id());
        assertEquals(2, s.judged());
        assertFalse(s.undo(), "the votes of an earlier run are not undone");
    }
}
