package org.lodestar.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * One group of a view before its members are dressed: the class, its heading, how many neighbours
 * it has, the first line of the focus's page that lists one of them, and ranked member rows (every
 * member, or the first page of them), whichever query they came from.
 *
 * @param members rows with ?member ?id ?label ?edgeCount ?degree ?position ?edges, best first
 */
record NeighbourGroup(Node cls, String typeKey, String heading, int count, Integer pageLine, List<Binding> members) {

    /**
     * The groups of neighbours.rq rows (every neighbour, ordered by group then rank). A group's
     * count is its number of rows; its page line is the smallest of its members' lines.
     */
    static List<NeighbourGroup> fromAllNeighbours(List<Binding> rows) {
        return split(rows, run -> new NeighbourGroup(Rows.node(run.get(0), "class"), Rows.text(run.get(0), "typeKey"),
                Rows.text(run.get(0), "heading"), run.size(), run.stream().map(r -> Rows.optionalInteger(r, "line"))
                        .filter(Objects::nonNull).min(Integer::compare).orElse(null), run));
    }

    /** The members on one page of this group, when {@link #members} starts at the first. */
    List<Binding> page(int page, int pageSize) {
        long from = (long) (page - 1) * pageSize;
        if (from >= members.size())
            return List.of();
        return members.subList((int) from, (int) Math.min(members.size(), from + pageSize));
    }

    private static List<NeighbourGroup> split(List<Binding> rows, java.util.function.Function<List<Binding>, NeighbourGroup> group) {
        List<NeighbourGroup> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= rows.size(); i++)
            if (i == rows.size() || !Rows.node(rows.get(i), "class").equals(Rows.node(rows.get(start), "class"))) {
                groups.add(group.apply(List.copyOf(rows.subList(start, i))));
                start = i;
            }
        return groups;
    }
}
