package org.lodestar.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * A fingerprint of a graph's triples, independent of their order. A page's graph is rewritten
 * only when its fingerprint changes, and the fingerprint covers what other pages contribute to it
 * (ids they declare), which a hash of the file alone would miss. Blank nodes are hashed as one
 * placeholder: their labels change at every parse (the ontology's owl:unionOf lists), while the
 * IRIs and literals around them still tell a changed graph from an unchanged one.
 *
 * <p>Each triple's line is hashed on its own and the digests are added, lane by lane:
 * a sum does not depend on the order, so nothing is sorted or held but four numbers.
 */
public final class GraphHash {
    private static final int LANES = 4;

    private GraphHash() {}

    static String of(Graph graph) {
        Sum sum = new Sum();
        graph.find().forEachRemaining(t -> sum.add(t.getSubject(), t.getPredicate(), t.getObject()));
        return sum.hex();
    }

    /**
     * The sum of the triples added so far, in any order; {@code trials fingerprint} keeps one per
     * graph of a whole database. Not thread-safe: one per thread.
     */
    public static final class Sum {
        private final MessageDigest sha = sha256();
        private final long[] lanes = new long[LANES];
        private final StringBuilder line = new StringBuilder(256);
        private long triples;

        public void add(Node s, Node p, Node o) {
            line.setLength(0);
            term(line, s);
            term(line, p);
            term(line, o);
            ByteBuffer digest = ByteBuffer.wrap(sha.digest(line.toString().getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < LANES; i++)
                lanes[i] += digest.getLong();
            triples++;
        }

        public long triples() { return triples; }

        /** The fingerprint: the lanes in hexadecimal. */
        public String hex() {
            ByteBuffer out = ByteBuffer.allocate(LANES * Long.BYTES);
            for (long lane : lanes)
                out.putLong(lane);
            return HexFormat.of().formatHex(out.array());
        }
    }

    /**
     * Each part with its length before it, so that no two triples write the same line (Jena's
     * N-Triples formatter said the same, at a tenth of the speed: it escaped one character at a time).
     */
    private static void term(StringBuilder line, Node n) {
        if (n.isBlank())
            line.append('_');
        else if (n.isURI())
            part(line.append('U'), n.getURI());
        else if (n.isLiteral())
            part(part(part(line.append('L'), n.getLiteralLexicalForm()), n.getLiteralDatatypeURI()), n.getLiteralLanguage());
        else
            part(line.append('?'), n.toString());
    }

    private static StringBuilder part(StringBuilder line, String text) {
        return line.append(text.length()).append(':').append(text);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
