package dev.mlops.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlops.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {
    @TempDir
    Path base;

    @Test
    void shouldWriteEveryFile_andRemoveTheJournal() throws IOException {
        Path root = Files.createDirectories(base.resolve("reg"));
        Files.writeString(root.resolve("registry.yaml"), "old");
        Transaction.in(root, "test").write(root.resolve("registry.yaml"), "new")
                .write(root.resolve("manifests/m.json"), "{}").commit();
        assertEquals("new", Files.readString(root.resolve("registry.yaml")));
        assertEquals("{}", Files.readString(root.resolve("manifests/m.json")));
        assertTrue(Journal.find(root).isEmpty());
        try (var s = Files.list(root)) {
            assertEquals(3, s.count(), "registry.yaml, manifests/, .mlops/: no temporary files left");
        }
    }

    @Test
    void shouldKeepTheModeOfAReplacedFile_andGiveANewOneTheUmasksMode() throws IOException {
        Path root = Files.createDirectories(base.resolve("reg"));
        Path reg = Files.writeString(root.resolve("registry.yaml"), "old");
        Files.setPosixFilePermissions(reg, PosixFilePermissions.fromString("rw-rw-r--"));
        Transaction.in(root, "test").write(reg, "new").write(root.resolve("manifests/m.json"), "{}").commit();
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(reg)));
        Path probe = Files.createFile(base.resolve("probe"));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(root.resolve("manifests/m.json")),
                "a new file gets what the umask gives, not 0600");
    }

    /** A crash after the journal was written but before the files were: finishing gives the new state. */
    @Test
    void shouldFinishAnInterruptedTransaction() throws IOException {
        Path root = Files.createDirectories(base.resolve("reg"));
        Files.writeString(root.resolve("registry.yaml"), "old");
        Files.writeString(root.resolve("history.jsonl"), "a\n");
        journal(root, "registry.yaml", "old", "new", "history.jsonl", "a\n", "a\nb\n");
        Files.writeString(root.resolve("registry.yaml"), "new"); // half applied
        Journal.find(root).orElseThrow().finish();
        assertEquals("new", Files.readString(root.resolve("registry.yaml")));
        assertEquals("a\nb\n", Files.readString(root.resolve("history.jsonl")));
        assertTrue(Journal.find(root).isEmpty(), "nothing left to finish");
    }

    /** An edit made by hand after the crash is never overwritten; the journal stays for the user to resolve. */
    @Test
    void shouldRefuseToReplay_whenAFileWasEditedAfterTheCrash() throws IOException {
        Path root = Files.createDirectories(base.resolve("reg"));
        Files.writeString(root.resolve("registry.yaml"), "old");
        journal(root, "registry.yaml", "old", "new");
        Files.writeString(root.resolve("registry.yaml"), "edited by hand");
        Journal j = Journal.find(root).orElseThrow();
        Journal.JournalException e = assertThrows(Journal.JournalException.class, j::finish);
        assertTrue(e.getMessage().contains("registry.yaml was changed after the interrupted change"), e.getMessage());
        assertTrue(e.getMessage().contains("mlops registry recover --apply"), e.getMessage());
        assertEquals("edited by hand", Files.readString(root.resolve("registry.yaml")));
        assertEquals(List.of("changed by hand"), j.states());
        assertEquals(List.of("registry.yaml"), j.undo(true), "discard leaves the hand edit");
        assertTrue(Journal.find(root).isEmpty());
    }

    /** A registry directory that was moved recovers in place: the journal's paths are relative. */
    @Test
    void shouldRecoverInPlace_whenTheRegistryDirectoryWasMoved() throws IOException {
        Path a = Files.createDirectories(base.resolve("a"));
        Files.writeString(a.resolve("registry.yaml"), "old");
        journal(a, "registry.yaml", "old", "new", "manifests/m.json", null, "{}");
        Path b = Files.move(a, base.resolve("b"));
        Journal.find(b).orElseThrow().finish();
        assertEquals("new", Files.readString(b.resolve("registry.yaml")));
        assertEquals("{}", Files.readString(b.resolve("manifests/m.json")));
        assertFalse(Files.exists(a), "nothing re-created at the old place");
    }

    @Test
    void shouldRefuseAJournal_whoseEntryLeavesTheRegistry() throws IOException {
        Path root = Files.createDirectories(base.resolve("reg"));
        for (String bad : List.of("../outside.txt", "/tmp/x", "a/../../x", "bad\u0000name")) {
            journal(root, bad, null, "pwned");
            Journal.JournalException e = assertThrows(Journal.JournalException.class, () -> Journal.find(root), bad);
            assertTrue(e.getMessage().contains("is not replayed") && e.getMessage().contains("recover"), e.getMessage());
            Files.delete(Journal.pendingFile(root));
        }
        assertFalse(Files.exists(base.resolve("outside.txt")));
    }

    @Test
    void shouldRefuseAJournal_thatDoesNotParseOrWhoseChecksumDiffers() throws IOException {
        Path root = Files.createDirectories(base.resolve("reg"));
        Files.createDirectories(root.resolve(".mlops"));
        Files.writeString(Journal.pendingFile(root), "garbage{");
        assertTrue(assertThrows(Journal.JournalException.class, () -> Journal.find(root)).getMessage()
                .contains("does not parse"));
        journal(root, "registry.yaml", null, "new");
        Path j = Journal.pendingFile(root);
        Files.writeString(j, Files.readString(j).replace("\"new\":\"new\"", "\"new\":\"evil\""));
        assertTrue(assertThrows(Journal.JournalException.class, () -> Journal.find(root)).getMessage()
                .contains("checksum does not match"));
        assertTrue(Journal.discardUnreadable(root));
        assertTrue(Journal.find(root).isEmpty());
    }

    @Test
    void shouldNeverOverwrite_whenCreating() throws IOException {
        Path p = base.resolve("m.json");
        AtomicFiles.create(p, "first");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.create(p, "second"));
        assertEquals("first", Files.readString(p));
    }

    /** Writes a journal as a crashed run would have: pairs of (path, old or null, new). */
    static void journal(Path root, String... pathOldNew) throws IOException {
        Files.createDirectories(root.resolve(".mlops"));
        Journals.write(root, pathOldNew);
    }
}
