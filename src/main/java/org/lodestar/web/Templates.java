package org.lodestar.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mustache templates under {@code templates/}, compiled once. Mustache escapes every value
 * for HTML and the templates use no unescaped ({@code {{{…}}}}) tags, so a label holding
 * {@code <script>} is shown, never run.
 */
final class Templates {
    private static final DefaultMustacheFactory FACTORY = new DefaultMustacheFactory("templates");
    private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();

    private Templates() {}

    static String render(String name, Map<String, Object> scope) {
        Mustache m = COMPILED.computeIfAbsent(name, FACTORY::compile);
        StringWriter out = new StringWriter();
        m.execute(out, scope);
        return out.toString();
    }
}
