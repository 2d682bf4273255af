package dev.mlops.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documented key lists of the man pages, generated from the document records so that they cannot
 * drift from what is written: one line for the document, then one line per nested object, named by the
 * keys that hold it.
 */
public final class Keys {
    /** Every document mlops writes, by schema. */
    public static final Map<String, Class<? extends Record>> DOCUMENTS = Map.of(
            AnalyzeDoc.SCHEMA, AnalyzeDoc.class, DriftDoc.SCHEMA, DriftDoc.class, HealthDoc.SCHEMA, HealthDoc.class,
            CollapseDoc.SCHEMA, CollapseDoc.class, SelectDoc.SCHEMA, SelectDoc.class, VerifyDoc.SCHEMA, VerifyDoc.class,
            DiffDoc.SCHEMA, DiffDoc.class, ManifestDoc.SCHEMA, ManifestDoc.class, AbtestDoc.SCHEMA, AbtestDoc.class,
            CompareDoc.SCHEMA, CompareDoc.class);

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private Keys() {
    }

    /** The document of a schema, or empty when mlops writes no such document. */
    public static Optional<Class<? extends Record>> of(String schema) {
        return Optional.ofNullable(DOCUMENTS.get(schema));
    }

    /** The key lines of a document record. */
    public static List<String> describe(Class<? extends Record> document) {
        Map<Class<?>, List<String>> holders = new LinkedHashMap<>();
        holders.put(document, new ArrayList<>());
        collect(document, holders);
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Class<?>, List<String>> e : holders.entrySet()) {
            String keys = String.join(", ", e.getKey().getRecordComponents().length == 0 ? List.of()
                    : java.util.Arrays.stream(e.getKey().getRecordComponents()).map(Keys::key).toList());
            JsonClassDescription about = e.getKey().getAnnotation(JsonClassDescription.class);
            String prefix = e.getValue().isEmpty() ? "" : String.join(", ", e.getValue()) + ": ";
            lines.add(prefix + (about == null ? "" : about.value() + ". ") + keys + ".");
        }
        return lines;
    }

    private static void collect(Class<?> type, Map<Class<?>, List<String>> holders) {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> nested = nestedRecord(c.getGenericType());
            if (nested == null) {
                continue;
            }
            String name = name(c) + (List.class.isAssignableFrom(c.getType()) ? "[]" : "");
            boolean seen = holders.containsKey(nested);
            holders.computeIfAbsent(nested, k -> new ArrayList<>());
            if (!holders.get(nested).contains(name)) {
                holders.get(nested).add(name);
            }
            if (!seen) {
                collect(nested, holders);
            }
        }
    }

    /** The record a component holds, directly or as a list's elements; null for a value. */
    private static Class<?> nestedRecord(Type t) {
        if (t instanceof Class<?> k) {
            return k.isRecord() ? k : null;
        }
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            return nestedRecord(p.getActualTypeArguments()[0]);
        }
        return null;
    }

    private static String key(RecordComponent c) {
        String name = name(c);
        if (List.class.isAssignableFrom(c.getType())) {
            name += "[]";
        }
        List<String> notes = new ArrayList<>();
        JsonPropertyDescription d = ann(c, JsonPropertyDescription.class);
        if (d != null) {
            notes.add(d.value());
        }
        JsonInclude inc = ann(c, JsonInclude.class);
        if (inc != null && inc.value() == JsonInclude.Include.NON_NULL && (d == null || !d.value().contains("absent"))) {
            notes.add("absent when it does not apply");
        }
        return notes.isEmpty() ? name : name + " (" + String.join("; ", notes) + ")";
    }

    /** Jackson's annotations target the accessor, not the record component itself. */
    private static <A extends java.lang.annotation.Annotation> A ann(RecordComponent c, Class<A> type) {
        return c.getAccessor().getAnnotation(type);
    }

    static String name(RecordComponent c) {
        JsonProperty p = ann(c, JsonProperty.class);
        if (p != null && !p.value().isEmpty()) {
            return p.value();
        }
        return SNAKE.translate(c.getName());
    }
}
