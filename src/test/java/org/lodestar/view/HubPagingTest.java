package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestar.ontology.KG;
import org.lodestar.store.KnowledgeStore;

/** A hub of 120 concepts: 50 a page, the full count in the heading, a way to the next page. */
class HubPagingTest {
    static final int N = 120;
    static KnowledgeStore store;

    @BeforeAll
    static void build() throws Exception {
        store = ViewFixtures.build(Hub.pages(N));
    }

    static List<String> labels(EntityView.Group g) {
        return g.members().stream().map(EntityView.Member::label).toList();
    }

    static EntityView.Group concepts(ViewOptions options) {
        EntityView v = ViewFixtures.view(store, "concept:hub", options);
        assertEquals(1, v.groups().size());
        return v.groups().get(0);
    }

    @Test
    void firstPageShowsFiftyWithTheFullCountAndTheMemberWithTwoEdgesFirst() {
        EntityView.Group g = concepts(ViewOptions.DEFAULT);
        assertEquals(N, g.count());
        assertEquals(50, g.members().size());
        assertEquals(Hub.label(N), g.members().get(0).label(), "two typed edges rank first");
        assertEquals(2, g.members().get(0).edgeCount());
        assertEquals(IntStream.rangeClosed(1, 49).mapToObj(Hub::label).toList(), labels(g).subList(1, 50), "then the page's order");
        assertTrue(g.hasNext());
        String json = Views.render(ViewFixtures.view(store, "concept:hub", ViewOptions.DEFAULT), ViewFormat.JSON);
        assertTrue(json.contains("\"next\":\"?group=concept&page=2\""), json);
        String text = Views.render(ViewFixtures.view(store, "concept:hub", ViewOptions.DEFAULT), ViewFormat.TEXT);
        assertTrue(text.contains("\nConcepts (120)\nconcept\n- Member 120associated_withNeighbour number 120\n- Member 001"), text);
    }

    @Test
    void laterPagesContinueWithoutOverlapAndTheLastHasNoNext() {
        EntityView.Group two = concepts(ViewOptions.DEFAULT.withGroup("concept", 2));
        assertEquals(IntStream.rangeClosed(50, 99).mapToObj(Hub::label).toList(), labels(two));
        assertEquals(51, two.firstRank());
        EntityView.Group three = concepts(ViewOptions.DEFAULT.withGroup("concept", 3));
        assertEquals(IntStream.rangeClosed(100, 119).mapToObj(Hub::label).toList(), labels(three));
        assertFalse(three.hasNext());
        assertEquals(N, three.count());
        EntityView v = ViewFixtures.view(store, "concept:hub", ViewOptions.DEFAULT.withGroup("concept", 3));
        String json = Views.render(v, ViewFormat.JSON);
        assertTrue(json.contains("\"next\":null") && json.contains("\"previous\":\"?group=concept&page=2\""), json);
        assertNull(v.similar(), "a page of one group leaves the similarity section out");
    }

    @Test
    void pageSizeIsAnOption() {
        ViewOptions tens = new ViewOptions(ViewOptions.DEFAULT_THRESHOLD, 10, 12, "concept");
        assertEquals(List.of(Hub.label(110), Hub.label(111), Hub.label(112), Hub.label(113), Hub.label(114),
                Hub.label(115), Hub.label(116), Hub.label(117), Hub.label(118), Hub.label(119)), labels(concepts(tens)));
        assertTrue(concepts(tens.withGroup("concept", 13)).members().isEmpty(), "past the end: the heading, no members");
    }

    /**
     * The first page comes from neighbours.rq (every group ranked at once), later pages from
     * ranked_group_members.rq: five pages of ten, the first from one query and the rest from the
     * other, are the first page of fifty. Nothing ranked is stored in the dataset.
     */
    @Test
    void theFirstPageRankedWithEveryGroupIsThePageRankedGroupByGroup() {
        List<String> fifty = labels(concepts(ViewOptions.DEFAULT));
        List<String> tens = IntStream.rangeClosed(1, 5)
                .mapToObj(p -> labels(concepts(new ViewOptions(ViewOptions.DEFAULT_THRESHOLD, 10, p, "concept"))))
                .flatMap(List::stream).toList();
        assertEquals(fifty, tens);
        EntityView.Group first = concepts(ViewOptions.DEFAULT), alone = concepts(ViewOptions.DEFAULT.withGroup("concept", 1));
        assertEquals(first, alone, "the group asked for alone");
        assertFalse(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(Node.ANY, Node.ANY, RDF.type.asNode(),
                KG.kg("RankedMember"))), "no ranked page in the dataset");
    }

    @Test
    void aGroupOfAnotherTypeIsEmpty() {
        EntityView v = ViewFixtures.view(store, "concept:hub", ViewOptions.DEFAULT.withGroup("paper", 1));
        assertTrue(v.groups().isEmpty());
    }
}
