package dev.mlops.logs;

import java.util.Objects;

/**
 * How logs are read.
 *
 * @param mapping        source field names to log fields
 * @param format         the input format, or null to detect it from each file's first bytes
 * @param maxRecordBytes the longest record kept in memory; longer ones are counted bad
 * @param threads        worker threads (files and parts of large JSONL files run in parallel)
 * @param checks         what to check while reading (fields named, groups, informative records)
 * @param join           a batch input joined to the records by id (--join-input), or null
 * @param progress       told how far reading has come
 */
public record ReadOptions(Mapping mapping, Format format, int maxRecordBytes, int threads, ReadChecks checks,
                          Join join, Progress progress) {
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 << 20;

    public ReadOptions {
        Objects.requireNonNull(mapping, "mapping");
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("--max-line-bytes must be at least 1024");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        Objects.requireNonNull(checks, "checks");
        progress = progress == null ? Progress.NONE : progress;
    }

    public ReadOptions(Mapping mapping, Format format, int maxRecordBytes, int threads, ReadChecks checks, Join join) {
        this(mapping, format, maxRecordBytes, threads, checks, join, Progress.NONE);
    }

    /** The same options, telling {@code p} how far reading has come. */
    public ReadOptions withProgress(Progress p) {
        return new ReadOptions(mapping, format, maxRecordBytes, threads, checks, join, p);
    }

    public ReadOptions(Mapping mapping, Format format, int maxRecordBytes, int threads) {
        this(mapping, format, maxRecordBytes, threads, ReadChecks.none(), null);
    }

    public ReadOptions(Mapping mapping, Format format, int maxRecordBytes, int threads, ReadChecks checks) {
        this(mapping, format, maxRecordBytes, threads, checks, null);
    }

    public ReadOptions withChecks(ReadChecks c) {
        return new ReadOptions(mapping, format, maxRecordBytes, threads, c, join, progress);
    }

    public ReadOptions withJoin(Join j) {
        return new ReadOptions(mapping, format, maxRecordBytes, threads, checks, j);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(Mapping.defaults(), null, DEFAULT_MAX_RECORD_BYTES,
                Runtime.getRuntime().availableProcessors());
    }
}
