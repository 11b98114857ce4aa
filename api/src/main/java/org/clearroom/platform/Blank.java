package org.clearroom.platform;

/**
 * Whether text shows nothing: {@link String#isBlank()} knows only whitespace, so a title of one
 * zero-width space, byte order mark, no-break space or Hangul filler would pass it and read as empty.
 */
public final class Blank {

    private Blank() {}

    /**
     * True when {@code text} is null or every code point in it is whitespace, a space separator (such as
     * U+00A0), a format character (Unicode category Cf, such as U+200B, U+200E or U+FEFF) or a filler that
     * renders as nothing (U+115F, U+1160, U+2800, U+3164, U+FFA0).
     */
    public static boolean blank(String text) {
        return text == null || text.codePoints().allMatch(Blank::invisible);
    }

    private static boolean invisible(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT
                || c == 0x115F
                || c == 0x1160
                || c == 0x2800
                || c == 0x3164
                || c == 0xFFA0;
    }
}
