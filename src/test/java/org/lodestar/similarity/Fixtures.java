package org.lodestar.similarity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.lodestar.TestSeeds;
import org.lodestar.ontology.Ontology;
import org.lodestar.pipeline.Pipeline;
import org.lodestar.pipeline.SeedFiles;
import org.lodestar.rdf.Uris;
import org.lodestar.store.KnowledgeStore;
import org.lodestar.store.SeedBuild;
import org.lodestar.validate.ShapesValidator;

/** What the similarity tests share: one pipeline, seed folders to change, and the stored links as a view reads them. */
final class Fixtures {
    static final String BASE = "http://localhost:8080/";
    static final Uris URIS = new Uris(BASE);
    static final Pipeline PIPELINE = new Pipeline(Ontology.load(), ShapesValidator.load(), URIS);

    private Fixtures() {}

    /** A copy of seeds/ to change. */
    static Path seeds(Path dir) throws IOException {
        return TestSeeds.copy(dir);
    }

    static SimilarityDerivation derivation(SimilaritySettings settings, EmbeddingCache cache) {
        return new SimilarityDerivation(settings, cache);
    }

    static SimilarityReport build(KnowledgeStore store, Path seeds, SimilarityDerivation derivation) throws Exception {
        new SeedBuild(PIPELINE, false, derivation).run(store, SeedFiles.folder(seeds));
        return derivation.lastReport().orElse(null);
    }

    /** A stored similarity link as the view's JSON shows it: the pair in IRI order, score, source (the method's label), time. */
    record Link(String iri, String a, String b, String score, String source, String page, String time) {
        boolean touches(String entity) {
            return a.equals(entity) || b.equals(entity);
        }
    }

    private static final String LINKS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX sim:  <http://purl.org/ontology/similarity/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX kg:   <https://w3id.org/lodestar/ns#>
            SELECT ?link ?a ?b ?score ?source ?page ?time WHERE {
              ?link a kg:SimilarityLink ; sim:element ?a , ?b ; sim:method ?method .
              FILTER (STR(?a) < STR(?b))
              OPTIONAL { ?link kg:score ?score }
              OPTIONAL { ?method rdfs:label ?source }
              OPTIONAL { ?link kg:seedPage ?page }
              OPTIONAL { ?link prov:generatedAtTime ?time }
            } ORDER BY ?link""";

    /** Every similarity link, imported and computed. */
    static List<Link> links(KnowledgeStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            List<Link> links = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(store.dataset()).query(LINKS).build()) {
                qe.select().forEachRemaining(r -> links.add(new Link(r.get("link").getURI(), r.get("a").getURI(),
                        r.get("b").getURI(), text(r.get("score")), text(r.get("source")), r.get("page") == null ? null : r.get("page").getURI(),
                        text(r.get("time")))));
            }
            return links;
        });
    }

    static List<Link> computed(KnowledgeStore store) {
        return links(store).stream().filter(l -> MiniLm.MODEL.equals(l.source())).toList();
    }

    private static String text(org.apache.jena.graph.Node n) {
        return n == null ? null : n.getLiteralLexicalForm();
    }

    /** Entity IRI → the text its embedding is made of, as the build reads it. */
    static Map<String, String> texts(KnowledgeStore store) {
        Map<String, String> texts = new HashMap<>();
        Txn.executeRead(store.dataset(), () -> GraphReader.entities(store.dataset())
                .forEach(e -> texts.put(e.iri().getURI(), e.text())));
        return texts;
    }

    static final String DESCRIPTION = "A model exploits flaws in its reward signal to score highly without doing the intended task";
    static final String NEIGHBOURHOOD = "Neighborhood — ranked by edge-count\n";
    static final String REWARD_HACKING = BASE + "id/concept/reward-hacking", BEHAVIOUR = BASE + "id/concept/reward-hacking-behaviour",
            GAMING = BASE + "id/concept/reward-hacking-gaming", SPEC_GAMING = BASE + "id/concept/specification-gaming",
            METHOD = BASE + "id/method/reward-hacking";

    /**
     * Pages made for duplicate candidates: two concepts with one description under near-identical
     * labels (cosine about 0.97), a third whose label needs HTML escaping (about 0.9), a method with
     * the first concept's very text (cosine 1, but another class), and an imported link of 0.934 to
     * Specification Gaming, which the model finds far less similar.
     */
    static Path duplicatePages(Path dir) throws IOException {
        Path seeds = dir.resolve("dup-seeds");
        Files.createDirectories(seeds);
        write(seeds.resolve("concept-reward-hacking.txt"), "concept\nactive\nconcept:reward-hackingReward Hacking\n" + DESCRIPTION + "\n"
                + NEIGHBOURHOOD + "Related by similarity (1)\n"
                + "cosine ≥ 0.65 · no typed edgeEntities in the same semantic neighborhood but without a typed relation to this one"
                + " — candidates for new edges or unrecognized duplicates.\n"
                + "- Specification Gamingconcept0.934Same failure seen from the designer's side\n");
        write(seeds.resolve("concept-reward-hacking-behaviour.txt"), "concept\nactive\nconcept:reward-hacking-behaviourReward Hacking Behaviour\n"
                + DESCRIPTION + "\n" + NEIGHBOURHOOD);
        write(seeds.resolve("concept-reward-hacking-gaming.txt"), "concept\nactive\nconcept:reward-hacking-gamingReward <Hacking> & \"Gaming\"\n"
                + DESCRIPTION + "\n" + NEIGHBOURHOOD);
        write(seeds.resolve("method-reward-hacking.txt"), "method\nactive\nmethod:reward-hackingReward Hacking\n" + DESCRIPTION + "\n"
                + NEIGHBOURHOOD);
        return seeds;
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
