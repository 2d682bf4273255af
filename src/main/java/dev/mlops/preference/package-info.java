/**
 * Side-by-side comparison: pairwise votes (mlops's own, FastChat/Chatbot Arena battles, AlpacaEval
 * annotations, files that name their models in the file name), Bradley-Terry and Elo ratings with
 * bootstrap intervals, win rates and matrices, position bias per judge, and agreement between judges.
 * Depends on logs (the JSON reader), stats and text; used by cli and report.
 */
package dev.mlops.preference;
