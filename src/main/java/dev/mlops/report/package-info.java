/**
 * Renderers: reports as tables, Markdown, CSV and JSON. May depend on the packages whose reports it
 * renders (analysis, selection, registry, release, logs, stats); never on the command line.
 */
package dev.mlops.report;
