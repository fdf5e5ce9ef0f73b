package org.lodestar.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lodestar.ontology.Ontology;

/** The negotiation rules as a table of Accept headers, without a server. */
class ContentNegotiationTest {
    static Stream<AcceptHeaders.Row> rows() {
        return Stream.concat(AcceptHeaders.REAL_CLIENTS.stream(), AcceptHeaders.RULES.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void entityDocument(AcceptHeaders.Row row) {
        assertEquals(row.expected(), DocServlet.CONNEG.choose(row.accept()).orElse(null), row.accept());
    }

    @Test
    void notFoundPagesAreHtmlForBrowsersAndTextOtherwise() {
        ContentNegotiation c = new ContentNegotiation(java.util.List.of(Format.TEXT, Format.HTML));
        assertEquals(Format.HTML, c.choose(AcceptHeaders.REAL_CLIENTS.get(0).accept()).orElseThrow());
        assertEquals(Format.TEXT, c.choose("*/*").orElseThrow());
        assertEquals(Format.TEXT, c.choose(null).orElseThrow());
    }

    @Test
    void entityPathsAreCheckedBeforeAnythingElse() {
        Ontology o = Ontology.load();
        assertEquals(new EntityPath("concept", "alignment-faking", null), EntityPath.parse("/concept/alignment-faking", o).orElseThrow());
        assertEquals("ttl", EntityPath.parse("/concept/alignment-faking.ttl", o).orElseThrow().extension());
        for (String bad : new String[] {"/concept/Alignment-Faking", "/concept/alignment--faking", "/concept/-x", "/concept/x-",
                "/nosuchtype/x", "/concept/x/y", "/concept/a b", "/concept/../x", "/concept/..", "/concept/%2e%2e", "/concept/x.ttl.ttl",
                "/concept/", "/concept", "", "/concept/x'}", "/concept/x>", "/concept/é"})
            assertTrue(EntityPath.parse(bad, o).isEmpty(), bad);
        assertTrue(EntityPath.parse(null, o).isEmpty());
    }
}
