package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;

/**
 * An entity that 140 similarity lines name: its view ranks every link that names it at request
 * time (similar_entities.rq), and shows the first page of them with the count of all; nothing
 * ranked is stored in the dataset.
 */
class HubSimilarityTest {
    static final int PEERS = 140, TYPED = 5, BACK = 10;
    static final ViewOptions STORED_FOR = ViewOptions.defaults(SimilaritySettings.IMPORTED_ONLY);
    static final Node STAR = NodeFactory.createURI(ViewFixtures.BASE + "id/concept/star");
    static KnowledgeStore store;

    static String peer(int i) {
        return String.format("Peer %03d", i);
    }

    /** Scores from 0.50 up: about a quarter fall below the threshold; a few peers lack a score. */
    static String score(int i) {
        return i % 17 == 0 ? "" : String.format("0.%02d", 50 + (i * 7) % 50);
    }

    /**
     * The star lists every peer as similar, and {@link #TYPED} of them as neighbours too (a typed
     * edge takes a peer out of the section); {@link #BACK} peers have pages that list the star as
     * similar, so that two links pair them with it, on the first page.
     */
    static List<SeedFile> pages() {
        StringBuilder star = new StringBuilder("concept\nactive\nconcept:starStar\nA concept that many call similar\n"
                + "Neighborhood — ranked by edge-count\nConcepts (" + TYPED + ")\nconcept\n");
        for (int i = 1; i <= TYPED; i++)
            star.append("- ").append(peer(i)).append("associated_withA named relation\n");
        star.append("Related by similarity (").append(PEERS).append(")\ncosine ≥ 0.65 · no typed edgeNear the star\n");
        for (int i = 1; i <= PEERS; i++)
            star.append("- ").append(peer(i)).append("concept").append(score(i)).append("Note ").append(i).append('\n');
        List<SeedFile> pages = new ArrayList<>();
        pages.add(ViewFixtures.page("concept-star.txt", star.toString()));
        for (int i = 2 * TYPED + 1; i <= 2 * TYPED + BACK; i++)
            pages.add(ViewFixtures.page("concept-peer-" + i + ".txt", "concept\nactive\nconcept:peer-" + String.format("%03d", i)
                    + peer(i) + "\nA peer\nRelated by similarity (1)\ncosine ≥ 0.65 · no typed edgeNear\n- Starconcept0.91From the peer\n"));
        return pages;
    }

    @BeforeAll
    static void build() throws Exception {
        store = ViewFixtures.build(pages());
    }

    /** The section ranked now, from every link, as a view without a stored one would. */
    static EntityView.Similar computed(ViewOptions options) {
        return computed(store, options);
    }

    static EntityView.Similar computed(KnowledgeStore store, ViewOptions options) {
        DatasetGraph ds = store.dataset();
        return Txn.calculateRead(ds, () -> {
            var rows = ViewBuilder.similarRows(ds, STAR, options);
            return Similarity.read(rows, options, new EntityIds(ViewFixtures.ONTOLOGY, ViewFixtures.BASE)::rows);
        });
    }

    static EntityView.Similar viewed(ViewOptions options) {
        return viewed(store, options);
    }

    static EntityView.Similar viewed(KnowledgeStore store, ViewOptions options) {
        return ViewFixtures.view(store, "concept:star", options).similar();
    }

    @Test
    void theViewShowsTheFirstPageOfEveryLinkRankedWithTheCountOfAll() {
        EntityView.Similar computed = computed(STORED_FOR);
        assertTrue(computed.count() > ViewOptions.DEFAULT_PAGE_SIZE && computed.count() < PEERS - TYPED, "count " + computed.count());
        assertEquals(ViewOptions.DEFAULT_PAGE_SIZE, computed.members().size());
        assertTrue(computed.members().stream().anyMatch(m -> m.sources().size() == 2), "a peer paired twice is on the page");
        assertEquals(computed, viewed(STORED_FOR));
        ViewOptions tens = new ViewOptions(STORED_FOR.threshold(), 10, 1, null, true, false);
        assertEquals(computed(tens), viewed(tens), "a smaller page");
        assertEquals(computed.members().subList(0, 10), viewed(tens).members(), "is the start of the larger one");
        assertFalse(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(Node.ANY, Node.ANY, KG.kg("similarityOf"), STAR)),
                "no similarity section is stored");
    }

    @Test
    void otherThresholdsAndKindsOfLinkRankTheirOwn() {
        int atDefault = viewed(STORED_FOR).count();
        ViewOptions higher = new ViewOptions(new BigDecimal("0.8"), ViewOptions.DEFAULT_PAGE_SIZE, 1, null, true, false);
        assertEquals(computed(higher), viewed(higher));
        assertTrue(viewed(higher).count() < atDefault, "fewer links reach 0.8");
        ViewOptions computedOnly = new ViewOptions(STORED_FOR.threshold(), ViewOptions.DEFAULT_PAGE_SIZE, 1, null, false, true);
        assertEquals(0, viewed(computedOnly).count(), "every link here is imported");
    }
}
