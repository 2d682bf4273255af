package dev.mlops.registry;

import java.text.Normalizer;

/**
 * Model names and version ids become file names (manifests, frozen listings), so they are
 * checked when the registry loads: letters, digits, {@code .}, {@code _} and {@code -}, at most
 * 128 characters, in Unicode NFC; never {@code .} or {@code ..} alone. Slashes, backslashes,
 * control characters, invisible characters and bidi overrides are refused.
 */
public final class Names {
    public static final int MAX_LENGTH = 128;

    private Names() {
    }

    /** Why {@code name} is not allowed, or null when it is. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "names a directory";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'
                    || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK)) {
                return "contains " + describe(c) + "; names may hold only letters, digits, '.', '_' and '-'";
            }
            i += Character.charCount(c);
        }
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            return "is not in Unicode NFC; write it as \"" + safe(Normalizer.normalize(name, Normalizer.Form.NFC)) + "\"";
        }
        return null;
    }

    private static String describe(int c) {
        if (c == '/' || c == '\\') {
            return "'" + (char) c + "'";
        }
        if (Character.isISOControl(c)) {
            return "a control character (U+" + String.format("%04X", c) + ")";
        }
        if (Character.getType(c) == Character.FORMAT || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "an invisible character (U+" + String.format("%04X", c) + ")";
        }
        return "'" + new String(Character.toChars(c)) + "' (U+" + String.format("%04X", c) + ")";
    }

    /** A name as it may be printed: anything unprintable shown as U+XXXX. */
    public static String safe(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                sb.append(String.format("<U+%04X>", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
