package org.lodestar.rdf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.lodestar.ontology.EdgeProperty;
import org.lodestar.ontology.EntityClass;
import org.lodestar.ontology.KG;
import org.lodestar.ontology.Ontology;
import org.lodestar.seed.Diagnostic;
import org.lodestar.seed.EntityPage;
import org.lodestar.seed.Group;
import org.lodestar.seed.Member;
import org.lodestar.seed.Severity;
import org.lodestar.seed.SimilarEntry;

/** Writes the triples of one page into its own graph. */
final class PageConverter {
    private final Ontology ontology;
    private final Uris uris;
    private final EntityRegistry registry;
    private final EntityPage page;
    private final Graph graph;
    private final Map<Node, Node> nodes;
    private final Map<Node, String> locations;
    private final List<Diagnostic> diagnostics;
    private final Node pageGraph;
    private final String name;

    /** @param nodes one instance of each node made so far, shared by all pages of a conversion */
    PageConverter(Ontology ontology, Uris uris, EntityRegistry registry, String name, EntityPage page, Graph graph,
                  Map<Node, Node> nodes, Map<Node, String> locations, List<Diagnostic> diagnostics) {
        this.ontology = ontology;
        this.uris = uris;
        this.registry = registry;
        this.page = page;
        this.graph = graph;
        this.nodes = nodes;
        this.locations = locations;
        this.diagnostics = diagnostics;
        this.pageGraph = uris.seedGraph(name);
        this.name = name;
    }

    /** @return the entity the page describes; empty when its name could not be resolved */
    Optional<Node> run() {
        EntityClass pageClass = ontology.classForKey(page.typeKey()).orElseThrow();
        Optional<Node> focus = mention(pageClass, page.label(), page.line());
        if (focus.isEmpty())
            return focus;
        Node self = focus.get();
        add(self, KG.status, text(page.status()));
        if (page.description() != null)
            add(self, KG.description, text(page.description()));
        add(self, KG.seedPage, pageGraph);
        formerUri(pageClass, self);
        locations.putIfAbsent(pageGraph, page.file() + ":1");
        for (Group group : page.groups()) {
            EntityClass cls = ontology.classForKey(group.typeKey()).orElseThrow();
            for (Member member : group.members())
                mention(cls, member.label(), member.line()).ifPresent(n -> edge(pageClass, self, cls, n, member));
        }
        if (page.similarity() != null)
            for (SimilarEntry entry : page.similarity().entries())
                similar(self, entry);
        return focus;
    }

    /**
     * A page with an explicit id whose slug differs from its label's: the URI the label minted
     * before the id was given goes on naming the entity, so the server can answer it with a 301.
     */
    private void formerUri(EntityClass pageClass, Node self) {
        String minted = org.lodestar.seed.Slugs.slugify(page.label());
        if (page.slug() == null || minted.isEmpty() || minted.equals(page.slug()))
            return;
        add(uris.entity(pageClass.typeKey(), minted), NodeFactory.createURI(KG.DCTERMS + "isReplacedBy"), self);
    }

    /** Declares an entity (class, label, identifier) and returns its IRI. */
    private Optional<Node> mention(EntityClass cls, String label, int line) {
        Optional<String> slug = registry.slug(cls.typeKey(), label, page.file(), line);
        if (slug.isEmpty())
            return Optional.empty();
        Node n = uris.entity(cls.typeKey(), slug.get());
        add(n, RDF.type.asNode(), cls.iri());
        add(n, RDFS.label.asNode(), text(label));
        add(n, KG.identifier, text(cls.typeKey() + ":" + slug.get()));
        locations.putIfAbsent(n, page.file() + ":" + line);
        return Optional.of(n);
    }

    private void edge(EntityClass pageClass, Node self, EntityClass otherClass, Node other, Member member) {
        Node s = self, p = KG.linkedTo, o = other;
        if (member.edgeKey() != null) {
            EdgeProperty prop = ontology.edgeForKey(member.edgeKey()).orElseThrow();
            p = prop.iri();
            if (!orientedFromPage(prop, pageClass, otherClass, self, other)) {
                s = other;
                o = self;
            }
        }
        add(s, p, o);
        Node edge = uris.edge(s, p, o);
        add(edge, RDF.type.asNode(), KG.Edge);
        add(edge, KG.source, s);
        add(edge, KG.predicate, p);
        add(edge, KG.target, o);
        Node assertion = uris.assertion(edge, name, member.line());
        add(edge, KG.assertion, assertion);
        add(assertion, RDF.type.asNode(), KG.Assertion);
        add(assertion, KG.seedPage, pageGraph);
        if (member.justification() != null && !member.justification().isBlank())
            add(assertion, KG.justification, text(member.justification()));
        add(assertion, KG.position, integer(member.position()));
        add(assertion, KG.line, integer(member.line()));
        locations.putIfAbsent(edge, page.file() + ":" + member.line());
        locations.putIfAbsent(assertion, page.file() + ":" + member.line());
    }

    /**
     * Whether the page entity is the subject. Direction is not in the text: the ontology decides.
     * Symmetric properties put the smaller IRI first so both pages' assertions meet on one edge.
     */
    private boolean orientedFromPage(EdgeProperty prop, EntityClass pageClass, EntityClass otherClass, Node self, Node other) {
        if (prop.symmetric())
            return self.getURI().compareTo(other.getURI()) <= 0;
        boolean forward = ontology.fits(pageClass.iri(), prop.domain()) && ontology.fits(otherClass.iri(), prop.range());
        boolean backward = ontology.fits(otherClass.iri(), prop.domain()) && ontology.fits(pageClass.iri(), prop.range());
        if (!forward && !backward)
            diagnostics.add(new Diagnostic(page.file(), page.line(), Severity.WARNING,
                    prop.key() + " between " + pageClass.typeKey() + " and " + otherClass.typeKey()
                            + " fits the ontology's domain and range in neither direction; the page's entity is taken as subject"));
        return forward || !backward;
    }

    private void similar(Node self, SimilarEntry entry) {
        Optional<Node> other = mention(classOf(entry), entry.label(), entry.line());
        if (other.isEmpty())
            return;
        Node link = uris.similarity(name, entry.line());
        add(link, RDF.type.asNode(), KG.SimilarityLink);
        add(link, KG.element, self);
        add(link, KG.element, other.get());
        if (entry.score() != null)
            add(link, KG.score, NodeFactory.createLiteralDT(new BigDecimal(entry.score()).toPlainString(), XSDDatatype.XSDdecimal));
        add(link, KG.method, KG.imported);
        if (entry.note() != null && !entry.note().isBlank())
            add(link, KG.note, text(entry.note()));
        add(link, KG.seedPage, pageGraph);
        add(link, KG.position, integer(entry.position()));
        add(link, KG.line, integer(entry.line()));
        locations.putIfAbsent(link, page.file() + ":" + entry.line());
    }

    /**
     * A similarity line that lost its type key still names an entity: when one type is known for
     * that label anywhere, it is that entity; otherwise it stays a plain kg:Entity.
     */
    private EntityClass classOf(SimilarEntry entry) {
        String type = entry.typeKey();
        if (type == null) {
            type = registry.onlyTypeOf(entry.label()).orElse(null);
            if (type == null && registry.typesOf(entry.label()).size() > 1)
                diagnostics.add(new Diagnostic(page.file(), entry.line(), Severity.WARNING,
                        "similarity line without a type key names '" + entry.label() + "', which is a "
                                + String.join(" and a ", registry.typesOf(entry.label())) + "; kept as a plain entity"));
        }
        return type == null ? ontology.entityClass() : ontology.classForKey(type).orElseThrow();
    }

    /**
     * Every page that mentions an entity repeats its IRI, type, label and identifier: one shared
     * instance of each keeps a large build's pages from holding a hundred copies of a hub's.
     */
    private void add(Node s, Node p, Node o) {
        graph.add(nodes.computeIfAbsent(s, n -> n), p, nodes.computeIfAbsent(o, n -> n));
    }

    private static Node text(String s) {
        return NodeFactory.createLiteralString(s);
    }

    private static Node integer(int i) {
        return NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger);
    }
}
