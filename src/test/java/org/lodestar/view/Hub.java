package org.lodestar.view;

import java.util.ArrayList;
import java.util.List;
import org.lodestar.pipeline.SeedFile;

/**
 * A generated hub: concept:hub lists {@code n} concepts, "Member 001" … in that order; the last one
 * also has a page of its own that says it extends the hub, so it has two typed edges with the hub
 * and ranks first.
 */
final class Hub {
    private Hub() {}

    static String label(int i) {
        return String.format("Member %03d", i);
    }

    static List<SeedFile> pages(int n) {
        StringBuilder hub = new StringBuilder("concept\nactive\nconcept:hubHub\nA concept with many neighbours\n"
                + "Neighborhood — ranked by edge-count\nConcepts (" + n + ")\nconcept\n");
        for (int i = 1; i <= n; i++)
            hub.append("- ").append(label(i)).append("associated_withNeighbour number ").append(i).append('\n');
        String last = "concept\nactive\nconcept:member-" + String.format("%03d", n) + label(n)
                + "\nThe last on the hub's page\nNeighborhood — ranked by edge-count\nConcepts (1)\nconcept\n- HubextendsBuilds on the hub\n";
        List<SeedFile> pages = new ArrayList<>();
        pages.add(ViewFixtures.page("concept-hub.txt", hub.toString()));
        pages.add(ViewFixtures.page("concept-member-last.txt", last));
        return pages;
    }
}
