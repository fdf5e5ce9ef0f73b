package org.lodestar.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Reads what follows "Neighborhood — ranked by edge-count": groups, each a heading, its type key
 * line and its member lines, then optionally the similarity section. One instance per page.
 *
 * <p>A line is read according to where it stands ({@link State}); a line that fits nowhere is
 * reported and ignored, never dropped silently. List items under a heading the vocabulary does
 * not know are ignored too, rather than credited to the group before.
 */
final class BodyParser {

    record Body(List<Group> groups, SimilaritySection similarity) {}

    private enum State { OUTSIDE, GROUP, UNKNOWN_GROUP, SIMILARITY }

    private final Vocabulary vocabulary;
    private final Diagnostics diagnostics;
    private final MemberLineSplitter memberSplitter;
    private final SimilarityLineSplitter similaritySplitter;

    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Integer> headingLines = new HashMap<>();
    private State state = State.OUTSIDE;
    private String skipReason;            // why items are ignored in State.UNKNOWN_GROUP
    private Matcher groupHeading;         // of the open group
    private int groupLine;
    private List<Member> members;         // of the open group
    private String groupTypeKey;          // of the open group
    private Matcher similarityHeading;
    private int similarityLine;
    private String threshold, explanation;
    private List<SimilarEntry> entries;   // null until the similarity section starts

    BodyParser(Vocabulary vocabulary, KnownNames names, Diagnostics diagnostics) {
        this.vocabulary = vocabulary;
        this.diagnostics = diagnostics;
        this.memberSplitter = new MemberLineSplitter(vocabulary.edgeKeys(), names);
        this.similaritySplitter = new SimilarityLineSplitter(vocabulary.typeKeys());
    }

    /** @param lines the non-blank lines after the "Neighborhood" line */
    Body parse(List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.stripped();
            Line following = i + 1 < lines.size() ? lines.get(i + 1) : null;
            Matcher m;
            if (Layout.isItem(text))
                item(line, text);
            else if ((m = Layout.SIMILARITY_HEADING.matcher(text)).matches())
                i += startSimilarity(line, m, following);
            else if (entries == null && (m = Layout.knownGroupHeading(text, vocabulary)) != null)
                i += startGroup(line, m, following);
            else if (Layout.GROUP_HEADING.matcher(text).matches())
                skipGroup(line);
            else
                unexpected(line, state == State.SIMILARITY ? "after the similarity section" : null);
        }
        closeGroup();
        return new Body(groups, similarity());
    }

    private void item(Line line, String text) {
        String after = text.length() > 1 ? text.substring(2) : "";
        String body = after.strip();
        int column = line.indent() + 3 + (after.length() - after.stripLeading().length());
        if (body.isEmpty())
            diagnostics.warning(line.number(), "empty list item ignored");
        else if (state == State.GROUP)
            members.add(memberSplitter.split(body, groupTypeKey, line.number(), column, members.size() + 1, diagnostics));
        else if (state == State.SIMILARITY)
            entries.add(similaritySplitter.split(body, line.number(), column, entries.size() + 1, diagnostics));
        else
            unexpected(line, state == State.UNKNOWN_GROUP ? skipReason : "not in a group");
    }

    /** A heading-shaped line that cannot open a group here: its items must not go to the group before. */
    private void skipGroup(Line line) {
        closeGroup();
        unexpected(line, entries != null ? "a group after the similarity section" : "not a heading of the vocabulary");
        skipReason = "under the ignored heading '" + SeedParser.abbreviate(line.stripped()) + "'";
        state = State.UNKNOWN_GROUP;
    }

    /** @return how many lines after the heading it used (the type key line) */
    private int startGroup(Line line, Matcher m, Line following) {
        closeGroup();
        String name = m.group(1), typeKey = vocabulary.headingToTypeKey().get(name);
        Integer first = headingLines.putIfAbsent(name, line.number());
        if (first != null)
            diagnostics.warning(line.number(), "group '" + name + "' appears again (first at line " + first + "); kept as a separate group");
        state = State.GROUP;
        groupHeading = m;
        groupLine = line.number();
        members = new ArrayList<>();
        groupTypeKey = typeKey;
        String found = following == null ? null : following.stripped();
        if (typeKey.equals(found))
            return 1;
        if (found != null && vocabulary.typeKeys().contains(found)) {
            diagnostics.error(following.number(), "group '" + name + "' has type key '" + found + "', expected '" + typeKey + "'");
            return 1;
        }
        diagnostics.error(following == null ? line.number() : following.number(),
                "group '" + name + "' is not followed by its type key line '" + typeKey + "'");
        return 0;
    }

    private void closeGroup() {
        if (state != State.GROUP)
            return;
        String name = groupHeading.group(1);
        int declared = Integer.parseInt(groupHeading.group(2));
        checkCount(groupHeading.group(), groupLine, declared, members.size());
        groups.add(new Group(name, declared, vocabulary.headingToTypeKey().get(name), groupLine, members));
        state = State.OUTSIDE;
    }

    /** @return how many lines after the heading it used (the threshold line) */
    private int startSimilarity(Line line, Matcher m, Line following) {
        closeGroup();
        if (entries != null) {
            // a second section: its entries go to the first one, and the counts will disagree
            unexpected(line, "a second similarity section; its entries are added to the first");
            state = State.SIMILARITY;
            return 0;
        }
        state = State.SIMILARITY;
        similarityHeading = m;
        similarityLine = line.number();
        entries = new ArrayList<>();
        String text = following == null ? "" : following.stripped();
        Matcher t = Layout.THRESHOLD_LINE.matcher(text);
        if (t.matches() && new BigDecimal(t.group(1)).compareTo(BigDecimal.ONE) <= 0) {
            threshold = t.group(1);
            explanation = t.group(2).strip();
            return 1;
        }
        int at = following == null ? line.number() : following.number();
        if (text.startsWith("cosine")) {
            diagnostics.error(at, "malformed threshold line, expected 'cosine ≥ {0..1} · no typed edge…': " + SeedParser.abbreviate(text));
            return 1;
        }
        diagnostics.error(at, "'Related by similarity' is not followed by its line 'cosine ≥ {threshold} · no typed edge…'");
        return 0;
    }

    private SimilaritySection similarity() {
        if (entries == null)
            return null;
        int declared = Integer.parseInt(similarityHeading.group(1));
        checkCount(similarityHeading.group(), similarityLine, declared, entries.size());
        return new SimilaritySection(declared, threshold, explanation, similarityLine, entries);
    }

    private void checkCount(String heading, int line, int declared, int listed) {
        if (declared != listed)
            diagnostics.warning(line, "'" + heading + "' declares " + declared + ", lists " + listed);
    }

    private void unexpected(Line line, String why) {
        diagnostics.warning(line.number(), "unexpected line ignored: " + SeedParser.abbreviate(line.stripped())
                + (why == null ? "" : " (" + why + ")"));
    }
}
