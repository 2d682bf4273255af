package dev.mlops.analysis;

/**
 * A term whose use changed.
 *
 * @param term     the word or bigram
 * @param z        its log-odds z-score, current against baseline (positive: rose)
 * @param baseline documents holding it in the baseline
 * @param current  documents holding it in the current window
 * @param isNew    absent from the baseline
 */
public record TermShift(String term, double z, long baseline, long current, boolean isNew) {
}
