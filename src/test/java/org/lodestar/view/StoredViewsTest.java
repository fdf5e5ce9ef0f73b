package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.similarity.SimilarityMode;
import org.lodestar.similarity.SimilaritySettings;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;

/**
 * A hub of 120 concepts that two other pages call similar: the build stores its whole view, a view
 * asked for with the options it was stored for is read from it (in every format, as it would be
 * made), and anything else — other options, a SPARQL update since, other code — makes it anew.
 */
class StoredViewsTest {
    static final int N = 120;
    static final ViewOptions STORED_FOR = ViewOptions.defaults(SimilaritySettings.IMPORTED_ONLY);
    static final Node HUB = NodeFactory.createURI(ViewFixtures.BASE + "id/concept/hub");
    static final Node DERIVED = new Uris(ViewFixtures.BASE).derivedGraph();

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

    /** The view as made from the store: the same pages, with stored views made unreadable. */
    static KnowledgeStore computing() throws Exception {
        KnowledgeStore store = ViewFixtures.build(pages());
        Txn.executeWrite(store.dataset(), () -> StoredRankings.invalidate(store.dataset(), DERIVED));
        return store;
    }

    /** Renames the hub in its stored view only, so that a view showing the new name was read from it. */
    static void tamper(KnowledgeStore store) {
        Txn.executeWrite(store.dataset(), () -> {
            Quad q = store.dataset().find(Node.ANY, Node.ANY, KG.viewData, Node.ANY).next();
            String data = q.getObject().getLiteralLexicalForm();
            assertTrue(data.contains("\"label\":\"Hub\""), data.substring(0, 200));
            store.dataset().delete(q);
            store.dataset().add(q.getGraph(), q.getSubject(), KG.viewData,
                    NodeFactory.createLiteralDT(data.replace("\"label\":\"Hub\"", "\"label\":\"Stored hub\""), RDF.dtRDFJSON));
        });
    }

    @Test
    void theBuildStoresTheHubsViewOnlyAndItReadsAsTheViewMadeFromTheStore() throws Exception {
        KnowledgeStore stored = ViewFixtures.build(pages()), made = computing();
        List<Node> views = Txn.calculateRead(stored.dataset(), () -> stored.dataset()
                .stream(Node.ANY, Node.ANY, KG.viewOf, Node.ANY).map(Quad::getObject).toList());
        assertEquals(List.of(HUB), views, "only the hub has more than " + StoredViews.MIN_DEGREE + " neighbours");
        EntityView fromStore = view(made, STORED_FOR);
        assertEquals(List.of("method 1", "concept " + N), fromStore.groups().stream().map(g -> g.typeKey() + " " + g.count()).toList());
        assertEquals(null, fromStore.groups().get(0).members().get(0).position(), "the hub's page does not list the method");
        assertEquals(2, fromStore.similar().count(), "the peers' lines");
        assertEquals(fromStore, view(stored, STORED_FOR));
        for (ViewFormat f : ViewFormat.values())
            assertEquals(Views.render(fromStore, f), Views.render(view(stored, STORED_FOR), f), f.name());
        tamper(stored);
        assertEquals("Stored hub", view(stored, STORED_FOR).label(), "the view was read from the stored one");
    }

    @Test
    void otherOptionsMakeTheViewAnew() throws Exception {
        KnowledgeStore stored = ViewFixtures.build(pages()), made = computing();
        tamper(stored);
        ViewOptions higher = new ViewOptions(new BigDecimal("0.95"), STORED_FOR.pageSize(), 1, null, true, false);
        List<ViewOptions> others = List.of(higher, STORED_FOR.withGroup("concept", 1), STORED_FOR.withGroup(null, 2),
                STORED_FOR.withSimilarity(true, true), new ViewOptions(STORED_FOR.threshold(), 10, 1, null, true, false));
        for (ViewOptions o : others) {
            EntityView v = view(stored, o);
            assertEquals("Hub", v.label(), o.toString());
            assertEquals(view(made, o), v, o.toString());
        }
        assertEquals(0, view(stored, higher).similar().count(), "0.91 is below 0.95");
        ViewOptions sameThreshold = new ViewOptions(new BigDecimal("0.650"), STORED_FOR.pageSize(), 1, null, true, false);
        EntityView written = view(stored, sameThreshold);
        assertEquals("Stored hub", written.label(), "0.650 is the threshold stored as 0.65");
        assertEquals("0.650", written.similar().threshold().toPlainString(), "shown as asked for");
    }

    @Test
    void afterAnUpdateOrWithOtherCodeTheViewIsMadeAnewUntilTheNextBuildStoresIt() throws Exception {
        KnowledgeStore store = ViewFixtures.build(pages());
        tamper(store);
        Txn.executeWrite(store.dataset(), () -> StoredRankings.invalidate(store.dataset(), DERIVED));
        assertEquals("Hub", view(store, STORED_FOR).label(), "invalidated by an update");
        new SeedBuild(ViewFixtures.PIPELINE, false).run(store, pages());
        tamper(store);
        assertEquals("Stored hub", view(store, STORED_FOR).label(), "stored again by a build of the same pages");

        Node code = NodeFactory.createLiteralString(StoredViews.CODE);
        Txn.executeWrite(store.dataset(), () -> {
            store.dataset().delete(DERIVED, DERIVED, KG.storedViewCode, code);
            store.dataset().add(DERIVED, DERIVED, KG.storedViewCode, NodeFactory.createLiteralString("other code"));
        });
        assertEquals("Hub", view(store, STORED_FOR).label(), "written by other code");
        assertFalse(Txn.calculateRead(store.dataset(), () -> StoredRankings.current(store.dataset().getGraph(DERIVED), DERIVED)));
        new SeedBuild(ViewFixtures.PIPELINE, false).run(store, pages());
        assertTrue(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(DERIVED, DERIVED, KG.storedViewCode, code)),
                "derived again with this code's hash");
    }

    @Test
    void theServerIsToldWhyStoredViewsWillNotBeRead() throws Exception {
        KnowledgeStore store = ViewFixtures.build(pages());
        assertEquals(Optional.empty(), unread(store, STORED_FOR), "the build's own settings read them");
        assertEquals(Optional.empty(), unread(store, new ViewOptions(new BigDecimal("0.650"), 50, 1, null, true, false)),
                "the same threshold, written otherwise");
        assertEquals(Optional.of("the 1 stored view (built with --similarity imported) is not read by this server"
                        + " (--similarity both --threshold 0.65): serve with the build's options, or build again with the server's,"
                        + " to read them"), unread(store, ViewOptions.defaults(SimilaritySettings.DEFAULT)));
        String computed = unread(store, ViewOptions.defaults(new SimilaritySettings(SimilarityMode.COMPUTED, 0.8, 20))).orElseThrow();
        assertTrue(computed.contains("not read by this server (--similarity computed --threshold 0.8)"), computed);
        Txn.executeWrite(store.dataset(), () -> StoredRankings.invalidate(store.dataset(), DERIVED));
        assertEquals(Optional.of("the 1 stored view is not read: another version of Lodestar made it, or a SPARQL update"
                + " changed the data since; the next build makes it again"), unread(store, STORED_FOR));
        assertEquals(Optional.empty(), unread(ViewFixtures.build(Hub.pages(3)), ViewOptions.defaults(SimilaritySettings.DEFAULT)),
                "nothing stored, nothing to say");
    }

    /** The cut: an entity with more than {@link StoredViews#MIN_DEGREE} typed edges has its view stored, one with that many not. */
    @Test
    void aViewIsStoredFromOneTypedEdgeMoreThanTheCut() throws Exception {
        for (int degree : List.of(StoredViews.MIN_DEGREE, StoredViews.MIN_DEGREE + 1)) {
            KnowledgeStore store = ViewFixtures.build(Hub.pages(degree - 1)); // the last member's own page adds an edge
            Txn.executeRead(store.dataset(), () -> {
                assertEquals(degree, ((Number) store.dataset().stream(Node.ANY, HUB, KG.degree, Node.ANY).findFirst().orElseThrow()
                        .getObject().getLiteralValue()).intValue(), "the hub's kg:degree");
                assertEquals(degree > StoredViews.MIN_DEGREE, store.dataset().contains(Node.ANY, Node.ANY, KG.viewOf, HUB),
                        "degree " + degree);
            });
        }
    }

    private static Optional<String> unread(KnowledgeStore store, ViewOptions defaults) {
        return Txn.calculateRead(store.dataset(), () -> StoredViews.unread(store.dataset(), defaults));
    }
}
