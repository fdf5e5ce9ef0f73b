package org.lodestar.similarity;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * A text as the model's inputs, cut exactly as langchain4j's {@code OnnxBertBiEncoder} (1.19.0-beta29)
 * cuts it, call for call on the same tokenizer file and options, so that only how the model is run
 * changes: tokenize; split the word pieces between {@code [CLS]} and {@code [SEP]}
 * into windows of at most {@link #MAX_TOKENS} that do not start inside a word; turn each window back
 * into text and encode that with the special tokens. Its vector is then the windows' vectors
 * averaged, weighted by their word pieces.
 *
 * <p>The shipped tokenizer file truncates to 128 tokens, so in practice every text is one window and
 * the part after the 126th word piece is not embedded, with langchain4j as here. The split is kept
 * all the same: it is what langchain4j does, and it would matter with a tokenizer that keeps more.
 * The encoding's attention mask is all ones (no padding), so it is not kept.
 */
final class BertWindows {
    /** 512 positions less {@code [CLS]} and {@code [SEP]}, as langchain4j's MAX_SEQUENCE_LENGTH. */
    static final int MAX_TOKENS = 510;

    private final HuggingFaceTokenizer tokenizer;

    /** One model input: token ids and token type ids, of the same length, all attended to. */
    record Window(long[] ids, long[] typeIds, int weight) {
        int length() { return ids.length; }
    }

    private BertWindows(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The tokenizer file from the model jar, without padding, as langchain4j loads it. */
    static BertWindows load(String resource) {
        try (InputStream in = BertWindows.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("the tokenizer " + resource + " is not on the class path");
            return new BertWindows(HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer " + resource, e);
        }
    }

    /**
     * The windows of one text, in order.
     *
     * @throws IllegalArgumentException for a text with no word piece (empty or white space), which
     *                                  langchain4j refuses with the same message
     */
    List<Window> of(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        List<List<String>> parts = partition(tokens, MAX_TOKENS);
        if (parts.isEmpty())
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
        List<Window> windows = new ArrayList<>(parts.size());
        for (List<String> part : parts) {
            Encoding e = tokenizer.encode(toText(part), true, false);
            windows.add(new Window(e.getIds(), e.getTypeIds(), part.size()));
        }
        return windows;
    }

    /** langchain4j's partition: from after [CLS] to before [SEP], never starting a window on a {@code ##} piece. */
    static List<List<String>> partition(List<String> tokens, int size) {
        List<List<String>> parts = new ArrayList<>();
        int from = 1;
        while (from < tokens.size() - 1) {
            int to = from + size;
            if (to >= tokens.size() - 1) {
                to = tokens.size() - 1;
            } else {
                while (to > from && tokens.get(to).startsWith("##"))
                    to--;
                if (to == from)
                    to = from + size;   // one word longer than a window: cut it
            }
            parts.add(tokens.subList(from, to));
            from = to;
        }
        return parts;
    }

    /** The window's text: the tokenizer's own sentence when it tokenizes back to the window, else the pieces glued. */
    private String toText(List<String> tokens) {
        String text = tokenizer.buildSentence(tokens);
        List<String> again = new LinkedList<>(tokenizer.tokenize(text));
        again.remove(0);
        again.remove(again.size() - 1);
        return again.equals(tokens) ? text : String.join("", tokens);
    }
}
