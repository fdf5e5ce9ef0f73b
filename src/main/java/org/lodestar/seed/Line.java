package org.lodestar.seed;

/**
 * One line of a page after decoding: its 1-based number and its text without the line end.
 * {@link #text()} keeps leading and trailing blanks; the parser strips them where they carry no
 * information, and {@link #indent()} tells how many it stripped in front, for columns.
 */
record Line(int number, String text) {

    String stripped() {
        return text.strip();
    }

    boolean isBlank() {
        return text.isBlank();
    }

    int indent() {
        return text.length() - text.stripLeading().length();
    }
}
