package org.lodestar.rdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Mints every IRI Lodestar publishes under its base. Entity IRIs are {@code {base}id/{type}/{slug}};
 * qualified edges and similarity links get IRIs made from hashes of what identifies them, so that a
 * rebuild mints the same IRIs and both pages that assert one edge meet on one resource.
 */
public final class Uris {
    private final String base;

    public Uris(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    public String base() { return base; }

    public Node entity(String typeKey, String slug) {
        return NodeFactory.createURI(base + "id/" + typeKey + "/" + slug);
    }

    public Node seedGraph(String file) {
        return NodeFactory.createURI(seedGraphPrefix() + IRILib.encodeUriPath(file));
    }

    public String seedGraphPrefix() { return base + "graph/seed/"; }

    public Node ontologyGraph() { return NodeFactory.createURI(base + "graph/ontology"); }

    public Node derivedGraph() { return NodeFactory.createURI(base + "graph/derived"); }

    public Node edge(Node s, Node p, Node o) {
        return NodeFactory.createURI(base + "edge/" + hash(s.getURI() + " " + p.getURI() + " " + o.getURI(), 16));
    }

    public Node assertion(Node edge, String file, int line) {
        return NodeFactory.createURI(edge.getURI() + "/" + hash(file + "#" + line, 8));
    }

    public Node similarity(String file, int line) {
        return NodeFactory.createURI(base + "similarity/" + hash(file + " " + line, 16));
    }

    /** Hex SHA-256 of the text, cut to {@code length} characters. */
    public static String hash(String text, int length) {
        return hash(text.getBytes(StandardCharsets.UTF_8), length);
    }

    /** Hex SHA-256 of the bytes, cut to {@code length} characters. */
    public static String hash(byte[] bytes, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
