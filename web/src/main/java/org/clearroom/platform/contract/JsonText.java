package org.clearroom.platform.contract;

import java.util.List;
import java.util.Map;

/**
 * Writes the document's maps, lists, strings, numbers and booleans as indented JSON: the build runs
 * without a JSON-P implementation on its class path, and the document needs no more than this.
 */
final class JsonText {

    private final StringBuilder out = new StringBuilder();

    private JsonText() {}

    static String of(Object value) {
        var text = new JsonText();
        text.write(value, "");
        return text.out.append('\n').toString();
    }

    private void write(Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            writeMembers(map, indent);
        } else if (value instanceof List<?> list) {
            writeItems(list, indent);
        } else if (value instanceof String text) {
            quote(text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value);
        }
    }

    private void writeMembers(Map<?, ?> map, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        var inner = indent + "  ";
        out.append("{\n");
        var first = true;
        for (var member : map.entrySet()) {
            if (!first) {
                out.append(",\n");
            }
            first = false;
            out.append(inner);
            quote((String) member.getKey());
            out.append(": ");
            write(member.getValue(), inner);
        }
        out.append('\n').append(indent).append('}');
    }

    private void writeItems(List<?> list, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        var inner = indent + "  ";
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            out.append(inner);
            write(list.get(i), inner);
            out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
