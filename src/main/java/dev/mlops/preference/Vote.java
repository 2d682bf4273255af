package dev.mlops.preference;

/**
 * One pairwise vote.
 *
 * @param item       the prompt or question voted on, or null
 * @param modelA     the first model of the pair (as the file names it)
 * @param modelB     the second
 * @param outcome    who won
 * @param firstShown which of the two was shown first, or null when unknown
 * @param judge      who voted, or null
 * @param segment    the vote's segment, or null
 * @param order      the vote's position in time (its timestamp in ms, else its place in the input)
 * @param lengthA    the length of model A's response (tokens or characters), NaN when unknown
 * @param lengthB    model B's
 * @param preference AlpacaEval's preference in [1, 2] (2: model B), NaN for other inputs
 */
public record Vote(String item, String modelA, String modelB, Outcome outcome, Side firstShown, String judge,
                   String segment, double order, double lengthA, double lengthB, double preference) {
    /** A vote with no response lengths. */
    public Vote(String item, String modelA, String modelB, Outcome outcome, Side firstShown, String judge,
                String segment, double order) {
        this(item, modelA, modelB, outcome, firstShown, judge, segment, order, Double.NaN, Double.NaN, Double.NaN);
    }

    /** This vote in another segment. */
    public Vote withSegment(String s) {
        return new Vote(item, modelA, modelB, outcome, firstShown, judge, s, order, lengthA, lengthB, preference);
    }

    /** Whether both responses' lengths are known. */
    public boolean hasLengths() {
        return !Double.isNaN(lengthA) && !Double.isNaN(lengthB);
    }
    /** Who won a vote: tie (bothbad) counts as a tie. */
    public enum Outcome { A, B, TIE, TIE_BOTHBAD;

        /** The score of model A: 1, 0 or ½. */
        public double scoreOfA() {
            return this == A ? 1 : this == B ? 0 : 0.5;
        }

        public boolean decided() {
            return this == A || this == B;
        }
    }

    /** A side of the pair. */
    public enum Side { A, B }
}
