package org.lodestar.seed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to numbered lines. UTF-8 is decoded strictly and line by line, so that malformed bytes are
 * reported on the line that holds them (a whole-file decode would only give a byte offset). The
 * split happens on the bytes: CR and LF never occur inside a multi-byte UTF-8 sequence.
 */
final class LineReader {

    private static final byte CR = '\r', LF = '\n';

    private LineReader() {}

    /**
     * LF, CRLF and CR all end a line; a final line end does not start another line. A leading
     * byte-order mark is dropped. A line with malformed UTF-8 is reported as an error and kept with
     * U+FFFD in place of the bad bytes, so the rest of the page can still be checked.
     */
    static List<Line> read(byte[] content, Diagnostics diagnostics) {
        List<Line> lines = new ArrayList<>();
        int start = hasBom(content) ? 3 : 0;
        int number = 1;
        int i = start;
        while (i < content.length) {
            byte b = content[i];
            if (b == CR || b == LF) {
                lines.add(new Line(number, decode(content, start, i, number, diagnostics)));
                number++;
                i += (b == CR && i + 1 < content.length && content[i + 1] == LF) ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < content.length)
            lines.add(new Line(number, decode(content, start, content.length, number, diagnostics)));
        return lines;
    }

    private static boolean hasBom(byte[] c) {
        return c.length >= 3 && (c[0] & 0xFF) == 0xEF && (c[1] & 0xFF) == 0xBB && (c[2] & 0xFF) == 0xBF;
    }

    private static String decode(byte[] content, int from, int to, int number, Diagnostics diagnostics) {
        ByteBuffer in = ByteBuffer.wrap(content, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = strict.decode(in, out, true);
        if (result.isError()) {
            diagnostics.error(number, "malformed UTF-8 at column " + (out.position() + 1) + ": "
                    + hex(content, in.position(), result.length()));
            return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(content, from, to - from)).toString();
        }
        strict.flush(out);
        return out.flip().toString();
    }

    private static String hex(byte[] content, int at, int length) {
        StringBuilder s = new StringBuilder("byte");
        s.append(length == 1 ? " " : "s ");
        for (int k = 0; k < length; k++)
            s.append(k == 0 ? "" : " ").append(String.format("0x%02X", content[at + k] & 0xFF));
        return s.toString();
    }
}
