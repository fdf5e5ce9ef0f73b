package org.lodestar.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/** What the view tests share: one ontology, one pipeline, stores built in memory. */
final class ViewFixtures {
    static final String BASE = "http://localhost:8080/";
    static final Ontology ONTOLOGY = Ontology.load();
    static final Pipeline PIPELINE = new Pipeline(ONTOLOGY, ShapesValidator.load(), new Uris(BASE));

    private ViewFixtures() {}

    static KnowledgeStore build(List<SeedFile> pages) throws Exception {
        KnowledgeStore store = KnowledgeStore.inMemory();
        new SeedBuild(PIPELINE, false).run(store, pages);
        return store;
    }

    static SeedFile page(String name, String text) {
        return new SeedFile(name, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Views views(KnowledgeStore store) {
        return new Views(store, ONTOLOGY, BASE);
    }

    static EntityView view(KnowledgeStore store, String id, ViewOptions options) {
        String[] parts = id.split(":", 2);
        return views(store).find(parts[0], parts[1], options)
                .orElseThrow(() -> new AssertionError("no view of " + id));
    }

    static String text(KnowledgeStore store, String id) {
        return Views.render(view(store, id, ViewOptions.DEFAULT), ViewFormat.TEXT);
    }
}
