package dev.mlops.logs;

import java.io.Closeable;
import java.io.IOException;

/**
 * The records of an envelope format, cut out of its documents: each record is one flat JSON object
 * that the field mapping then reads as if it were a JSONL line. Items of the file that are not
 * requests (an OTLP span without gen_ai attributes, a Langfuse SPAN observation) are counted as
 * skipped; documents that cannot be read are bad records.
 */
public interface RecordSource extends Closeable {
    /** A record, or {@link #SKIPPED} for an item that is not one, or null at the end. */
    byte[] next() throws IOException;

    /** What {@link #next()} returns for an item that is not a record. */
    byte[] SKIPPED = new byte[0];

    /** What {@link #nextTree()} returns for an item that is not a record. */
    com.fasterxml.jackson.databind.node.ObjectNode SKIPPED_TREE =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    /**
     * The next record as a parsed object, {@link #SKIPPED_TREE}, or null at the end: what a reader
     * uses when it needs no raw bytes. By default, {@link #next()} parsed.
     */
    default com.fasterxml.jackson.databind.node.ObjectNode nextTree() throws IOException {
        byte[] b = next();
        if (b == null || b.length == 0) {
            return b == null ? null : SKIPPED_TREE;
        }
        return (com.fasterxml.jackson.databind.node.ObjectNode) JsonEnvelope.Json.MAPPER.readTree(b);
    }

    /** What an item is called in messages: "span", "observation". */
    String noun();

    /** Items read so far: records and skipped ones. */
    long items();

    /** Documents or items that could not be read, with their line in the file. */
    BadLines bad();

    /** Why a file with items but no record is not read: "120 spans read, none has gen_ai attributes". */
    String nothingUsable();

    /**
     * Whether the command reads prompts and responses: when it does not, a source may leave the text
     * out of its records (analyze never reads it; extracting messages is most of an OTLP span's cost).
     */
    default void text(boolean wanted) {
    }

    /** The most bytes one item (or the document part around it) may take in memory: --max-line-bytes. */
    default void limit(int maxItemBytes) {
    }
}
