package org.lodestar.seed;

/**
 * Text from a page, made safe to print in a one-line message: control characters (NUL, ESC, a
 * stray CR, …), bidirectional overrides and other invisible format characters are shown as
 * {@code U+001B} instead of being sent to the terminal, where they could hide or rewrite what the
 * message says.
 */
public final class Printable {

    private Printable() {}

    public static String of(String text) {
        if (text == null)
            return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            if (needsEscape(c)) {
                if (out == null)
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                out.append(String.format("U+%04X", c));
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    /** The code point at {@code i}, printable; "" at the end of the text. */
    static String codePoint(String text, int i) {
        return i >= text.length() ? "" : of(new String(Character.toChars(text.codePointAt(i))));
    }

    private static boolean needsEscape(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.SURROGATE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE;
    }
}
