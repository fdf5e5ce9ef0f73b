package org.lodestar.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The order of a view's groups. The ontology's view order decides, with one exception: the groups
 * that the focus's own seed page lists keep the page's order among themselves, in the places the
 * view order gives that set of groups. A page is its source's ranking, for groups as for members;
 * a page that puts Artifacts before Questions reads back the same, while groups only other pages
 * contribute (or any group of an entity without a page) still sit where the ontology puts them.
 */
final class GroupOrder {
    private GroupOrder() {}

    /**
     * @param inViewOrder the groups, sorted by the ontology's view order
     * @param pageLine    the first line of the focus's page that lists a member of the group; null when none
     */
    static <G> List<G> arrange(List<G> inViewOrder, Function<G, Integer> pageLine) {
        List<Integer> slots = new ArrayList<>();
        List<G> onPage = new ArrayList<>();
        for (int i = 0; i < inViewOrder.size(); i++)
            if (pageLine.apply(inViewOrder.get(i)) != null) {
                slots.add(i);
                onPage.add(inViewOrder.get(i));
            }
        onPage.sort(Comparator.comparing(pageLine));
        List<G> result = new ArrayList<>(inViewOrder);
        for (int k = 0; k < slots.size(); k++)
            result.set(slots.get(k), onPage.get(k));
        return result;
    }
}
