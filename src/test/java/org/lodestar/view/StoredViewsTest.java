package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.util.ClasspathFolder;

/**
 * A hub of 120 concepts that two other pages call similar: its view's records are made for the side
 * file (only above the cut), read back as the view made per request (in every format), and answer
 * only the options they were made with; the dataset holds nothing of them.
 */
class StoredViewsTest {
    static final int N = 120;
    static final ViewOptions STORED_FOR = ViewOptions.defaults(SimilaritySettings.IMPORTED_ONLY);
    static final Node HUB = NodeFactory.createURI(ViewFixtures.BASE + "id/concept/hub");

    /**
     * The hub, two peers that call it similar, and a method whose page alone names the hub, so that
     * its line in the hub's view has no position.
     */
    static List<SeedFile> pages() {
        List<SeedFile> pages = new ArrayList<>(Hub.pages(N));
        for (String peer : List.of("Peer One", "Peer Two")) {
            String slug = peer.toLowerCase().replace(' ', '-');
            pages.add(ViewFixtures.page("concept-" + slug + ".txt", "concept\nactive\nconcept:" + slug + peer + "\nA peer\n"
                    + "Related by similarity (1)\ncosine ≥ 0.65 · no typed edgeNear\n- Hubconcept0.91Near the hub\n"));
        }
        pages.add(ViewFixtures.page("method-probe.txt", "method\nactive\nmethod:probeProbe\nA method\n"
                + "Neighborhood — ranked by edge-count\nConcepts (1)\nconcept\n- Hubassociated_withIt probes the hub\n"));
        return pages;
    }

    static EntityView view(KnowledgeStore store, ViewOptions options) {
        return ViewFixtures.view(store, "concept:hub", options);
    }

    /** The records of {@code type:slug} the side file would hold, made with {@code options}. */
    static Optional<byte[]> records(KnowledgeStore store, String typeKey, String slug, ViewOptions options) {
        return Txn.calculateRead(store.dataset(), () -> StoredViews.maker(store.dataset(), ViewFixtures.ONTOLOGY,
                new Uris(ViewFixtures.BASE), options).make(typeKey, slug));
    }

    @Test
    void theStoredRecordsReadAsTheViewMadePerRequestInEveryFormat() throws Exception {
        KnowledgeStore store = ViewFixtures.build(pages());
        EntityView made = view(store, STORED_FOR);
        assertEquals(List.of("method 1", "concept " + N), made.groups().stream().map(g -> g.typeKey() + " " + g.count()).toList());
        assertEquals(null, made.groups().get(0).members().get(0).position(), "the hub's page does not list the method");
        assertEquals(2, made.similar().count(), "the peers' lines");
        EntityView read = StoredViews.read(records(store, "concept", "hub", STORED_FOR).orElseThrow(), STORED_FOR);
        assertEquals(made, read);
        for (ViewFormat f : ViewFormat.values())
            assertEquals(Views.render(made, f), Views.render(read, f), f.name());
    }

    @Test
    void storedRecordsAnswerOnlyTheOptionsTheyWereMadeWith() throws Exception {
        ViewOptions higher = new ViewOptions(new BigDecimal("0.95"), STORED_FOR.pageSize(), 1, null, true, false);
        List<ViewOptions> others = List.of(higher, STORED_FOR.withGroup("concept", 1), STORED_FOR.withGroup(null, 2),
                STORED_FOR.withSimilarity(true, true), STORED_FOR.withSimilarity(false, true),
                new ViewOptions(STORED_FOR.threshold(), 10, 1, null, true, false));
        for (ViewOptions o : others)
            assertFalse(StoredViews.serves(o, STORED_FOR), o.toString());
        assertTrue(StoredViews.serves(STORED_FOR, STORED_FOR));
        ViewOptions sameThreshold = new ViewOptions(new BigDecimal("0.650"), STORED_FOR.pageSize(), 1, null, true, false);
        assertTrue(StoredViews.serves(sameThreshold, STORED_FOR), "0.650 is the threshold stored as 0.65");
        KnowledgeStore store = ViewFixtures.build(pages());
        EntityView read = StoredViews.read(records(store, "concept", "hub", STORED_FOR).orElseThrow(), sameThreshold);
        assertEquals("0.650", read.similar().threshold().toPlainString(), "shown as asked for");
        assertEquals(view(store, sameThreshold), read);
    }

    /** The cut: an entity with more than {@link StoredViews#MIN_DEGREE} typed edges has its view stored, one with that many not. */
    @Test
    void aViewIsStoredFromOneTypedEdgeMoreThanTheCut() throws Exception {
        for (int degree : List.of(StoredViews.MIN_DEGREE, StoredViews.MIN_DEGREE + 1)) {
            KnowledgeStore store = ViewFixtures.build(Hub.pages(degree - 1)); // the last member's own page adds an edge
            Txn.executeRead(store.dataset(), () -> assertEquals(degree, ((Number) store.dataset()
                    .stream(Node.ANY, HUB, KG.degree, Node.ANY).findFirst().orElseThrow().getObject().getLiteralValue()).intValue(),
                    "the hub's kg:degree"));
            assertEquals(degree > StoredViews.MIN_DEGREE, records(store, "concept", "hub", STORED_FOR).isPresent(), "degree " + degree);
            assertTrue(records(store, "concept", "member-001", STORED_FOR).isEmpty(), "a member has one edge");
        }
    }

    /**
     * What a build writes is plain RDF in the ontology's terms: no JSON literal, no ranked page or
     * stored view, and every kg: predicate and class it uses is one the ontology defines.
     */
    @Test
    void theDatasetHoldsNoRenderedCache() throws Exception {
        KnowledgeStore store = ViewFixtures.build(pages());
        Set<Node> defined = new HashSet<>();
        for (String file : ClasspathFolder.list("ontology", ".ttl"))
            RDFParser.fromString(ClasspathFolder.read(file), Lang.TURTLE).toGraph().find().forEachRemaining(t -> defined.add(t.getSubject()));
        Txn.executeRead(store.dataset(), () -> {
            assertFalse(LeftoverCaches.in(store.dataset().getUnionGraph()));
            store.dataset().find().forEachRemaining(q -> {
                assertFalse(q.getObject().isLiteral() && RDF.dtRDFJSON.equals(q.getObject().getLiteralDatatype()), q.toString());
                assertFalse(q.getPredicate().getURI().startsWith(KG.NS) && !defined.contains(q.getPredicate()), "undefined term: " + q);
                if (q.getPredicate().equals(RDF.type.asNode()) && q.getObject().isURI() && q.getObject().getURI().startsWith(KG.NS))
                    assertTrue(defined.contains(q.getObject()), "undefined class: " + q);
            });
        });
    }
}
