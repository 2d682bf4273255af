package dev.mlops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files and readers, as a new user met them: each case replaced a device, lost output, or exited 70. */
class OutputsAndReadersTest {
    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return Cli.run(Cli.env(dir), args);
    }

    private String example() {
        return Path.of("examples/logs.jsonl").toAbsolutePath().toString();
    }

    @Test
    void shouldWriteThroughACharacterDevice_neverReplaceIt() throws IOException {
        assertTrue(Files.exists(Path.of("/dev/null")));
        assertEquals(0, run("select", example(), "-n", "5", "-o", "/dev/null").exit());
        assertEquals(0, run("analyze", example(), "-o", "/dev/null").exit());
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");
    }

    @Test
    void shouldWriteThroughAFifo_soItsReaderGetsEverything() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                try (var in = new java.io.FileInputStream(fifo.toFile())) {
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        got.write(buf, 0, n);
                    }
                }
                return got.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(0, run("analyze", example(), "--format", "json", "-o", fifo.toString()).exit());
            String got = new String(reader.get(), StandardCharsets.UTF_8);
            assertTrue(got.contains("\"schema\" : \"mlops.analyze/v1\""), got);
        });
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void shouldWriteThroughASymlink_keepingTheLink() throws IOException {
        Path target = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target.getFileName());
        assertEquals(0, run("analyze", example(), "--format", "json", "-o", "link.json").exit());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(target).contains("mlops.analyze/v1"));
    }

    @Test
    void shouldGiveANewFileTheUmasksMode_andKeepAReplacedFilesMode() throws IOException {
        assertEquals(0, run("analyze", example(), "-o", "new.txt").exit());
        Path probe = Files.createFile(dir.resolve("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(dir.resolve("new.txt")),
                "not 0600");
        Path kept = Files.writeString(dir.resolve("kept.jsonl"), "x");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, run("select", example(), "-n", "5", "-o", "kept.jsonl").exit());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
    }

    @Test
    void shouldRefuseAMissingDirectory_andTakeDashAsStdout() {
        Cli.Result r = run("analyze", example(), "-o", "no/such/dir/out.txt");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(dir.resolve("no")), "not created silently");
        Cli.Result dash = run("analyze", example(), "-o", "-");
        assertEquals(0, dash.exit());
        assertTrue(dash.out().startsWith("requests (400 read"), dash.out());
        assertFalse(Files.exists(dir.resolve("-")));
    }

    @Test
    void shouldRefuseCorruptZstd_withExit3() throws Exception {
        Path plain = Files.writeString(dir.resolve("s.jsonl"), Files.readString(Path.of(example())));
        Path zst = dir.resolve("s.jsonl.zst");
        Assumptions.assumeTrue(new ProcessBuilder("zstd", "-q", plain.toString(), "-o", zst.toString()).start().waitFor() == 0,
                "skipped: no zstd command");
        byte[] b = Files.readAllBytes(zst);
        byte[] corrupt = b.clone();
        corrupt[b.length / 2] ^= (byte) 0xff;
        Files.write(dir.resolve("corrupt.zst"), corrupt);
        byte[] badSum = b.clone();
        badSum[b.length - 2] ^= (byte) 0xff;
        Files.write(dir.resolve("badsum.zst"), badSum);
        for (String f : new String[] {"corrupt.zst", "badsum.zst"}) {
            Cli.Result r = run("analyze", f);
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.err().contains("corrupt compressed data"), r.err());
        }
    }

    @Test
    void shouldSkipAndCountARecordOverMaxLineBytes_onStdinAndInGzip() throws IOException {
        String text = "{\"version\":\"v1\",\"output_tokens\":3,\"prompt\":\"" + "x".repeat(5000) + "\"}\n"
                + "{\"version\":\"v1\",\"output_tokens\":4}\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("long.jsonl.gz"), gz.toByteArray());
        Cli.Result g = run("analyze", "long.jsonl.gz", "--max-line-bytes", "1024", "--max-bad-lines", "1");
        assertEquals(0, g.exit(), g.toString());
        assertTrue(g.err().contains("long.jsonl.gz:1: record is longer than 1,024 bytes"), g.err());
        Cli.Result s = Cli.run(Cli.withStdin(Cli.env(dir), text.getBytes(StandardCharsets.UTF_8)), "analyze", "-",
                "--max-line-bytes", "1024", "--max-bad-lines", "1");
        assertEquals(0, s.exit(), s.toString());
        assertTrue(s.err().contains("-:1: record is longer than 1,024 bytes"), s.err());
    }

    @Test
    void shouldCountAbsurdEpochTimestampsAsBadRecords() throws IOException {
        Files.writeString(dir.resolve("t.jsonl"), "{\"output_tokens\":3,\"timestamp\":1e308}\n"
                + "{\"output_tokens\":3,\"timestamp\":-1e308}\n{\"output_tokens\":3,\"timestamp\":1e30}\n"
                + "{\"output_tokens\":3,\"timestamp\":\"2026-11-01T00:00:00Z\"}\n");
        Cli.Result r = run("analyze", "t.jsonl", "--max-bad-lines", "3");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("t.jsonl:1: timestamp is") && r.err().contains("expected an epoch time"), r.err());
        assertTrue(r.err().contains("skipped 3 malformed records of 4"), r.err());
    }

    @Test
    void shouldReadAFifo_asAProcessSubstitutionWould() throws Exception {
        Path fifo = dir.resolve("in.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (var out = new java.io.FileOutputStream(fifo.toFile())) {
                out.write(Files.readAllBytes(Path.of(example())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Cli.Result r = run("analyze", fifo.toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().startsWith("requests (400 read"), r.out());
            writer.get();
        });
    }

    @Test
    void shouldNameTheLine_ofACsvWithInvalidUtf8() throws IOException {
        byte[] head = "version,output_tokens,prompt\nv1,3,ok\nv1,4,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xc3, (byte) 0x28, '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(dir.resolve("bad.csv"), all);
        Cli.Result r = run("analyze", "bad.csv");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("bad.csv:3: is not valid UTF-8"), r.err());
    }
}
