package org.hifill.model.weights.checkpoint;

import java.nio.file.Path;

/**
 * Bounds-checked sequential reader over a slice of a byte array, decoding the primitives
 * shared by LevelDB tables and the protobuf wire format: base-128 varints and
 * little-endian fixed32. Errors name the file and what was being read.
 */
final class ByteCursor {

    private final byte[] data;
    private final int end;
    private final Path file;
    private final String context;
    private int pos;

    ByteCursor(byte[] data, int from, int to, Path file, String context) {
        this.data = data;
        this.pos = from;
        this.end = to;
        this.file = file;
        this.context = context;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    int remaining() {
        return end - pos;
    }

    /** The little-endian fixed32 at {@code distance} bytes ahead, without moving. */
    int peekFixed32(int distance) throws CheckpointFormatException {
        int saved = pos;
        skip(distance);
        int value = readFixed32();
        pos = saved;
        return value;
    }

    /** Reads a varint of up to 64 bits (at most 10 bytes). */
    long readVarint64() throws CheckpointFormatException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(1);
            byte b = data[pos++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw error("varint longer than 10 bytes");
    }

    /** Reads a varint that must fit a non-negative int (lengths, sizes, counts). */
    int readVarint32() throws CheckpointFormatException {
        long value = readVarint64();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw error("length " + Long.toUnsignedString(value) + " out of range");
        }
        return (int) value;
    }

    int readFixed32() throws CheckpointFormatException {
        require(4);
        int value = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8
                | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
        pos += 4;
        return value;
    }

    /** Returns a cursor (same error context) over the next {@code length} bytes and moves past them. */
    ByteCursor slice(int length) throws CheckpointFormatException {
        require(length);
        ByteCursor sub = new ByteCursor(data, pos, pos + length, file, context);
        pos += length;
        return sub;
    }

    byte[] readBytes(int length) throws CheckpointFormatException {
        require(length);
        byte[] bytes = new byte[length];
        System.arraycopy(data, pos, bytes, 0, length);
        pos += length;
        return bytes;
    }

    void skip(int length) throws CheckpointFormatException {
        require(length);
        pos += length;
    }

    CheckpointFormatException error(String problem) {
        return new CheckpointFormatException(file, context + ": " + problem);
    }

    private void require(int length) throws CheckpointFormatException {
        if (length < 0 || end - pos < length) {
            throw error("truncated (needs " + length + " bytes at offset " + pos
                    + ", only " + (end - pos) + " left)");
        }
    }
}
