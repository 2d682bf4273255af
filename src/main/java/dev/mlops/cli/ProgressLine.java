package dev.mlops.cli;

import dev.mlops.logs.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress on standard error, on one line redrawn at most 10 times a second: bytes read of the
 * total, MB/s and the time left; the line is cleared when reading is over. Drawn only for a
 * known total (a file, not standard input).
 */
final class ProgressLine implements Progress {
    private final PrintWriter err;
    private final LongSupplier nanos;
    private final AtomicLong read = new AtomicLong();
    private long total;
    private long started;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> task;
    private int width;

    ProgressLine(PrintWriter err, LongSupplier nanos) {
        this.err = err;
        this.nanos = nanos;
    }

    @Override
    public synchronized void start(long totalBytes) {
        total = totalBytes;
        started = nanos.getAsLong();
        read.set(0);
        if (total <= 0 || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mlops-progress");
            t.setDaemon(true);
            return t;
        });
        task = timer.scheduleAtFixedRate(this::draw, 100, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void advance(long bytes) {
        read.addAndGet(bytes);
    }

    @Override
    public synchronized void done() {
        if (timer == null) {
            return;
        }
        task.cancel(false);
        timer.shutdownNow();
        timer = null;
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    /** The line for {@code done} of {@code of} bytes after {@code seconds}. */
    static String line(long done, long of, double seconds) {
        double mbs = seconds > 0 ? done / 1e6 / seconds : 0;
        String left = done == 0 || mbs == 0 ? "" : String.format(Locale.ROOT, ", %.0f s left", (of - done) / 1e6 / mbs);
        return String.format(Locale.ROOT, "reading %s of %s (%.0f%%), %.0f MB/s%s", size(done), size(of),
                100.0 * done / of, mbs, left);
    }

    private static String size(long bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private synchronized void draw() {
        if (timer == null) {
            return;
        }
        String s = line(read.get(), total, (nanos.getAsLong() - started) / 1e9);
        err.print("\r" + s + " ".repeat(Math.max(0, width - s.length())));
        err.flush();
        width = Math.max(width, s.length());
    }
}
