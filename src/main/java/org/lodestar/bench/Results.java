package org.lodestar.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonNumber;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;

/**
 * The figures of one run, in the order they were measured: numbers, text, nested groups, and null
 * for what could not be measured (a feature that is not there yet). Written as JSON.
 */
public final class Results {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public Results put(String key, Object value) {
        if (value != null && !(value instanceof Number || value instanceof String || value instanceof Results
                || value instanceof Boolean))
            throw new IllegalArgumentException(key + ": " + value.getClass());
        values.put(key, value instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : value);
        return this;
    }

    /** The nested group under {@code key}, made when missing. */
    public Results group(String key) {
        return (Results) values.computeIfAbsent(key, k -> new Results());
    }

    public Object get(String key) { return values.get(key); }

    public Double number(String key) {
        return values.get(key) instanceof Number n ? n.doubleValue() : null;
    }

    public boolean has(String key) { return values.containsKey(key); }

    /** The figures added after the first {@code from}, as {@code key=value} pairs: a progress line. */
    String since(int from) {
        StringBuilder s = new StringBuilder();
        values.entrySet().stream().skip(from).forEach(e -> s.append(s.length() == 0 ? "" : ", ").append(e.getKey())
                .append('=').append(e.getValue() instanceof Double d ? String.format(java.util.Locale.ROOT, "%.4g", d) : e.getValue()));
        return s.toString();
    }

    int size() { return values.size(); }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        values.forEach((k, v) -> o.put(k, json(v)));
        return o;
    }

    private static JsonValue json(Object v) {
        if (v == null)
            return JsonNull.instance;
        if (v instanceof Results r)
            return r.toJson();
        if (v instanceof Boolean b)
            return new org.apache.jena.atlas.json.JsonBoolean(b);
        if (v instanceof String s)
            return new JsonString(s);
        if (v instanceof Integer || v instanceof Long)
            return JsonNumber.value(((Number) v).longValue());
        return JsonNumber.value(round(((Number) v).doubleValue()));
    }

    /** Three significant decimals are plenty for timings and rates, and keep the JSON readable. */
    private static double round(double d) {
        if (d == 0 || Math.abs(d) >= 1e15)
            return d;
        double scale = Math.pow(10, Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(d)))));
        return Math.round(d * scale) / scale;
    }
}
