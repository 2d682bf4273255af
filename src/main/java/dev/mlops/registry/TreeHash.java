package dev.mlops.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * SHA-256 of artifacts. A file hashes to the SHA-256 of its bytes, streamed. A directory hashes
 * to the SHA-256 of its listing: one line {@code <sha256>  <relative/path>\n} per regular file,
 * sorted by path (the format of {@code sha256sum}), so the same tree always gives the same hash
 * and a listing can name what changed.
 */
public final class TreeHash {
    static final int BUFFER = 1 << 20;

    private TreeHash() {
    }

    /**
     * A hashed artifact.
     *
     * @param sha256 the artifact's hash
     * @param files  for a directory, relative path to file hash (sorted); for a file, empty
     * @param bytes  total size
     */
    public record Hashed(String sha256, Map<String, String> files, long bytes) {
        public boolean isDirectory() {
            return !files.isEmpty();
        }

        /** The listing that a directory's hash is the hash of. */
        public String listing() {
            StringBuilder sb = new StringBuilder();
            files.forEach((path, sha) -> sb.append(sha).append("  ").append(path).append('\n'));
            return sb.toString();
        }
    }

    /**
     * Hashes a file or directory; files of a directory are hashed on {@code pool} when given.
     *
     * @param root the registry directory: symbolic links inside the artifact may not leave it
     */
    public static Hashed hash(Path root, Path artifact, String where, ExecutorService pool) throws IOException {
        if (!Files.isDirectory(artifact)) {
            requireRegular(root, artifact, where);
            return new Hashed(file(artifact), Map.of(), Files.size(artifact));
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(artifact)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    if (Files.isDirectory(p)) {
                        throw new RegistryException(where + ": " + root.relativize(p)
                                + " is a symbolic link to a directory, which cannot be frozen");
                    }
                    ArtifactPaths.checkLinks(root, p, root.relativize(p).toString(), where);
                    requireRegular(root, p, where);
                    files.add(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    requireRegular(root, p, where);
                }
            }
        }
        List<Future<String>> hashes = new ArrayList<>();
        for (Path f : files) {
            hashes.add(pool == null ? java.util.concurrent.CompletableFuture.completedFuture(file(f))
                    : pool.submit(() -> file(f)));
        }
        TreeMap<String, String> listing = new TreeMap<>();
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            String rel = artifact.relativize(files.get(i)).toString().replace('\\', '/');
            listing.put(rel, get(hashes.get(i)));
            bytes += Files.size(files.get(i));
        }
        if (listing.isEmpty()) {
            throw new RegistryException(where + ": directory " + root.relativize(artifact) + " is empty");
        }
        Hashed h = new Hashed(null, listing, bytes);
        return new Hashed(sha256(h.listing().getBytes(StandardCharsets.UTF_8)), listing, bytes);
    }

    /** A FIFO, device or socket would hang the hash or never end: refused. */
    private static void requireRegular(Path root, Path p, String where) {
        if (!Files.isRegularFile(p)) {
            throw new RegistryException(where + ": " + root.relativize(p) + " is not a regular file (a FIFO, device or "
                    + "socket), so it cannot be hashed");
        }
    }

    private static String get(Future<String> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** SHA-256 of a file's bytes, read in 1 MiB blocks. */
    public static String file(Path p) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(p)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
