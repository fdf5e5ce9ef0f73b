package org.lodestar.trials;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The ways {@link FuzzTrial} damages a page: each takes the bytes of a real or generated page and
 * a random source (so that a seed gives the same mutants) and returns a damaged copy.
 */
enum Mutation {
    TRUNCATION("truncated at a random byte, a UTF-8 sequence cut in two among them", (p, r) ->
            Arrays.copyOf(p, p.length == 0 ? 0 : r.nextInt(p.length))),
    BYTE_FLIP("one to eight random bits flipped", (p, r) -> {
        byte[] c = p.clone();
        for (int k = 1 + r.nextInt(8); k > 0 && c.length > 0; k--)
            c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
        return c;
    }),
    INVALID_UTF8("malformed UTF-8: a stray continuation byte, an overlong NUL, a surrogate, a cut sequence, 0xFF", (p, r) -> {
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}};
        return insert(p, r.nextInt(p.length + 1), bad[r.nextInt(bad.length)]);
    }),
    NUL("NUL bytes inside lines", (p, r) -> {
        byte[] c = p;
        for (int k = 1 + r.nextInt(4); k > 0; k--)
            c = insert(c, r.nextInt(c.length + 1), new byte[] {0});
        return c;
    }),
    CONTROL("control and bidirectional characters inside a line: ESC sequences, backspace, form feed, U+202E, U+0085", (p, r) -> {
        String[] bad = {"\u001B[31m", "\b\b\b", "\f", "\u000B", "\u202E", "\u0085", "\u2028", "\u200B", "\uFEFF", "\u0007"};
        List<String> lines = lines(p);
        int i = r.nextInt(lines.size());
        String l = lines.get(i);
        int at = r.nextInt(l.length() + 1);
        lines.set(i, l.substring(0, at) + bad[r.nextInt(bad.length)] + l.substring(at));
        return join(lines, "\n");
    }),
    LONG_LINE("one line 10^4 to 10^6 characters long: a slug, a label, a justification, a heading, a score", (p, r) -> {
        int n = Math.max(100, (int) (Math.pow(10, 4 + r.nextInt(3)) * (1 + r.nextInt(3)) * MutationScale.get()));
        List<String> lines = lines(p);
        String type = lines.isEmpty() ? "concept" : lines.get(0).strip();
        String[] variants = {
                type + ":" + "a-".repeat(n / 2) + "a" + "Label",                 // a slug of many parts
                type + ":" + "a".repeat(n) + "Label",
                type + ":x" + "Ab ".repeat(n / 3),
                "- " + "Word ".repeat(n / 5) + "studies" + "Why ".repeat(n / 4),
                "- " + "x".repeat(n),
                "- " + "a-".repeat(n / 2) + "studies",
                "- " + "Aa".repeat(n / 2) + "concept0.9" + "9".repeat(n),
                "Concepts (" + "1".repeat(n) + ")",
                "cosine ≥ 0." + "6".repeat(n) + " · no typed edge",
                "x".repeat(n)};
        String line = variants[r.nextInt(variants.length)];
        int at = lines.isEmpty() ? 0 : r.nextInt(lines.size());
        if (line.startsWith(type + ":") && lines.size() > 2)
            at = 2; // the id line
        lines.add(at, line);
        if (at == 2 && line.startsWith(type + ":") && lines.size() > 3)
            lines.remove(3);
        return join(lines, "\n");
    }),
    MANY_LINES("10^3 to 10^4 extra lines: members, bare items, blank lines, headings", (p, r) -> {
        int n = Math.max(10, (int) (1000 * (1 + r.nextInt(10)) * MutationScale.get()));
        List<String> lines = lines(p);
        String[] kinds = {"- Member %dstudies", "- Member %d", "-", "", "Concepts (%d)", "concept", "- L%dthinker0.7x"};
        String kind = kinds[r.nextInt(kinds.length)];
        StringBuilder extra = new StringBuilder();
        for (int k = 0; k < n; k++)
            extra.append(String.format(kind, k)).append('\n');
        int at = lines.isEmpty() ? 0 : r.nextInt(lines.size() + 1);
        lines.add(at, extra.toString().stripTrailing());
        return join(lines, "\n");
    }),
    BOM_CRLF("byte-order marks and mixed line ends: BOM inside the page, CR, CRLF, LF, CRCRLF", (p, r) -> {
        List<String> lines = lines(p);
        String[] ends = {"\n", "\r\n", "\r", "\r\r\n", "\n\r"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (r.nextInt(6) == 0)
                s.append('\uFEFF');
            s.append(lines.get(i)).append(ends[r.nextInt(ends.length)]);
        }
        return (r.nextBoolean() ? "\uFEFF" : "").concat(s.toString()).getBytes(StandardCharsets.UTF_8);
    }),
    DUPLICATED_HEADER("a header line, the id line, the neighbourhood line, a group heading or the similarity heading twice", (p, r) -> {
        List<String> lines = lines(p);
        if (lines.isEmpty())
            return p;
        int i = r.nextInt(Math.min(lines.size(), r.nextBoolean() ? 5 : lines.size()));
        int times = 1 + r.nextInt(3);
        for (int k = 0; k < times; k++)
            lines.add(i, lines.get(i));
        return join(lines, "\n");
    }),
    ABSURD_COUNT("counts of 0, 999999999, 10^20, -1, 1e9, Arabic digits, empty, in headings and scores", (p, r) -> {
        String[] counts = {"0", "999999999", "100000000000000000000", "-1", "1e9", "١٢", "", " 3", "2147483648", "0x10"};
        String c = counts[r.nextInt(counts.length)];
        String s = new String(p, StandardCharsets.UTF_8);
        s = r.nextInt(3) == 0 ? s.replaceAll("(?m)([0-9]\\.[0-9]{3})", c.isEmpty() ? "" : c)
                : s.replaceAll("\\(([0-9]+)\\)", "(" + c + ")");
        return s.getBytes(StandardCharsets.UTF_8);
    }),
    LINE_DROPPED("a line dropped: the header, the status, the label, the id, a type key line", (p, r) -> {
        List<String> lines = lines(p);
        if (lines.isEmpty())
            return p;
        int i = r.nextInt(Math.min(lines.size(), r.nextBoolean() ? 6 : lines.size()));
        String l = lines.get(i);
        if (r.nextBoolean() && l.contains(":") && i == 2)
            lines.set(i, l.replaceAll("^([a-z]+:[a-z0-9-]*).*$", "$1")); // an id without its label
        else
            lines.remove(i);
        return join(lines, "\n");
    }),
    SHUFFLED("lines swapped, repeated from elsewhere in the page, or a page cut to its first lines", (p, r) -> {
        List<String> lines = lines(p);
        if (lines.size() < 2)
            return p;
        switch (r.nextInt(3)) {
            case 0 -> java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
            case 1 -> lines.add(r.nextInt(lines.size()), lines.get(r.nextInt(lines.size())));
            default -> lines = new ArrayList<>(lines.subList(0, 1 + r.nextInt(Math.min(6, lines.size()))));
        }
        return join(lines, "\n");
    }),
    ODD_TEXT("labels and ids of odd text: emoji, combining marks, scripts without ASCII slugs, full-width, spaces only", (p, r) -> {
        String[] odd = {"🔥🔥", "e\u0301\u0301\u0301", "李飞飞", "ΑΒΓ", "ＦＵＬＬ", "   ", "\u00A0", "-", "--", "a--b", ":", "concept:",
                "<script>alert(1)</script>", "\"quoted\"", "%00", "../../etc/passwd", "\\u0000"};
        List<String> lines = lines(p);
        if (lines.isEmpty())
            return odd[r.nextInt(odd.length)].getBytes(StandardCharsets.UTF_8);
        int i = r.nextInt(lines.size());
        String o = odd[r.nextInt(odd.length)];
        lines.set(i, switch (r.nextInt(3)) {
            case 0 -> o;
            case 1 -> lines.get(i) + o;
            default -> o + lines.get(i);
        });
        return join(lines, "\n");
    }),
    TINY("an empty page, a BOM alone, blank lines, a header alone, a header and an id", (p, r) -> {
        String[] tiny = {"", "\uFEFF", "\n\n\n", "concept", "concept\nactive", "concept\nactive\nconcept:x",
                "concept\nactive\nconcept:xX", "\r", " ", "concept\n\nconcept:aA\n\n\n"};
        return tiny[r.nextInt(tiny.length)].getBytes(StandardCharsets.UTF_8);
    });

    final String what;
    private final BiFunction<byte[], Random, byte[]> apply;

    Mutation(String what, BiFunction<byte[], Random, byte[]> apply) {
        this.what = what;
        this.apply = apply;
    }

    byte[] apply(byte[] page, Random random) {
        return apply.apply(page, random);
    }

    private static byte[] insert(byte[] p, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(p.length + what.length);
        out.write(p, 0, at);
        out.write(what, 0, what.length);
        out.write(p, at, p.length - at);
        return out.toByteArray();
    }

    /** The page's lines, decoded leniently (a mutant of a mutant may already be broken). */
    private static List<String> lines(byte[] p) {
        return new ArrayList<>(Arrays.asList(new String(p, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1)));
    }

    private static byte[] join(List<String> lines, String end) {
        return String.join(end, lines).getBytes(StandardCharsets.UTF_8);
    }
}
