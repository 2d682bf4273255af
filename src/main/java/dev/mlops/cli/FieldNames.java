package dev.mlops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.logs.Compression;
import dev.mlops.logs.LogInput;
import dev.mlops.logs.LogRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The field names a log offers, for "did you mean …?" when a named field is in no record. */
final class FieldNames {
    private FieldNames() {
    }

    /** The record's own fields, and the keys of the first record of the first file (dotted when nested). */
    static List<String> known(List<LogInput> inputs) {
        Set<String> out = new LinkedHashSet<>(LogRecord.GROUP_FIELDS);
        out.addAll(LogRecord.NUMBER_FIELDS);
        for (LogInput in : inputs) {
            if (in.path() == null || !Files.isRegularFile(in.path())) {
                continue;
            }
            try (InputStream raw = Files.newInputStream(in.path())) {
                byte[] magic = raw.readNBytes(8);
                if (Compression.detect(magic, magic.length) != Compression.NONE) {
                    continue;
                }
                byte[] rest = raw.readNBytes(1 << 16);
                String head = new String(magic, StandardCharsets.UTF_8) + new String(rest, StandardCharsets.UTF_8);
                String first = head.strip().lines().findFirst().orElse("");
                if (first.startsWith("{")) {
                    flatten("", new ObjectMapper().readTree(first), out, 0);
                } else if (!first.startsWith("[")) {
                    for (String c : first.split(",")) {
                        out.add(c.strip().replace("\"", "").replace("\uFEFF", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no suggestions from this file
            }
            break;
        }
        return new ArrayList<>(out);
    }

    private static void flatten(String prefix, JsonNode n, Set<String> out, int depth) {
        if (n == null || !n.isObject() || depth > 3) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            out.add(name);
            flatten(name + ".", e.getValue(), out, depth + 1);
        }
    }

    /** The closest known name, if one is close enough to be a typo; null otherwise. */
    static String suggest(String name, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String k : known) {
            if (k.equals(name)) {
                continue;
            }
            String kl = k.toLowerCase(Locale.ROOT);
            int d = kl.equals(lower) ? 0 : distance(lower, kl);
            if (kl.endsWith("." + lower) || lower.endsWith("." + kl)) {
                d = Math.min(d, 1);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 3)) ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
