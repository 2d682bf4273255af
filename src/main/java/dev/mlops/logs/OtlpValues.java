package dev.mlops.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The OTLP/JSON value encoding: key/value attribute lists of AnyValue, 64-bit integers as decimal
 * strings (or numbers), ids in hex (or base64, as some exporters write them), enums as integers or
 * names.
 */
final class OtlpValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OtlpValues() {
    }

    /** An empty object. */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A list of {key, value: AnyValue} as one object of plain JSON values. */
    static ObjectNode attributes(JsonNode list) {
        ObjectNode out = NODES.objectNode();
        for (JsonNode kv : list) {
            String key = kv.path("key").asText(null);
            if (key != null) {
                out.set(key, value(kv.path("value")));
            }
        }
        return out;
    }

    /** An AnyValue as a plain JSON value; a JSON string that holds an object or array stays a string. */
    static JsonNode value(JsonNode any) {
        if (any.has("stringValue")) {
            return any.get("stringValue");
        }
        if (any.has("intValue")) {
            JsonNode v = any.get("intValue");
            if (v.isTextual()) {
                try {
                    return NODES.numberNode(Long.parseLong(v.asText().trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("intValue is not an integer: " + v.asText());
                }
            }
            return v;
        }
        if (any.has("doubleValue")) {
            JsonNode v = any.get("doubleValue");
            return v.isTextual() ? NODES.numberNode(Double.parseDouble(v.asText())) : v;
        }
        if (any.has("boolValue")) {
            return any.get("boolValue");
        }
        if (any.has("arrayValue")) {
            ArrayNode a = NODES.arrayNode();
            any.get("arrayValue").path("values").forEach(v -> a.add(value(v)));
            return a;
        }
        if (any.has("kvlistValue")) {
            return attributes(any.get("kvlistValue").path("values"));
        }
        if (any.has("bytesValue")) {
            return any.get("bytesValue");
        }
        return NODES.nullNode();
    }

    /** A trace or span id in hex: hex as written, base64 decoded. */
    static String id(String id) {
        if (id.isEmpty() || (id.length() == 16 || id.length() == 32) && hex(id)) {
            return id.toLowerCase(java.util.Locale.ROOT);
        }
        try {
            return HexFormat.of().formatHex(Base64.getDecoder().decode(id));
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** A fixed64 time in Unix nanoseconds, as a decimal string or a number; 0 when absent. */
    static long nanos(JsonNode v, String name) {
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a time in nanoseconds: " + v.asText());
        }
    }

    /** Span status code 2, STATUS_CODE_ERROR, is an error; 0/1 and their names are not. */
    static boolean isErrorStatus(JsonNode code) {
        if (code.isNumber()) {
            return code.asInt() == 2;
        }
        String s = code.asText("");
        return s.equals("2") || s.equalsIgnoreCase("STATUS_CODE_ERROR") || s.equalsIgnoreCase("ERROR");
    }
}
