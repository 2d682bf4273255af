package dev.mlops.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of lines that only grows at its end, each line forced to disk as it is written (a vote
 * log, a playground transcript). A line cut short by a crash (the process died inside one write)
 * was never complete: opening the file drops it, so that the file stays a list of whole lines and
 * the next line does not run into it.
 */
public final class AppendLog implements Closeable {
    private final FileChannel channel;

    public AppendLog(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        long end = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < channel.size()) {
            channel.truncate(end);
            channel.force(false);
        }
    }

    /** Appends {@code lines} (each ending in a newline) and forces them to disk; returns where they begin. */
    public long append(String lines) throws IOException {
        long at = channel.size();
        channel.write(ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8)), at);
        channel.force(false);
        return at;
    }

    /** Writes {@code lines} over the file from {@code at} on, and cuts it at their end. */
    public void rewrite(long at, String lines) throws IOException {
        byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
        channel.write(ByteBuffer.wrap(bytes), at);
        channel.truncate(at + bytes.length);
        channel.force(false);
    }

    /** Cuts the file back to {@code at}: the lines written from there on are gone. */
    public void truncate(long at) throws IOException {
        channel.truncate(at);
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
