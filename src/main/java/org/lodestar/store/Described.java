package org.lodestar.store;

import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * What a build changed that descriptions show: the subjects of every triple it added or removed,
 * with the entities at the ends of the edges and similarity links among them ({@code nodes}), and
 * the resources whose label, class or identifier changed ({@code summaries}: every description
 * that mentions one shows them), and the entities whose degree changed ({@code degrees}: every view
 * that lists one ranks it by its degree). The documents rendered beside the database need rendering
 * again for these alone; {@link #all} when the build cannot say (a first build, a changed ontology,
 * a full similarity derivation, more changes than are worth listing).
 */
public record Described(boolean all, Set<Node> nodes, Set<Node> summaries, Set<Node> degrees) {
    public static final Described ALL = new Described(true, Set.of(), Set.of(), Set.of());
    public static final Described NONE = new Described(false, Set.of(), Set.of(), Set.of());
}
