package org.clearroom.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values audit entries are made of: objects (members
 * sorted by their UTF-16 code units), arrays, strings, integers, booleans and null. Audit entries
 * contain no fractional numbers, so none are accepted rather than serialised differently from JCS.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    /** The canonical text of {@code value}; its UTF-8 bytes are what the ledger hashes. */
    public static String write(Object value) {
        var out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long n = ((Number) value).longValue();
            // beyond 2^53 a JCS (IEEE 754) reader can no longer tell neighbouring integers apart
            if (Math.abs(n) > (1L << 53)) {
                throw new IllegalArgumentException("integer out of the exact IEEE 754 range: " + n);
            }
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "not a canonical JSON value: " + value.getClass().getSimpleName());
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("object member names must be strings");
            }
            keys.add(s);
        }
        keys.sort(null); // String order is UTF-16 code unit order, as RFC 8785 section 3.2.3 asks
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, keys.get(i));
            out.append(':');
            append(out, map.get(keys.get(i)));
        }
        out.append('}');
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
