package org.lodestar.similarity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the quantized model so that a batch of texts gives each text the vector it gets alone.
 *
 * <p>The model quantizes its activations on the fly: each {@code DynamicQuantizeLinear} takes one
 * scale and zero point for its whole input tensor, so in a batch the longest or most extreme text
 * sets them for all, and a short text's vector moved by up to 0.04 in cosine (measured). Here each
 * of those nodes becomes the same arithmetic per text (reduced over its tokens only: padding is
 * zeroed first, and zero is always inside the range), and each {@code MatMulInteger} keeps its 8-bit
 * product with a zero point of 0 and then subtracts {@code zp × Σ_k (w − w_zp)}, the per-text part
 * that the runtime cannot take as an input: exact in integers, so the product equals the one a
 * single text's run computes. Everything else in the model is left byte for byte.
 *
 * <p>A minimal protobuf reader and writer for the few ONNX messages touched (ModelProto.graph,
 * GraphProto.node and value_info, NodeProto), since nothing on the class path parses ONNX. The model
 * is the one shipped in the langchain4j jar (opset 11): a model of another shape is refused.
 */
final class PerTextQuantization {
    private static final int FLOAT = 1, UINT8 = 2, INT32 = 6;
    private static final int ATTR_FLOAT = 1, ATTR_INT = 2, ATTR_TENSOR = 4, ATTR_INTS = 7;
    private static final String MASK = "lodestar/mask3", ZERO = "lodestar/zero", QMAX = "lodestar/255";

    private PerTextQuantization() {}

    /** One protobuf field: its number, wire type and value (a varint, or the raw bytes). */
    private record Field(int number, int wire, long varint, byte[] bytes) {
        String string() { return new String(bytes, StandardCharsets.UTF_8); }
    }

    /** A node as the graph lists it: inputs, outputs, operator, and its bytes when left as it was. */
    private record Node(List<String> inputs, List<String> outputs, String op, byte[] original) {}

    static byte[] rewrite(byte[] model) {
        List<Field> top = fields(model);
        Out out = new Out();
        boolean found = false;
        for (Field f : top) {
            if (f.number() == 8 && opsetVersion(f.bytes()) != 11)
                throw new IllegalStateException("the model's opset is " + opsetVersion(f.bytes()) + ", not the 11 this rewrite is written for");
            if (f.number() == 7) {
                out.bytes(7, graph(f.bytes()));
                found = true;
            } else {
                out.field(f);
            }
        }
        if (!found)
            throw new IllegalStateException("the model has no graph");
        return out.toByteArray();
    }

    private static long opsetVersion(byte[] opset) {
        String domain = "";
        long version = -1;
        for (Field f : fields(opset)) {
            if (f.number() == 1)
                domain = f.string();
            if (f.number() == 2)
                version = f.varint();
        }
        return domain.isEmpty() || domain.equals("ai.onnx") ? version : 11;
    }

    private static byte[] graph(byte[] graph) {
        List<Field> fields = fields(graph);
        List<Node> nodes = new ArrayList<>();
        for (Field f : fields)
            if (f.number() == 1)
                nodes.add(node(f.bytes()));
        Map<String, Node> quantizers = new HashMap<>();
        for (Node n : nodes)
            if (n.op().equals("DynamicQuantizeLinear"))
                for (String o : n.outputs())
                    quantizers.put(o, n);
        if (quantizers.isEmpty())
            throw new IllegalStateException("the model has no DynamicQuantizeLinear: nothing to rewrite");
        Set<String> retyped = new HashSet<>();
        Set<String> weights = new LinkedHashSet<>();
        for (Node n : nodes) {
            if (n.op().equals("DynamicQuantizeLinear")) {
                retyped.add(n.outputs().get(1));
                retyped.add(n.outputs().get(2));
            }
            if (n.op().equals("MatMulInteger")) {
                Node q = quantizers.get(n.inputs().get(0));
                if (n.inputs().size() != 4 || q == null || !n.inputs().get(2).equals(q.outputs().get(2)))
                    throw new IllegalStateException("MatMulInteger " + n.outputs() + " is not fed by a DynamicQuantizeLinear as expected");
                weights.add(n.inputs().get(1) + "\n" + n.inputs().get(3));
            }
        }
        for (Node n : nodes)
            for (String in : n.inputs())
                if (quantizers.containsKey(in) && !n.op().equals("MatMulInteger")
                        && !(n.op().equals("Mul") && in.equals(quantizers.get(in).outputs().get(1))))
                    throw new IllegalStateException(n.op() + " " + n.outputs() + " reads " + in + ", which this rewrite does not expect");

        Out g = new Out();
        // first the shared constants and each weight's column sums (constant, so folded when the session loads)
        g.bytes(1, constant(ZERO, 0f));
        g.bytes(1, constant(QMAX, 255f));
        g.bytes(1, node("Cast", List.of("attention_mask"), List.of("lodestar/maskf"), intAttr("to", FLOAT)));
        g.bytes(1, node("Unsqueeze", List.of("lodestar/maskf"), List.of(MASK), intsAttr("axes", 2)));
        for (String w : weights) {
            String[] parts = w.split("\n");
            String id = colsum(parts[0]);
            g.bytes(1, node("Cast", List.of(parts[0]), List.of(id + "/w"), intAttr("to", INT32)));
            g.bytes(1, node("Cast", List.of(parts[1]), List.of(id + "/zp"), intAttr("to", INT32)));
            g.bytes(1, node("Sub", List.of(id + "/w", id + "/zp"), List.of(id + "/centred")));
            g.bytes(1, node("ReduceSum", List.of(id + "/centred"), List.of(id), intsAttr("axes", 0), intAttr("keepdims", 0)));
        }
        for (Field f : fields) {
            if (f.number() == 13 && retyped.contains(valueName(f.bytes())))
                continue; // a scale was a scalar and is now one per text: let the runtime infer it
            if (f.number() != 1) {
                g.field(f);
                continue;
            }
            Node n = node(f.bytes());
            switch (n.op()) {
                case "DynamicQuantizeLinear" -> quantizer(g, n);
                case "MatMulInteger" -> product(g, n);
                default -> g.bytes(1, n.original());
            }
        }
        return g.toByteArray();
    }

    private static String colsum(String weight) { return "lodestar/colsum/" + weight; }

    private static String zeroPointInt(String zeroPoint) { return zeroPoint + "/per-text-int32"; }

    /** DynamicQuantizeLinear's arithmetic (ONNX spec) with the reductions per text: axes 1 and 2 of [batch, tokens, d]. */
    private static void quantizer(Out g, Node n) {
        String x = n.inputs().get(0), q = n.outputs().get(0), scale = n.outputs().get(1), zp = n.outputs().get(2);
        String p = x + "/per-text/";
        g.bytes(1, node("Mul", List.of(x, MASK), List.of(p + "masked")));
        g.bytes(1, node("ReduceMin", List.of(p + "masked"), List.of(p + "min"), intsAttr("axes", 1, 2), intAttr("keepdims", 1)));
        g.bytes(1, node("ReduceMax", List.of(p + "masked"), List.of(p + "max"), intsAttr("axes", 1, 2), intAttr("keepdims", 1)));
        g.bytes(1, node("Min", List.of(p + "min", ZERO), List.of(p + "min0")));
        g.bytes(1, node("Max", List.of(p + "max", ZERO), List.of(p + "max0")));
        g.bytes(1, node("Sub", List.of(p + "max0", p + "min0"), List.of(p + "range")));
        g.bytes(1, node("Div", List.of(p + "range", QMAX), List.of(scale)));
        g.bytes(1, node("Div", List.of(p + "min0", scale), List.of(p + "min/scale")));
        g.bytes(1, node("Sub", List.of(ZERO, p + "min/scale"), List.of(p + "zp-unrounded")));
        g.bytes(1, node("Clip", List.of(p + "zp-unrounded", ZERO, QMAX), List.of(p + "zp-clipped")));
        g.bytes(1, node("Round", List.of(p + "zp-clipped"), List.of(p + "zp")));
        g.bytes(1, node("Cast", List.of(p + "zp"), List.of(zeroPointInt(zp)), intAttr("to", INT32)));
        g.bytes(1, node("Div", List.of(x, scale), List.of(p + "scaled")));
        g.bytes(1, node("Round", List.of(p + "scaled"), List.of(p + "rounded")));
        g.bytes(1, node("Add", List.of(p + "rounded", p + "zp"), List.of(p + "shifted")));
        g.bytes(1, node("Clip", List.of(p + "shifted", ZERO, QMAX), List.of(p + "clipped")));
        g.bytes(1, node("Cast", List.of(p + "clipped"), List.of(q), intAttr("to", UINT8)));
    }

    /** Σ_k (q − zp)(w − w_zp) = Σ_k q (w − w_zp) − zp · Σ_k (w − w_zp), all in int32. */
    private static void product(Out g, Node n) {
        String q = n.inputs().get(0), w = n.inputs().get(1), zp = n.inputs().get(2), wzp = n.inputs().get(3);
        String y = n.outputs().get(0), p = y + "/per-text/";
        g.bytes(1, node("MatMulInteger", List.of(q, w, "", wzp), List.of(p + "uncentred")));
        g.bytes(1, node("Mul", List.of(zeroPointInt(zp), colsum(w)), List.of(p + "correction")));
        g.bytes(1, node("Sub", List.of(p + "uncentred", p + "correction"), List.of(y)));
    }

    private static Node node(byte[] bytes) {
        List<String> in = new ArrayList<>(), out = new ArrayList<>();
        String op = "";
        for (Field f : fields(bytes)) {
            switch (f.number()) {
                case 1 -> in.add(f.string());
                case 2 -> out.add(f.string());
                case 4 -> op = f.string();
                default -> { }
            }
        }
        return new Node(in, out, op, bytes);
    }

    private static String valueName(byte[] valueInfo) {
        for (Field f : fields(valueInfo))
            if (f.number() == 1)
                return f.string();
        return "";
    }

    private static byte[] node(String op, List<String> inputs, List<String> outputs, byte[]... attributes) {
        Out n = new Out();
        for (String i : inputs)
            n.string(1, i);
        for (String o : outputs)
            n.string(2, o);
        n.string(3, outputs.get(0) + "/" + op);
        n.string(4, op);
        for (byte[] a : attributes)
            n.bytes(5, a);
        return n.toByteArray();
    }

    private static byte[] intAttr(String name, long value) {
        Out a = new Out();
        a.string(1, name);
        a.varint(3, value);
        a.varint(20, ATTR_INT);
        return a.toByteArray();
    }

    private static byte[] intsAttr(String name, long... values) {
        Out a = new Out();
        a.string(1, name);
        for (long v : values)
            a.varint(8, v);
        a.varint(20, ATTR_INTS);
        return a.toByteArray();
    }

    /** A Constant node holding one float scalar. */
    private static byte[] constant(String name, float value) {
        Out t = new Out();
        t.varint(2, FLOAT);
        t.string(8, name);
        t.bytes(9, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
        Out a = new Out();
        a.string(1, "value");
        a.bytes(5, t.toByteArray());
        a.varint(20, ATTR_TENSOR);
        return node("Constant", List.of(), List.of(name), a.toByteArray());
    }

    // --- protobuf wire format: varints (0), 64-bit (1), length-delimited (2) and 32-bit (5) fields

    private static List<Field> fields(byte[] b) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < b.length) {
            long key = varint(b, at);
            int number = (int) (key >>> 3), wire = (int) (key & 7);
            switch (wire) {
                case 0 -> fields.add(new Field(number, wire, varint(b, at), null));
                case 1, 5 -> {
                    int n = wire == 1 ? 8 : 4;
                    fields.add(new Field(number, wire, 0, java.util.Arrays.copyOfRange(b, at[0], at[0] + n)));
                    at[0] += n;
                }
                case 2 -> {
                    int n = (int) varint(b, at);
                    fields.add(new Field(number, wire, 0, java.util.Arrays.copyOfRange(b, at[0], at[0] + n)));
                    at[0] += n;
                }
                default -> throw new IllegalStateException("the model is not a protobuf this reader knows: wire type " + wire
                        + " at byte " + at[0]);
            }
        }
        return fields;
    }

    private static long varint(byte[] b, int[] at) {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            byte c = b[at[0]++];
            result |= (long) (c & 0x7f) << shift;
            if (c >= 0)
                return result;
        }
    }

    private static final class Out {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        void field(Field f) {
            key(f.number(), f.wire());
            if (f.wire() == 0)
                raw(f.varint());
            else if (f.wire() == 2)
                lengthDelimited(f.bytes());
            else
                buf.writeBytes(f.bytes());
        }

        void varint(int number, long value) {
            key(number, 0);
            raw(value);
        }

        void string(int number, String s) { bytes(number, s.getBytes(StandardCharsets.UTF_8)); }

        void bytes(int number, byte[] b) {
            key(number, 2);
            lengthDelimited(b);
        }

        private void lengthDelimited(byte[] b) {
            raw(b.length);
            buf.writeBytes(b);
        }

        private void key(int number, int wire) { raw(((long) number << 3) | wire); }

        private void raw(long v) {
            while ((v & ~0x7fL) != 0) {
                buf.write((int) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            buf.write((int) v);
        }

        byte[] toByteArray() { return buf.toByteArray(); }
    }
}
