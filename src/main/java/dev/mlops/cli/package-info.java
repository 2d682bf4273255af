/**
 * The command line: one thin class per command, the options they share, the error handler and exit codes.
 * The only package that uses picocli, and the only one that may depend on every other.
 */
package dev.mlops.cli;
