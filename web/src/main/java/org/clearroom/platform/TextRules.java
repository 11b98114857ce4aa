package org.clearroom.platform;

/**
 * What text a request may carry, in one place for bodies and query parameters alike. Any text: no NUL,
 * no control characters (C0 but tab, line feed and carriage return; DEL; C1, such as U+009B, which
 * terminals read as CSI), and no unpaired UTF-16 surrogates (they cannot be stored as UTF-8, and the
 * driver would silently store "?" instead: the audit digest would then be of other text than the one
 * stored). A {@link SingleLine} field besides: no line breaks (tab, line feed, carriage return, U+2028,
 * U+2029), none of Unicode's bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066
 * to U+2069) and no other invisible format character (Unicode category Cf: U+00AD, U+200B, U+2060,
 * U+FEFF…) but the joiners U+200C and U+200D.
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
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
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
            if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029) {
                return "must be one line (U+" + hex(c) + " breaks it)";
            }
            if ((c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E
                    || c == 0x200F
                    || c == 0x061C) {
                return "must not contain bidirectional control characters (U+" + hex(c)
                        + "): they can make a name read as another";
            }
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            // joiners stay: Persian and Indic names need U+200C, emoji sequences U+200D
            if (c != 0x200C && c != 0x200D && Character.getType(c) == Character.FORMAT) {
                return "must not contain invisible characters (U+" + String.format("%04X", c)
                        + "): they can make a name read as another";
            }
            if (INVISIBLE_LETTERS.indexOf(c) >= 0) {
                return "must not contain characters that show nothing (U+" + String.format("%04X", c)
                        + "): they can make a name read as another";
            }
            i += Character.charCount(c);
        }
        // what is stored is stripped of whitespace; what stays at either end must show
        var stored = text.strip();
        if (!stored.isEmpty()) {
            int first = stored.codePointAt(0);
            int last = stored.codePointBefore(stored.length());
            for (int edge : new int[] {first, last}) {
                if (Character.isSpaceChar(edge) || edge == 0x200C || edge == 0x200D) {
                    return "must not begin or end with a space or joiner (U+" + String.format("%04X", edge)
                            + "): it would make a name read as another";
                }
            }
        }
        return null;
    }

    /**
     * Characters outside category Cf that render as nothing: the combining grapheme joiner, Hangul and
     * halfwidth fillers, the Khmer inherent vowels and the braille blank.
     */
    private static final String INVISIBLE_LETTERS = "\u034F\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0";

    /** At most this many characters of a caller's text are shown back in a problem. */
    static final int SHOWN = 64;

    /**
     * {@code text}, which came from the caller, as a problem may show it back: at most {@link #SHOWN}
     * characters, then "…", with every character that could hide or reorder what is shown (controls,
     * bidirectional controls, line and paragraph separators, unpaired surrogates) written as
     * {@code \\uXXXX}. Empty for null.
     */
    public static String shown(String text) {
        return shown(text, SHOWN);
    }

    /** As {@link #shown(String)}, cut after {@code limit} characters. */
    static String shown(String text, int limit) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(Math.min(text.length(), limit) + 8);
        int end = Math.min(text.length(), limit);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (c < 0x20
                    || (c >= 0x7F && c <= 0x9F)
                    || Character.isSurrogate(c)
                    || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E
                    || c == 0x200F
                    || c == 0x061C
                    || c == 0x2028
                    || c == 0x2029) {
                out.append("\\u").append(hex(c));
            } else {
                out.append(c);
            }
        }
        if (end < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
