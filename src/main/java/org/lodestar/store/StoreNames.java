package org.lodestar.store;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.ontology.KG;
import org.lodestar.pipeline.SeedFile;
import org.lodestar.rdf.Uris;
import org.lodestar.seed.KnownNames;
import org.lodestar.seed.ParseResult;
import org.lodestar.seed.SeedParser;
import org.lodestar.seed.Slugs;

/**
 * The names a full build would know ({@link KnownNames.Builder} over a first parse of every page),
 * asked of the store for an edit whose page has a member line that only other pages' names can
 * split: the page of a hub, with thousands of lines, nearly always has one.
 *
 * <p>The store only says which pages could know a name: those whose graph gives an entity of that
 * type that label, and the page whose own entity has the slug the label makes. Each of those pages
 * is parsed again on its own, as the full build's first pass parsed it, and asked through a
 * {@link KnownNames.Builder} of its own, so the answer follows the same rules (its own label and
 * explicit id always, its members' labels only when none of its lines depended on names), not a
 * copy of them. The edited pages are answered from their new parse, never from their old graphs.
 * Runs inside the caller's read transaction; answers are remembered for the edit.
 */
final class StoreNames {
    private final DatasetGraph dataset;
    private final Uris uris;
    private final SeedParser plain;
    private final List<SeedFile> files;
    private final Set<Node> edited;
    private final KnownNames editedNames;
    private final Map<String, Boolean> answers = new HashMap<>();
    private final Map<Node, KnownNames> pages = new HashMap<>();
    private Map<Node, SeedFile> byGraph;

    private StoreNames(DatasetGraph dataset, Uris uris, SeedParser plain, List<SeedFile> files, Set<Node> edited,
                       KnownNames editedNames) {
        this.dataset = dataset;
        this.uris = uris;
        this.plain = plain;
        this.files = files;
        this.edited = edited;
        this.editedNames = editedNames;
    }

    /**
     * @param plain         the parser without names, as the full build's first pass parses
     * @param editedGraphs  the graphs of the edited pages, whose stored content is the old version
     * @param editedResults the edited pages' first parse
     */
    static KnownNames of(DatasetGraph dataset, Uris uris, SeedParser plain, List<SeedFile> files, Set<Node> editedGraphs,
                         List<ParseResult> editedResults) {
        KnownNames.Builder fromEdits = new KnownNames.Builder();
        editedResults.forEach(fromEdits::add);
        StoreNames names = new StoreNames(dataset, uris, plain, files, editedGraphs, fromEdits.build());
        return KnownNames.answeredBy(names::knows);
    }

    private boolean knows(String typeKey, String label) {
        return answers.computeIfAbsent(typeKey + "\u0000" + label, k -> ask(typeKey, label));
    }

    private boolean ask(String typeKey, String label) {
        if (editedNames.knows(typeKey, label))
            return true;
        String prefix = uris.entity(typeKey, "").getURI();
        // the entities' own pages first: there the page's own label usually answers at once
        Set<Node> own = new LinkedHashSet<>(), others = new LinkedHashSet<>();
        dataset.find(Node.ANY, Node.ANY, RDFS.label.asNode(), NodeFactory.createLiteralString(label)).forEachRemaining(q -> {
            if (q.getSubject().isURI() && q.getSubject().getURI().startsWith(prefix)) {
                others.add(q.getGraph());
                ownPages(q.getSubject(), own);
            }
        });
        String slug = Slugs.slugify(label);
        if (!slug.isEmpty())
            ownPages(uris.entity(typeKey, slug), own);
        own.addAll(others);
        for (Node page : own)
            if (!edited.contains(page) && names(page).knows(typeKey, label))
                return true;
        return false;
    }

    private void ownPages(Node entity, Set<Node> into) {
        dataset.find(Node.ANY, entity, KG.seedPage, Node.ANY).forEachRemaining((Quad q) -> {
            if (q.getGraph().equals(q.getObject()))
                into.add(q.getGraph());
        });
    }

    /** What one page adds to the names, parsed once per edit however many names ask for it. */
    private KnownNames names(Node page) {
        return pages.computeIfAbsent(page, g -> {
            SeedFile file = files().get(g);
            return file == null ? KnownNames.NONE : new KnownNames.Builder().add(plain.parse(file.display(), file.content())).build();
        });
    }

    /** The pages by their graph's name, made when first needed. */
    private Map<Node, SeedFile> files() {
        if (byGraph == null) {
            byGraph = new HashMap<>(files.size() * 4 / 3 + 1);
            for (SeedFile f : files)
                byGraph.put(uris.seedGraph(f.name()), f);
        }
        return byGraph;
    }
}
