package dev.mlops.release;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs the history with HMAC-SHA256: from {@code $MLOPS_HISTORY_KEY} (the key
 * itself) or {@code $MLOPS_HISTORY_KEY_FILE} (a file holding it). Without the key anyone who can
 * write the files can recompute the chain; with it, a recomputed chain is detected.
 */
public final class HistoryKey {
    public static final String VAR = "MLOPS_HISTORY_KEY";
    public static final String FILE_VAR = "MLOPS_HISTORY_KEY_FILE";
    private final byte[] key;

    private HistoryKey(byte[] key) {
        this.key = key.clone();
    }

    public static HistoryKey of(byte[] key) {
        if (key.length == 0) {
            throw new ReleaseException(VAR + " is empty");
        }
        return new HistoryKey(key);
    }

    /** The key the environment names, if any. */
    public static Optional<HistoryKey> from(Map<String, String> vars, Path cwd) {
        String k = vars.get(VAR);
        if (k != null && !k.isEmpty()) {
            return Optional.of(of(k.getBytes(StandardCharsets.UTF_8)));
        }
        String f = vars.get(FILE_VAR);
        if (f != null && !f.isEmpty()) {
            Path p = cwd.resolve(f);
            byte[] b = dev.mlops.io.BoundedFiles.read(p, FILE_VAR + " " + f, 1 << 16);
            String s = new String(b, StandardCharsets.UTF_8).strip();
            return Optional.of(of(s.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    public String mac(String text) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean verifies(String text, String mac) {
        return java.security.MessageDigest.isEqual(mac(text).getBytes(StandardCharsets.US_ASCII),
                mac == null ? new byte[0] : mac.getBytes(StandardCharsets.US_ASCII));
    }
}
