package org.lodestar.view;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/** Reads the values of a result row; an unbound variable reads as null. */
final class Rows {
    private Rows() {}

    static Node node(Binding b, String var) {
        return b.get(Var.alloc(var));
    }

    /** A literal's lexical form or an IRI's text. */
    static String text(Binding b, String var) {
        Node n = node(b, var);
        if (n == null)
            return null;
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    static String iri(Binding b, String var) {
        Node n = node(b, var);
        return n != null && n.isURI() ? n.getURI() : null;
    }

    static int integer(Binding b, String var) {
        Integer i = optionalInteger(b, var);
        return i == null ? 0 : i;
    }

    static Integer optionalInteger(Binding b, String var) {
        String s = text(b, var);
        return s == null ? null : Integer.valueOf(s.trim());
    }

    static long number(Binding b, String var) {
        String s = text(b, var);
        return s == null ? 0 : Long.parseLong(s.trim());
    }

    /**
     * A boolean the query computed: {@code true}, or a number other than 0, since Virtuoso 7
     * answers the boolean of a comparison ({@code BIND (?a = ?b AS ?x)}) as the integer 1 or 0.
     */
    static boolean bool(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        if (n != null && n.isLiteral() && NodeValue.makeNode(n).isNumber())
            return NodeValue.makeNode(n).getDecimal().signum() != 0;
        return "true".equals(text(b, var)) || "1".equals(text(b, var));
    }
}
