package org.lodestar.similarity;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long runs, on standard error: a bar with the count, the rate and the time left on a
 * terminal, and without one (a log file, CI) a plain line every {@link LogLines#EVERY_MILLIS}. Only runs of more than {@link #MIN_SHOWN} items get a
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

    /** A line between the bars, where they go (standard error), when progress is shown: why a long phase is about to run. */
    public void note(String line) {
        if (shown)
            System.err.println(line);
    }

    public Bar start(String task, int total) {
        return start(task, total, "texts");
    }

    /** @param unit what is counted, plural ("texts", "documents") */
    public Bar start(String task, int total, String unit) {
        if (!shown || total <= MIN_SHOWN)
            return SILENT;
        if (System.console() == null)
            return new LogLines(task, total, unit); // a log file, not a terminal: a redrawn bar would be one endless line there
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        return new Bar() {
            @Override public void step(int n) { bar.stepBy(n); }
            @Override public void close() { bar.close(); }
        };
    }

    /** Plain lines for a log: where a run is, how fast it goes and how long it has left, then how long it took. */
    static final class LogLines implements Bar {
        static final long EVERY_MILLIS = 10_000;
        private final String task, unit;
        private final int total;
        private final long start = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong lastLine = new AtomicLong(System.nanoTime());

        LogLines(String task, int total, String unit) {
            this.task = task;
            this.total = total;
            this.unit = unit;
            System.err.println(String.format(Locale.ROOT, "%s: %,d %s…", task, total, unit));
        }

        @Override
        public void step(int n) {
            long now = System.nanoTime(), was = lastLine.get(), count = done.addAndGet(n);
            if (now - was < EVERY_MILLIS * 1_000_000 || !lastLine.compareAndSet(was, now))
                return;
            System.err.println(line(count, now));
        }

        String line(long count, long now) {
            double seconds = (now - start) / 1e9, rate = count / Math.max(seconds, 1e-9);
            long left = rate > 0 ? Math.round((total - count) / rate) : -1;
            return String.format(Locale.ROOT, "%s: %,d / %,d %s (%.0f%%), %,.0f/s, about %s left", task, count, total, unit,
                    100.0 * count / total, rate, left < 0 ? "?" : duration(left));
        }

        @Override
        public void close() {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.println(String.format(Locale.ROOT, "%s: %,d %s in %s (%,.0f/s)", task, done.get(), unit,
                    duration(Math.round(seconds)), done.get() / Math.max(seconds, 1e-9)));
        }

        static String duration(long seconds) {
            return seconds >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60)
                    : seconds >= 60 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                    : seconds + " s";
        }
    }
}
