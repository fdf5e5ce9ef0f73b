package org.lodestar.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;

/**
 * Chooses a representation from an Accept header, following RFC 9110 §12.5.1, out of an ordered
 * list of offers. The rules, in order:
 * <ol>
 * <li>No Accept header, or one in which no media range can be read: the default offer (Turtle for
 *     data), so that {@code curl} and scripts see Turtle.</li>
 * <li>Each media range is read with Jena's {@link MediaRange}; a range whose type or subtype is
 *     missing, or whose {@code q} is not a number between 0 and 1, is ignored rather than
 *     guessed at.</li>
 * <li>An offer's quality comes from the <em>most specific</em> range that matches it (its own
 *     type or one of its aliases): {@code type/subtype} beats {@code type/*} beats {@code * /*};
 *     between equally specific ranges the higher {@code q} counts. So {@code text/*;q=0.5,
 *     text/html;q=0.1} gives HTML 0.1. {@code q=0} means "not this one".</li>
 * <li>The offer with the highest quality wins; on equal quality the one matched by the more
 *     specific range; then the server's order. {@code * /*} therefore gets the first offer
 *     (Turtle), and a browser, whose header names {@code text/html} at q=1 and everything else
 *     lower, gets HTML.</li>
 * <li>No offer above 0: nothing acceptable; the caller answers 406 and lists {@link #offers()}.</li>
 * </ol>
 * An alias ({@code application/json} for JSON-LD) counts only when named exactly: the answer is
 * labelled with the offer's own type, so a wildcard already reaches it under that name, and
 * {@code * /*, text/turtle;q=0} must not bring Turtle back as {@code application/x-turtle}.
 * Never substring matching: {@code text/html-fragment} is not {@code text/html}.
 */
public final class ContentNegotiation {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private final List<Format> offers;
    private final Format fallback;

    /** @param offers in the server's order of preference; the first is the default */
    public ContentNegotiation(List<Format> offers) {
        this(offers, offers.get(0));
    }

    public ContentNegotiation(List<Format> offers, Format fallback) {
        this.offers = List.copyOf(offers);
        this.fallback = fallback;
    }

    public List<Format> offers() { return offers; }

    /** The chosen representation, or empty when nothing offered is acceptable (406). */
    public Optional<Format> choose(String accept) {
        List<Range> ranges = parse(accept);
        if (ranges.isEmpty())
            return Optional.of(fallback);
        Format best = null;
        Match bestMatch = null;
        for (Format offer : offers) {
            Match m = quality(offer, ranges);
            if (m == null || m.q <= 0)
                continue;
            if (bestMatch == null || m.q > bestMatch.q || (m.q == bestMatch.q && m.specificity > bestMatch.specificity)) {
                best = offer;
                bestMatch = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The media types offered, for a 406 body and {@code Link} headers. */
    public String describeOffers() {
        return String.join(", ", offers.stream().map(Format::mediaType).toList());
    }

    private record Range(String type, String subtype, double q) {
        int specificity() {
            return "*".equals(type) ? 0 : "*".equals(subtype) ? 1 : 2;
        }

        boolean matches(MediaType t) {
            return ("*".equals(type) || type.equalsIgnoreCase(t.getType()))
                    && ("*".equals(subtype) || subtype.equalsIgnoreCase(t.getSubType()));
        }
    }

    private record Match(double q, int specificity) {}

    private static Match quality(Format offer, List<Range> ranges) {
        Match best = null;
        List<String> types = new ArrayList<>(offer.aliases());
        types.add(0, offer.mediaType());
        for (String name : types) {
            MediaType t = MediaType.create(name);
            Match m = null;
            boolean alias = !name.equals(offer.mediaType());
            for (Range r : ranges) {
                if (!r.matches(t) || (alias && r.specificity() < 2))
                    continue;
                if (m == null || r.specificity() > m.specificity || (r.specificity() == m.specificity && r.q > m.q))
                    m = new Match(r.q, r.specificity());
            }
            if (m != null && (best == null || m.q > best.q || (m.q == best.q && m.specificity > best.specificity)))
                best = m;
        }
        return best;
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        if (accept == null)
            return ranges;
        for (String item : accept.split(",")) {
            if (item.isBlank())
                continue;
            Range r = range(item.strip());
            if (r != null)
                ranges.add(r);
        }
        return ranges;
    }

    private static Range range(String item) {
        MediaRange m;
        try {
            m = new MediaRange(item);
        } catch (RuntimeException e) {
            return null;
        }
        String type = m.getType() == null ? null : m.getType().strip();
        String subtype = m.getSubType() == null ? null : m.getSubType().strip();
        if (type == null || subtype == null || !TOKEN.matcher(type).matches() || !TOKEN.matcher(subtype).matches())
            return null;
        if ("*".equals(type) && !"*".equals(subtype))
            return null;
        String q = qParameter(item);
        if (q != null && !QVALUE.matcher(q).matches())
            return null;
        return new Range(type, subtype, q == null ? 1.0 : Double.parseDouble(q));
    }

    /** The q parameter as written: read here because it must be the weight, not any parameter named alike. */
    private static String qParameter(String item) {
        String[] parts = item.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("q"))
                return p.substring(eq + 1).strip();
        }
        return null;
    }
}
