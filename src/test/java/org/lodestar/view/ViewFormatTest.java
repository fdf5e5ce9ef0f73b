package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Negotiation as a table of real Accept headers and the format each gets ("none" = 406). */
class ViewFormatTest {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // Firefox, Safari
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | HTML",
            // Chrome, Edge
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7 | HTML",
            // curl, wget, most HTTP libraries
            "*/* | JSON",
            "NULL | JSON",
            "'' | JSON",
            "application/json | JSON",
            "application/*, text/html;q=0.5 | JSON",
            "text/plain | TEXT",
            "text/plain; charset=utf-8 | TEXT",
            "text/plain;q=0.5, application/json;q=0.4 | TEXT",
            "text/* | HTML",
            "text/html;q=0, */*;q=0.1 | JSON",
            "image/png | none",
            "application/ld+json | none",
            "text/turtle, application/rdf+xml;q=0.9 | none",
    })
    void negotiates(String accept, String expected) {
        Optional<ViewFormat> chosen = ViewFormat.negotiate(accept);
        assertEquals(expected, chosen.map(Enum::name).orElse("none"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"txt, TEXT", "json, JSON", "html, HTML", "ttl, none", "text, none", "JSON, none"})
    void extensions(String extension, String expected) {
        assertEquals(expected, ViewFormat.forExtension(extension).map(Enum::name).orElse("none"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"text, TEXT", "json, JSON", "html, HTML", "txt, none", "xml, none"})
    void commandLineNames(String name, String expected) {
        assertEquals(expected, ViewFormat.named(name).map(Enum::name).orElse("none"));
    }
}
