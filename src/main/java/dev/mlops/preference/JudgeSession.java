package dev.mlops.preference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A person judging pairs, one at a time: which pair is shown, which model is on the left (randomised
 * per item from the seed and the item's id, so the same run shows the same sides), the votes cast,
 * skips and undo. Pure state: the terminal and the vote file are elsewhere.
 */
public final class JudgeSession {
    /** A vote cast: the pair, the outcome for model_a, and which model was shown first (on the left). */
    public record Cast(Pair pair, Vote.Outcome outcome, Vote.Side firstShown) {
    }

    private final List<Pair> pairs;
    private final long seed;
    private final List<Integer> history = new ArrayList<>();
    private final boolean[] done;
    private int current;

    /** Pairs in file order; {@code judged} are the ids this judge voted on before (a resumed run skips them). */
    public JudgeSession(List<Pair> pairs, Set<String> judged, long seed) {
        this.pairs = List.copyOf(pairs);
        this.seed = seed;
        this.done = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            done[i] = judged.contains(pairs.get(i).id());
        }
        current = next(0);
    }

    /** The pair on screen, or null when every pair is judged or skipped. */
    public Pair current() {
        return current < pairs.size() ? pairs.get(current) : null;
    }

    /** Whether model_a is shown on the left for this pair. */
    public boolean aOnLeft(Pair p) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < p.id().length(); i++) {
            h = (h ^ p.id().charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (h & 1) == 0;
    }

    /** How many pairs are judged, and how many there are: "12 / 80". */
    public int judged() {
        int n = 0;
        for (boolean d : done) {
            n += d ? 1 : 0;
        }
        return n;
    }

    public int total() {
        return pairs.size();
    }

    /**
     * A vote on the pair on screen by the side the person chose: left or right better, a tie, both bad.
     *
     * @param key 1 (left), 2 (right), t (tie) or b (both bad)
     */
    public Cast vote(char key) {
        Pair p = current();
        boolean left = aOnLeft(p);
        Vote.Outcome o = switch (key) {
            case '1' -> left ? Vote.Outcome.A : Vote.Outcome.B;
            case '2' -> left ? Vote.Outcome.B : Vote.Outcome.A;
            case 't' -> Vote.Outcome.TIE;
            case 'b' -> Vote.Outcome.TIE_BOTHBAD;
            default -> throw new IllegalArgumentException("not a vote key: " + key);
        };
        done[current] = true;
        history.add(current);
        current = next(current + 1);
        return new Cast(p, o, left ? Vote.Side.A : Vote.Side.B);
    }

    /** Skips the pair on screen; it comes back after the others. */
    public void skip() {
        current = next(current + 1);
    }

    /** Takes back the last vote of this run, showing its pair again; false when there is none. */
    public boolean undo() {
        if (history.isEmpty()) {
            return false;
        }
        int last = history.remove(history.size() - 1);
        done[last] = false;
        current = last;
        return true;
    }

    private int next(int from) {
        for (int i = from; i < pairs.size(); i++) {
            if (!done[i]) {
                return i;
            }
        }
        for (int i = 0; i < Math.min(from, pairs.size()); i++) {
            if (!done[i]) {
                return i;
            }
        }
        return pairs.size();
    }
}
