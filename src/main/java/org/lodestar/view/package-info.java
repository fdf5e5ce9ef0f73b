/**
 * Ranked neighbourhood views: the seed page, produced by SPARQL for any entity in the graph, and
 * rendered as the seed's own text format, JSON and HTML.
 *
 * <p>Public face: {@link org.lodestar.view.Views} (find a view), {@link org.lodestar.view.ViewOptions}
 * (threshold, page, group), {@link org.lodestar.view.EntityView} (the view as data),
 * {@link org.lodestar.view.ViewFormat} (renderings, their media types and negotiation) and
 * {@link org.lodestar.view.Links} (where views and documents live). Every view is ranked by the
 * queries at request time; {@link org.lodestar.view.StoredViews} makes the records of the largest
 * entities' default views ahead, for a file beside the database, never for the dataset. The queries are the
 * {@code queries/*.rq} files on the class path; the HTML template is {@code templates/view.html.mustache}.
 */
package org.lodestar.view;
