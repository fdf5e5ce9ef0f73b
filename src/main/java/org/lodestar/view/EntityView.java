package org.lodestar.view;

import java.math.BigDecimal;
import java.util.List;

/**
 * A ranked neighbourhood view as data, before any rendering: the header of the focus, its groups of
 * typed neighbours (one page of each), and the similarity section.
 *
 * @param status      null for an entity that no seed page declares (only mentioned)
 * @param description null when absent
 * @param seedPage    the IRI of the focus's own seed page's graph; null when it has none
 * @param similar     null when this view leaves the section out (a page other than the first)
 */
public record EntityView(String uri, String id, String typeKey, String slug, String status, String label,
                         String description, String seedPage, List<Group> groups, Similar similar,
                         ViewOptions options) {

    /**
     * One group of neighbours of one class.
     *
     * @param count   every member of the group, on all pages
     * @param members the members on this page, ranked
     */
    public record Group(String typeKey, String heading, int count, int page, int pageSize, List<Member> members) {
        public boolean hasNext() {
            return (long) page * pageSize < count;
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        /** The rank of the first member on this page, from 1. */
        public int firstRank() {
            return (page - 1) * pageSize + 1;
        }
    }

    /**
     * A neighbour, with what its line shows and everything behind it.
     *
     * @param edge           the edge key its line shows; null for a neighbour listed without one
     * @param justification  the justification its line shows; null when none
     * @param justifications every justification of every edge between it and the focus
     * @param edges          every typed edge key between it and the focus, sorted, without repeats
     * @param position       its place on the focus's own seed page; null when that page does not list it
     */
    public record Member(String uri, String id, String label, String edge, String justification,
                         List<Justification> justifications, List<String> edges, int edgeCount, long degree,
                         Integer position) {}

    /**
     * @param edge    the key of the edge it justifies; null for an untyped link
     * @param outgoing whether the focus is the edge's source
     * @param page    the IRI of the seed page's graph that asserts it
     */
    public record Justification(String edge, boolean outgoing, String text, String page) {}

    /**
     * @param count   all similar entities, of which {@code members} are the first page
     * @param members ranked: the focus's own page first in its order, then by score
     */
    public record Similar(BigDecimal threshold, int count, List<SimilarMember> members) {}

    /**
     * An entity similar to the focus; when several links pair it with the focus (imported from a
     * page and computed by a model), the first in rank order gives the line, all are in {@code sources}.
     *
     * @param typed false for an entity whose type is unknown (kg:Entity): its line has no type key
     * @param score its lexical form as stored; null for a line that lost it
     */
    public record SimilarMember(String uri, String id, String label, String typeKey, boolean typed, String score, String note,
                                String source, List<SimilarSource> sources) {}

    /**
     * @param source the label of the method that made the link: "imported" or a model's name
     * @param page   the seed page that asserts it; null for a computed link
     */
    public record SimilarSource(String link, String source, String score, String note, String page) {}
}
