/**
 * Files that must not be half-written or hang: atomic writes, output files that write through devices,
 * bounded reads of settings files, paths kept under a directory, the operating-system lock, crash points for
 * the crash tests. Depends on no other mlops package.
 */
package dev.mlops.io;
