package dev.mlops.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.mlops.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TransactionTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    @Test
    void shouldWriteEveryFile_andRemoveTheJournal() throws IOException {
        Path root = Files.createDirectories(fs.getPath("/reg"));
        Files.writeString(root.resolve("registry.yaml"), "old");
        Transaction.in(root).write(root.resolve("registry.yaml"), "new").write(root.resolve("manifests/m.json"), "{}")
                .commit();
        assertEquals("new", Files.readString(root.resolve("registry.yaml")));
        assertEquals("{}", Files.readString(root.resolve("manifests/m.json")));
        assertFalse(Transaction.pending(root));
        try (var s = Files.list(root)) {
            assertEquals(3, s.count(), "registry.yaml, manifests/, .mlops/: no temporary files left");
        }
    }

    /** A crash after the journal was written but before the files were: recovery gives the new state. */
    @Test
    void shouldFinishAnInterruptedTransaction() throws IOException {
        Path root = Files.createDirectories(fs.getPath("/reg"));
        Files.writeString(root.resolve("registry.yaml"), "old");
        Files.writeString(root.resolve("history.jsonl"), "a\n");
        AtomicFiles.write(Transaction.journalOf(root), "{\"writes\":[{\"path\":\"/reg/registry.yaml\",\"content\":\"new\"},"
                + "{\"path\":\"/reg/history.jsonl\",\"content\":\"a\\nb\\n\"}]}");
        Files.writeString(root.resolve("registry.yaml"), "new");
        assertTrue(Transaction.recover(root));
        assertEquals("new", Files.readString(root.resolve("registry.yaml")));
        assertEquals("a\nb\n", Files.readString(root.resolve("history.jsonl")));
        assertFalse(Transaction.recover(root), "nothing left to finish");
    }

    @Test
    void shouldNeverOverwrite_whenCreating() throws IOException {
        Path p = fs.getPath("/m.json");
        AtomicFiles.create(p, "first");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.create(p, "second"));
        assertEquals("first", Files.readString(p));
    }
}
