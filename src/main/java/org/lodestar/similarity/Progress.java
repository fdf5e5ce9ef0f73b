package org.lodestar.similarity;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long runs, on standard error. Only runs of more than {@link #MIN_SHOWN} items get a
 * bar: a few hundred texts embed in a few seconds, and tests stay quiet. Without a terminal
 * (output redirected, CI) one line says what is being done instead.
 */
public final class Progress {
    public static final int MIN_SHOWN = 300;
    public static final Progress QUIET = new Progress(false);
    public static final Progress CONSOLE = new Progress(true);

    private static final Bar SILENT = new Bar() {
        @Override public void step(int n) {}
        @Override public void close() {}
    };

    private final boolean shown;

    private Progress(boolean shown) {
        this.shown = shown;
    }

    /** One run of {@code total} items. */
    public interface Bar extends AutoCloseable {
        void step(int n);

        @Override
        void close();
    }

    public Bar start(String task, int total) {
        return start(task, total, "texts");
    }

    /** @param unit what is counted, plural ("texts", "documents") */
    public Bar start(String task, int total, String unit) {
        if (!shown || total <= MIN_SHOWN)
            return SILENT;
        if (System.console() == null) {
            // a log file, not a terminal: a redrawn bar would be one endless line there
            System.err.println(task + " " + total + " " + unit + "…");
            return SILENT;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return new Bar() {
            @Override public void step(int n) { bar.stepBy(n); }
            @Override public void close() { bar.close(); }
        };
    }
}
