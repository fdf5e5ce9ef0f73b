package org.lodestar.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The picture's layout: a hub capped to what fits, shared between classes, every node inside the picture and a link. */
class NeighbourhoodPictureTest {
    private static EntityView.Group group(String type, String heading, int members, int count) {
        List<EntityView.Member> list = new ArrayList<>();
        for (int i = 0; i < members; i++)
            list.add(new EntityView.Member("http://localhost:8080/id/" + type + "/m" + i, type + ":m" + i,
                    "A rather long label of member number " + i, "associated_with", null, List.of(), List.of("associated_with"),
                    1, i * 7L, null));
        return new EntityView.Group(type, heading, count, 1, 50, list);
    }

    private static EntityView view(List<EntityView.Group> groups) {
        return new EntityView("http://localhost:8080/id/concept/hub", "concept:hub", "concept", "hub", "active", "The hub",
                null, null, groups, new EntityView.Similar(new BigDecimal("0.65"), 0, List.of()), ViewOptions.DEFAULT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHubIsCappedAndSmallClassesKeepTheirPlace() {
        List<EntityView.Group> groups = List.of(group("concept", "Concepts", 50, 3000), group("paper", "Papers", 2, 2),
                group("thinker", "Thinkers", 1, 1));
        assertArrayEquals(new int[] {15, 2, 1}, NeighbourhoodPicture.share(groups));
        Map<String, Object> p = NeighbourhoodPicture.scope(view(groups), Links::documentPage);
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) p.get("nodes");
        assertEquals(NeighbourhoodPicture.MAX_NODES, nodes.size());
        assertEquals("/doc/concept/m0", nodes.get(0).get("href"), "the best ranked first");
        for (Map<String, Object> n : nodes) {
            double x = Double.parseDouble((String) n.get("x")), y = Double.parseDouble((String) n.get("y"));
            assertTrue(x > 0 && x < NeighbourhoodPicture.WIDTH && y > 0 && y < NeighbourhoodPicture.HEIGHT, n.toString());
            assertTrue(((String) n.get("short")).length() <= 26, n.get("short").toString());
        }
        assertEquals(true, p.get("capped"));
        List<Map<String, Object>> legend = (List<Map<String, Object>>) p.get("legend");
        assertEquals(List.of(15, 2, 1), legend.stream().map(l -> l.get("shown")).toList());
        assertEquals(true, legend.get(0).get("more"));
        assertEquals(NeighbourhoodPicture.colour("paper"), nodes.get(15).get("colour"), "coloured by class");
    }

    @Test
    void noTypedNeighbourNoPicture() {
        assertNull(NeighbourhoodPicture.scope(view(List.of()), Links::documentPage));
    }
}
