/**
 * Text written the same way on every machine: numbers in plain decimal, with {@link java.util.Locale#ROOT}.
 * Depends on no other mlops package.
 */
package dev.mlops.text;
