package org.hifill.model.weights.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every key/value pair of a LevelDB-format sorted string table, the layout of a
 * TensorFlow checkpoint {@code .index} file (leveldb/doc/table_format.md; TensorFlow's copy
 * lives in tensorflow/core/lib/io/table*). Only uncompressed blocks are supported: TensorFlow
 * writes bundle indexes without compression.
 */
final class IndexTable {

    /** Footer: metaindex and index block handles (varints) padded to 40 bytes, then the magic. */
    private static final int FOOTER_LENGTH = 48;
    private static final long TABLE_MAGIC = 0xdb4775248b80fb57L;
    /** Each block is followed by a compression type byte and a masked CRC32C of block + type. */
    private static final int BLOCK_TRAILER_LENGTH = 5;
    private static final int NO_COMPRESSION = 0;
    private static final int SNAPPY_COMPRESSION = 1;

    private final Path file;
    private final byte[] bytes;

    private IndexTable(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** All entries in file order (ascending bytewise key order), keys decoded as UTF-8. */
    static Map<String, byte[]> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointFormatException(file, "missing index file");
        }
        return new IndexTable(file, bytes).entries();
    }

    private Map<String, byte[]> entries() throws CheckpointFormatException {
        if (bytes.length < FOOTER_LENGTH) {
            throw new CheckpointFormatException(file, "truncated file: " + bytes.length
                    + " bytes is shorter than the " + FOOTER_LENGTH + "-byte table footer");
        }
        long magic = littleEndianLong(bytes.length - 8);
        if (magic != TABLE_MAGIC) {
            throw new CheckpointFormatException(file, String.format(
                    "bad magic 0x%016x at end of file, expected 0x%016x (truncated, or not a TensorFlow V2 checkpoint index)",
                    magic, TABLE_MAGIC));
        }
        ByteCursor footer = new ByteCursor(bytes, bytes.length - FOOTER_LENGTH, bytes.length - 8, file, "footer");
        readHandle(footer); // metaindex block: TensorFlow writes no meta blocks, so it is not read
        ByteCursor indexBlock = block(footer, "index block");

        Map<String, byte[]> entries = new LinkedHashMap<>();
        int dataBlockNumber = 0;
        for (Entry index : blockEntries(indexBlock)) {
            ByteCursor handle = new ByteCursor(index.value, 0, index.value.length, file, "bad block: index entry");
            for (Entry entry : blockEntries(block(handle, "data block " + dataBlockNumber++))) {
                entries.put(new String(entry.key, StandardCharsets.UTF_8), entry.value);
            }
        }
        return entries;
    }

    /** A block handle is two varint64s: offset and size (size excludes the trailer). */
    private static long[] readHandle(ByteCursor in) throws CheckpointFormatException {
        return new long[] {in.readVarint64(), in.readVarint64()};
    }

    /**
     * Reads the block handle at {@code handleCursor}, checks the block's bounds, trailer type and
     * CRC, and returns a cursor over its contents.
     */
    private ByteCursor block(ByteCursor handleCursor, String what) throws CheckpointFormatException {
        long[] handle = readHandle(handleCursor);
        long offset = handle[0];
        long size = handle[1];
        long limit = bytes.length - FOOTER_LENGTH;
        if (offset < 0 || size < 0 || offset > limit || size > limit - offset - BLOCK_TRAILER_LENGTH) {
            throw new CheckpointFormatException(file, "bad block: " + what + " at offset " + offset
                    + " size " + size + " lies outside the " + bytes.length + "-byte file (truncated?)");
        }
        int start = (int) offset;
        int end = start + (int) size;
        int type = bytes[end] & 0xff;
        if (type == SNAPPY_COMPRESSION) {
            throw new CheckpointFormatException(file, "unsupported compression: " + what
                    + " is snappy-compressed; only uncompressed blocks are supported");
        }
        if (type != NO_COMPRESSION) {
            throw new CheckpointFormatException(file, "bad block: " + what + " has unknown compression type " + type);
        }
        int stored = new ByteCursor(bytes, end + 1, end + BLOCK_TRAILER_LENGTH, file, what).readFixed32();
        int actual = Crc32c.masked(bytes, start, (int) size + 1);
        if (stored != actual) {
            throw new CheckpointFormatException(file, String.format(
                    "crc mismatch: %s at offset %d stores masked crc32c 0x%08x, contents give 0x%08x",
                    what, offset, stored, actual));
        }
        return new ByteCursor(bytes, start, end, file, "bad block: " + what);
    }

    /**
     * Decodes a block: prefix-compressed entries (varint shared key length, varint unshared
     * length, varint value length, unshared key bytes, value), then a fixed32 restart offset
     * array and its fixed32 length. Entries are decoded sequentially from the start, so the
     * restart array is only used to find where the entries end.
     */
    private List<Entry> blockEntries(ByteCursor block) throws CheckpointFormatException {
        int size = block.remaining();
        if (size < 4) {
            throw block.error("block of " + size + " bytes has no restart count");
        }
        int restartCount = block.peekFixed32(size - 4);
        long restartBytes = 4L * restartCount + 4;
        if (restartCount < 1 || restartBytes > size) {
            throw block.error("restart count " + Integer.toUnsignedString(restartCount)
                    + " does not fit a block of " + size + " bytes");
        }
        ByteCursor in = block.slice(size - (int) restartBytes);
        List<Entry> entries = new ArrayList<>();
        byte[] key = new byte[0];
        while (in.hasRemaining()) {
            int shared = in.readVarint32();
            int unshared = in.readVarint32();
            int valueLength = in.readVarint32();
            if (shared > key.length) {
                throw in.error("entry shares " + shared + " key bytes but the previous key has " + key.length);
            }
            byte[] next = Arrays.copyOf(key, shared + unshared);
            System.arraycopy(in.readBytes(unshared), 0, next, shared, unshared);
            key = next;
            entries.add(new Entry(key, in.readBytes(valueLength)));
        }
        return entries;
    }

    private long littleEndianLong(int at) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xff);
        }
        return value;
    }

    private record Entry(byte[] key, byte[] value) {
    }
}
