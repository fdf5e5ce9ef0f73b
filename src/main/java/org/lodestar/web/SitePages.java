package org.lodestar.web;

import org.apache.jena.fuseki.main.FusekiServer;

/** The pages for people that are not a resource's document: the home page, the query editor and their assets. */
final class SitePages {
    private SitePages() {}

    static void register(FusekiServer.Builder builder, Site site) {
        builder.addServlet("", new HomeServlet(site));
        builder.addServlet(AssetServlet.PATH + "/*", new AssetServlet());
        builder.addServlet(EditorQueries.PATH, new QueryServlet(site));
    }
}
