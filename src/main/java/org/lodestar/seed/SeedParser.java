package org.lodestar.seed;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Parses one seed page. The header part (type key, status, id, description, the
 * "Neighborhood — ranked by edge-count" line) is read here; groups and the similarity section by
 * {@link BodyParser}. Blank lines are skipped everywhere; line numbers are those of the file.
 *
 * <p>Thread-safe: it holds only the vocabulary, and each call works on its own state.
 */
public final class SeedParser {

    private final Vocabulary vocabulary;
    private final KnownNames names;

    /** A parser that splits member lines by the text alone, as for a page read on its own. */
    public SeedParser(Vocabulary vocabulary) {
        this(vocabulary, KnownNames.NONE);
    }

    /** A parser that uses the names the other pages give to split member lines the text alone cannot. */
    public SeedParser(Vocabulary vocabulary, KnownNames names) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.names = Objects.requireNonNull(names, "names");
    }

    public KnownNames names() {
        return names;
    }

    /**
     * @param file    the name diagnostics carry (the seed file's name)
     * @param content the file's bytes, UTF-8, optionally with a byte-order mark, any line ends
     */
    public ParseResult parse(String file, byte[] content) {
        Diagnostics diagnostics = new Diagnostics(file);
        List<Line> lines = LineReader.read(content, diagnostics).stream().filter(l -> !l.isBlank()).toList();
        EntityPage page = page(file, lines, diagnostics);
        return new ParseResult(page, diagnostics.inLineOrder(), diagnostics.namesMattered());
    }

    private EntityPage page(String file, List<Line> lines, Diagnostics diagnostics) {
        if (lines.isEmpty()) {
            diagnostics.error(1, "empty file");
            return null;
        }
        Line header = lines.get(0);
        String type = header.stripped();
        if (!vocabulary.typeKeys().contains(type)) {
            diagnostics.error(header.number(), "no header: the first line '" + abbreviate(type)
                    + "' is not a type key (one of " + new TreeSet<>(vocabulary.typeKeys()) + ")");
            return null;
        }
        int next = 1;
        String status = null;
        if (next < lines.size() && !lines.get(next).stripped().startsWith(type + ":"))
            status = lines.get(next++).stripped();
        else
            diagnostics.error(lineAfter(lines, header), "no status line after the header '" + type + "'");
        if (next >= lines.size()) {
            diagnostics.error(lines.get(next - 1).number(), "no id line ('" + type + ":slug' and label)");
            return null;
        }
        Line idLine = lines.get(next++);
        IdLine id = IdLine.parse(idLine.stripped(), idLine.number(), type, vocabulary.typeKeys(), diagnostics);
        String description = null;
        if (next < lines.size() && !Layout.startsBody(lines.get(next).stripped(), vocabulary))
            description = lines.get(next++).stripped();
        else
            diagnostics.warning(lineAfter(lines, idLine), next < lines.size()
                    ? "no description: line " + lines.get(next).number() + " is already '" + abbreviate(lines.get(next).stripped()) + "'"
                    : "no description: the page ends after its id");
        if (next < lines.size() && lines.get(next).stripped().equals(Layout.NEIGHBOURHOOD))
            next++;
        else
            diagnostics.warning(lineAfter(lines, lines.get(next - 1)), "missing line '" + Layout.NEIGHBOURHOOD + "'");
        BodyParser.Body body = new BodyParser(vocabulary, names, diagnostics).parse(lines.subList(next, lines.size()));
        return new EntityPage(file, idLine.number(), type, status, id.slug(), id.label(), description,
                body.groups(), body.similarity());
    }

    /** The line a missing line was expected on: the next one, or the last line of the file. */
    private static int lineAfter(List<Line> lines, Line line) {
        int i = lines.indexOf(line);
        return i + 1 < lines.size() ? lines.get(i + 1).number() : line.number();
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
