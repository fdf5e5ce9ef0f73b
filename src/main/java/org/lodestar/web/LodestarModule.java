package org.lodestar.web;

import java.util.Set;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.lodestar.search.SearchIndex;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.RecordedBase;
import org.lodestar.util.BesideDatabase;
import org.lodestar.view.ViewOptions;

/**
 * Lodestar's own HTTP routes, plugged into Fuseki as a module so that there is one server and
 * Fuseki keeps its endpoints. Each kind of URL has a servlet of its own.
 */
final class LodestarModule implements FusekiModule {
    private final ServerSettings settings;
    private final KnowledgeStore store;
    private final DocStore docs;
    private final SearchIndex search;
    private Site site;

    LodestarModule(ServerSettings settings, KnowledgeStore store) {
        this.settings = settings;
        this.store = store;
        this.docs = settings.db() == null ? DocStore.none() : documents(settings, store);
        this.search = new SearchIndex(settings.db() == null ? null : BesideDatabase.file(settings.db(), SEARCH_SUFFIX));
    }

    /**
     * The rendered documents beside the database, unless this server would only spoil them: a
     * database nothing was built into has none to serve, and one built under another base has no
     * entity under this server's (a render would replace a good file with an empty one).
     */
    private static DocStore documents(ServerSettings settings, KnowledgeStore store) {
        Set<String> built = RecordedBase.of(store.dataset());
        if (built.isEmpty())
            return DocStore.none();
        if (!built.contains(settings.base())) {
            Fuseki.serverLog.warn("{} was built under {}, not {}: its rendered documents are left as they are", store,
                    String.join(", ", built), settings.base());
            return DocStore.none();
        }
        return DocStore.at(DocStore.besideDatabase(settings.db()), ViewOptions.defaults(settings.similarity()));
    }

    /** The search index's folder beside the database: {@code data/tdb2.search}. */
    static final String SEARCH_SUFFIX = ".search";

    @Override
    public String name() { return "Lodestar"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        site = new Site(store, org.lodestar.ontology.Ontology.load(), new org.lodestar.rdf.Uris(settings.base()),
                new ResponseCache(settings.cacheMegabytes()), docs, RenderSlots.forThisMachine());
        // Every answer's validators need it, and on a large database not yet in memory the first
        // read takes seconds (10.7 s at 200,000 entities): pay it before the first request, not in it.
        site.version();
        docs.open(site);
        store.remote().ifPresent(remote -> builder.addFilter("/*", new RemoteErrorFilter(remote)));
        builder.addServlet("/view/*", new ViewServlet(site, settings));
        LinkedData.register(builder, site);
        SearchServlet.register(builder, site, search);
        SitePages.register(builder, site);
        DuplicatesServlet.register(builder, settings, store);
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        docs.renderIfMissing();
        search.refresh(site.dataset(), () -> SearchIndex.stamp(site.version().hash(), site.uris().base()));
    }

    @Override
    public void serverStopped(FusekiServer server) {
        docs.close();
        search.close();
    }
}
