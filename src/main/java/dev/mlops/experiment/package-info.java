/**
 * A/B tests on request logs: records rolled up to the randomisation unit (per-unit state in
 * primitive arrays keyed by a 64-bit hash of the unit id), per-unit metrics, the trust checks
 * (sample-ratio mismatch, units in several arms), and the comparisons of each arm with the control
 * (z, Welch or the delta method; CUPED; confidence sequences; segments with Benjamini-Hochberg or
 * Holm, Simpson's paradox and Mantel-Haenszel). Depends on logs, analysis (the accumulator
 * contract, filters, prices) and stats; used by cli and report.
 */
package dev.mlops.experiment;
