package org.lodestar.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineReaderTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static Stream<Arguments> lineEnds() {
        return Stream.of(
                Arguments.of("LF", bytes("a\nb\nc\n"), List.of("1:a", "2:b", "3:c")),
                Arguments.of("no final line end", bytes("a\nb\nc"), List.of("1:a", "2:b", "3:c")),
                Arguments.of("CRLF", bytes("a\r\nb\r\nc\r\n"), List.of("1:a", "2:b", "3:c")),
                Arguments.of("CR", bytes("a\rb\rc"), List.of("1:a", "2:b", "3:c")),
                Arguments.of("mixed", bytes("a\r\nb\rc\nd"), List.of("1:a", "2:b", "3:c", "4:d")),
                Arguments.of("blank lines keep their numbers", bytes("a\n\r\n\rb"), List.of("1:a", "2:", "3:", "4:b")),
                Arguments.of("BOM dropped", concat(BOM, bytes("a\r\nb")), List.of("1:a", "2:b")),
                Arguments.of("BOM only", BOM, List.of()),
                Arguments.of("empty", new byte[0], List.of()),
                Arguments.of("a later U+FEFF is content", bytes("a\n\uFEFFb"), List.of("1:a", "2:\uFEFFb")),
                Arguments.of("non-ASCII", bytes("Gödel “x” ≥ · —"), List.of("1:Gödel “x” ≥ · —")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lineEnds")
    void splitsAndNumbersLines(String name, byte[] content, List<String> expected) {
        Diagnostics diagnostics = new Diagnostics("t.txt");
        List<String> lines = LineReader.read(content, diagnostics).stream().map(l -> l.number() + ":" + l.text()).toList();
        assertEquals(expected, lines);
        assertEquals(List.of(), diagnostics.inLineOrder());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("lone continuation byte", concat(bytes("ok\nab"), new byte[] {(byte) 0x80}, bytes("c\nok")),
                        "2: error: malformed UTF-8 at column 3: byte 0x80", "ab\uFFFDc"),
                Arguments.of("Latin-1 é", concat(bytes("x\r\ny\r\ncaf"), new byte[] {(byte) 0xE9}, bytes("\r\n")),
                        "3: error: malformed UTF-8 at column 4: byte 0xE9", "caf\uFFFD"),
                Arguments.of("overlong slash", concat(bytes("x\n"), new byte[] {(byte) 0xC0, (byte) 0xAF}),
                        "2: error: malformed UTF-8 at column 1: byte 0xC0", "\uFFFD\uFFFD"),
                Arguments.of("truncated sequence at line end", concat(bytes("x\nG"), new byte[] {(byte) 0xC3}, bytes("\ny")),
                        "2: error: malformed UTF-8 at column 2: byte 0xC3", "G\uFFFD"),
                Arguments.of("after a BOM", concat(BOM, new byte[] {(byte) 0xFF}, bytes("a")),
                        "1: error: malformed UTF-8 at column 1: byte 0xFF", "\uFFFDa"));
    }

    /** The error names the line that holds the bad bytes; the line is kept with U+FFFD so parsing can go on. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void reportsMalformedUtf8OnItsLine(String name, byte[] content, String expected, String keptText) {
        Diagnostics diagnostics = new Diagnostics("t.txt");
        List<Line> lines = LineReader.read(content, diagnostics);
        TestVocabulary.assertDiagnostics(diagnostics.inLineOrder(), expected);
        int number = Integer.parseInt(expected.substring(0, expected.indexOf(':')));
        assertEquals(keptText, lines.get(number - 1).text());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts)
            out.writeBytes(p);
        return out.toByteArray();
    }
}
