package org.clearroom.platform;

/**
 * What text a request may carry, in one place for bodies and query parameters alike. Any text: no NUL
 * or other C0 control characters but tab, line feed and carriage return, and no unpaired UTF-16
 * surrogates (they cannot be stored as UTF-8, and the driver would silently store "?" instead: the
 * audit digest would then be of other text than the one stored). A {@link SingleLine} field besides:
 * no line breaks, tabs or C1 controls, and none of Unicode's bidirectional controls.
 */
public final class TextRules {

    private TextRules() {}

    /** Why {@code text} is refused anywhere, or null when it is not. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain NUL characters";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters (U+" + hex(c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text: it holds an unpaired surrogate (U+" + hex(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text: it holds an unpaired surrogate (U+" + hex(c) + ")";
            }
        }
        return null;
    }

    /** Why {@code text} is refused as a name, title or label (after {@link #problem}), or null. */
    public static String singleLineProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return "must be one line without control characters (U+" + hex(c) + ")";
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "must not contain bidirectional control characters (U+" + hex(c)
                        + "): they can make a name read as another";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
