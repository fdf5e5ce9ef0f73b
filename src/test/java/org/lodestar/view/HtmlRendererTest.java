package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entity page: escaped values, links to neighbours and to the RDF, paging links, accessible structure. */
class HtmlRendererTest {
    static final String EVIL = "<script>alert('x')</script> & \"quotes\"";

    static EntityView view() {
        EntityView.Member member = new EntityView.Member("http://localhost:8080/id/concept/b", "concept:b", EVIL,
                "associated_with", "Because <b>bold</b>", List.of(), List.of("associated_with"), 1, 1, 1);
        EntityView.Member labelOnly = new EntityView.Member("http://localhost:8080/id/concept/c", "concept:c", "Just a label",
                null, null, List.of(), List.of(), 0, 0, 2);
        EntityView.Group group = new EntityView.Group("concept", "Concepts", 120, 1, 50, List.of(member, labelOnly));
        EntityView.SimilarMember similar = new EntityView.SimilarMember("http://localhost:8080/id/claim/d", "claim:d",
                "A claim", "claim", true, "0.81", "A note", "imported",
                List.of(new EntityView.SimilarSource("http://localhost:8080/similarity/1", "imported", "0.81", "A note", null)));
        return new EntityView("http://localhost:8080/id/concept/a", "concept:a", "concept", "a", "active", "A & B <i>",
                "Described", null, List.of(group), new EntityView.Similar(new BigDecimal("0.65"), 1, List.of(similar)),
                ViewOptions.DEFAULT);
    }

    @Test
    void valuesAreEscaped() {
        String html = Views.render(view(), ViewFormat.HTML);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>bold"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"), html);
        assertTrue(html.contains("<title>A &amp; B &lt;i&gt; (concept) — Lodestar</title>"), html);
    }

    @Test
    void thePageIsAnAccessibleDocumentWithLinks() {
        String html = Views.render(view(), ViewFormat.HTML);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertTrue(html.contains("<a class=\"skip\" href=\"#main\">"), html);
        assertTrue(html.contains("<main id=\"main\">"), html);
        assertTrue(html.contains("<h1>A &amp; B &lt;i&gt;</h1>"), html);
        assertTrue(html.contains("<h3 id=\"group-concept\">Concepts (120)</h3>"), html);
        assertTrue(html.contains("<ol start=\"1\">"), html);
        assertTrue(html.contains("<li><a href=\"/view/concept/b\">"), html);
        assertTrue(html.contains("<li><a href=\"/view/concept/c\">Just a label</a></li>"), html);
        assertTrue(html.contains("<a href=\"/view/claim/d\">A claim</a> <span class=\"type\">claim</span> <span class=\"score\">0.81</span>"), html);
        assertTrue(html.contains("Related by similarity (1)"), html);
        // Mustache's escaper writes '=' as &#61;, which browsers read back as '='.
        assertTrue(html.contains("<a rel=\"next\" href=\"?group&#61;concept&amp;page&#61;2\">"), html);
        assertTrue(html.contains("href=\"/doc/concept/a.ttl\""), html);
        assertTrue(html.contains("href=\"/view/concept/a.json\""), html);
        // one stylesheet for the whole site; the only script is the search box's suggestions, the page needs none
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">"), html);
        assertFalse(html.contains("<script>"), "no inline JavaScript");
        assertTrue(html.contains("<nav class=\"crumbs page\" aria-label=\"Breadcrumb\">"), html);
        assertTrue(html.contains("<span aria-current=\"page\">A &amp; B &lt;i&gt;</span>"), html);
        // the neighbourhood picture, drawn by the server, its text escaped like the rest
        assertTrue(html.contains("<title id=\"picture-title\">The neighbourhood of A &amp; B &lt;i&gt;: "), html);
        assertTrue(html.contains("<a href=\"/view/concept/b\" class=\"node\">"), html);
        assertTrue(html.contains("id=\"open-in-editor\""), html);
    }
}
