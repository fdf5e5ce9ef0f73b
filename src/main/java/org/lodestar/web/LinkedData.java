package org.lodestar.web;

import org.apache.jena.fuseki.main.FusekiServer;

/**
 * The linked-data routes, one servlet per kind of URL, and the filter in front of the SPARQL
 * endpoints. Fixed-format paths ({@code /ontology.ttl}) are registered one by one: servlet path
 * specs cannot say "this name with any extension".
 */
final class LinkedData {
    private LinkedData() {}

    static void register(FusekiServer.Builder builder, Site site) {
        builder.addServlet("/id/*", new IdServlet(site));
        builder.addServlet("/doc/*", new DocServlet(site));
        MintedServlet minted = new MintedServlet(site);
        for (String prefix : MintedServlet.PREFIXES)
            builder.addServlet(prefix + "/*", minted);
        VoidServlet voids = new VoidServlet(site);
        builder.addServlet(VoidServlet.PATH, voids);
        OntologyServlet ontology = new OntologyServlet(site);
        builder.addServlet(OntologyServlet.PATH, ontology);
        for (Format f : Format.DOCUMENT) {
            builder.addServlet(OntologyServlet.PATH + "." + f.extension(), ontology);
            if (f.isRdf())
                builder.addServlet(VoidServlet.PATH + "." + f.extension(), voids);
        }
        builder.addServlet("/sitemap.xml", new DiscoveryServlets.Sitemap(site));
        builder.addServlet("/robots.txt", new DiscoveryServlets.Robots(site));
        builder.addServlet("/dump/*", new DumpServlet(site));
        builder.addServlet("/ns/context.jsonld", new ContextServlet());
        QueryGuard guard = QueryGuard.forThisMachine();
        for (String endpoint : new String[] {"sparql", "query"})
            builder.addFilter(LodestarServer.DATASET + "/" + endpoint, guard);
        SparqlProtocolFilter sparql = new SparqlProtocolFilter(site);
        for (String endpoint : new String[] {"sparql", "query", "update"})
            builder.addFilter(LodestarServer.DATASET + "/" + endpoint, sparql);
        builder.addFilter(LodestarServer.DATASET + "/get", new GraphParameterFilter());
    }
}
