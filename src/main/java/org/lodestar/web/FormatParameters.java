package org.lodestar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.fuseki.servlets.Responses;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The {@code output}, {@code format} and {@code results} parameters of a query, as Fuseki reads
 * them, with the names other clients use put into words Fuseki knows. Fuseki lets the first of
 * them override the Accept header, and answers a name it does not know with {@code 400 Can't
 * determine output content type}. SPARQLWrapper sends all three with every query, named after its
 * return format ({@code rdf+xml}, {@code n3}, {@code rdf} among them), so its RDF/XML and N3
 * requests for CONSTRUCT and DESCRIBE failed.
 *
 * <p>Each value is kept when Fuseki knows it (its short names, or a media type Jena has a language
 * for); a name Jena knows a language by ({@code n3}, {@code rdf/xml}, {@code ntriples}) or one of
 * the few others clients send ({@code rdf+xml}, {@code rdf}) becomes that language's media type;
 * N3 becomes Turtle, which is the N3 that Jena writes; a value nobody knows is dropped, so that the
 * Accept header decides, as for a client that sent none.
 */
final class FormatParameters extends HttpServletRequestWrapper {
    /** Fuseki's names for the parameter, in the order it reads them. */
    static final Set<String> NAMES = Set.of("output", "format", "results");
    private static final Map<String, String> OTHERS = Map.of(
            "rdf+xml", WebContent.contentTypeRDFXML,
            "rdf", WebContent.contentTypeRDFXML,
            "xml-rdf", WebContent.contentTypeRDFXML,
            "rdf+n3", WebContent.contentTypeTurtle,
            "jsonld", WebContent.contentTypeJSONLD);

    private final Map<String, String[]> parameters;

    private FormatParameters(HttpServletRequest request, Map<String, String[]> parameters) {
        super(request);
        this.parameters = parameters;
    }

    /** The request as Fuseki should see it: itself when it names no output format. */
    static HttpServletRequest of(HttpServletRequest request) {
        if (NAMES.stream().noneMatch(n -> request.getParameter(n) != null))
            return request;
        Map<String, String[]> p = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NAMES.contains(name)) {
                p.put(name, values);
                return;
            }
            String[] known = Arrays.stream(values).map(FormatParameters::normalise).filter(Objects::nonNull).toArray(String[]::new);
            if (known.length > 0)
                p.put(name, known);
        });
        return new FormatParameters(request, p);
    }

    /** The value as Fuseki understands it, or null when no one does. */
    static String normalise(String value) {
        if (value == null || value.isBlank())
            return null;
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (Responses.shortNamesGraph.containsKey(v) || Responses.shortNamesResultSet.containsKey(v))
            return v;
        Lang lang = RDFLanguages.contentTypeToLang(v);
        if (lang == null)
            lang = RDFLanguages.shortnameToLang(v);
        if (lang == null && OTHERS.containsKey(v))
            return OTHERS.get(v);
        if (lang == null)
            return resultSetType(v);
        return lang.equals(Lang.N3) ? WebContent.contentTypeTurtle : lang.getContentType().getContentTypeStr();
    }

    /** A media type for SPARQL results (JSON, XML, CSV, TSV), as given; else null. */
    private static String resultSetType(String v) {
        for (Lang l : new Lang[] {ResultSetLang.RS_JSON, ResultSetLang.RS_XML, ResultSetLang.RS_CSV, ResultSetLang.RS_TSV})
            if (l.getContentType().getContentTypeStr().equals(v) || l.getAltContentTypes().contains(v))
                return v;
        return null;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() { return Map.copyOf(parameters); }

    @Override
    public Enumeration<String> getParameterNames() { return Collections.enumeration(parameters.keySet()); }
}
