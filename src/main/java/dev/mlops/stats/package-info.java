/**
 * Pure statistics: functions of numbers and counts only (tests, distances, sketches, change detection,
 * multiple testing). No files, no records, no printing. Depends on no other mlops package; each function
 * has golden tests against a reference implementation.
 */
package dev.mlops.stats;
