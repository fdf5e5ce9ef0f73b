/**
 * Seed pages (the text files in {@code seeds/}) to plain records, with no RDF in sight.
 *
 * <p>Public face: {@link org.lodestar.seed.SeedParser} turns the bytes of one page into a
 * {@link org.lodestar.seed.ParseResult}: an {@link org.lodestar.seed.EntityPage} plus every
 * {@link org.lodestar.seed.Diagnostic} with file and line. {@link org.lodestar.seed.Vocabulary} is
 * what the parser needs to know of the ontology (type keys, group headings, edge keys); the
 * ontology package builds it, so a new edge key is an edit of {@code ontology/} alone.
 * {@link org.lodestar.seed.Slugs} is the one slug rule shared by everyone who mints identifiers.
 *
 * <p>The format glues fields together without separators, so splitting is driven by the
 * vocabulary. The parser keeps every piece of information a line carries, and whatever it had to
 * guess or could not place becomes a warning; anything that would make the page's data wrong is an
 * error, and callers write nothing for a page with errors.
 */
package org.lodestar.seed;
