package dev.mlops.analysis;

import dev.mlops.logs.LogRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The group of a record under --by fields, as one string (for maps) and back as field → value. */
public final class GroupKey {
    /** The value of a group whose record lacks the field. */
    public static final String MISSING = "(none)";
    static final char SEPARATOR = '\u0001';

    private GroupKey() {
    }

    public static String of(LogRecord r, List<String> by) {
        if (by.size() == 1) {
            String v = r.value(by.get(0));
            return v == null ? MISSING : v;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < by.size(); i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            String v = r.value(by.get(i));
            sb.append(v == null ? MISSING : v);
        }
        return sb.toString();
    }

    public static Map<String, String> fields(List<String> by, String key) {
        Map<String, String> m = new LinkedHashMap<>();
        if (by.isEmpty()) {
            return m;
        }
        String[] parts = key.split(String.valueOf(SEPARATOR), -1);
        for (int i = 0; i < by.size(); i++) {
            m.put(by.get(i), parts[i]);
        }
        return m;
    }
}
