package org.lodestar.trials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one trial, {@code --name value} pairs, checked against the names it takes: the
 * trials run from the command line and from tests with the same list of strings.
 *
 * @param error null when the arguments are well-formed; otherwise one line naming the option
 */
record TrialArgs(Map<String, String> values, String error) {

    static TrialArgs parse(List<String> args, String... names) {
        Set<String> known = Set.of(names);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || !known.contains(a.substring(2)))
                return new TrialArgs(values, "unknown option '" + a + "' (options: --" + String.join(", --", names) + ")");
            if (i + 1 >= args.size())
                return new TrialArgs(values, a + " needs a value");
            values.put(a.substring(2), args.get(++i));
        }
        return new TrialArgs(values, null);
    }

    /** @throws IllegalArgumentException naming the option when the value is not a number in range */
    long number(String name, long fallback, long min, long max) {
        String v = values.get(name);
        if (v == null)
            return fallback;
        try {
            long n = Long.parseLong(v.strip());
            if (n < min || n > max)
                throw new IllegalArgumentException("--" + name + ": " + v + " is not between " + min + " and " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": '" + v + "' is not a whole number");
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
