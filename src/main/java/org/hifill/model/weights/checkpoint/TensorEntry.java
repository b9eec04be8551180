package org.hifill.model.weights.checkpoint;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One tensor listed in a checkpoint index (a {@code BundleEntryProto}): where its raw
 * little-endian bytes live in the data shards and the masked CRC32C stored for them.
 *
 * @param name    the variable name, e.g. {@code generator/conv1/w}
 * @param dtype   element type
 * @param shape   dimension sizes, outermost first (TensorFlow order); empty for a scalar
 * @param shardId index of the data shard holding the bytes
 * @param offset  byte offset of the tensor in that shard
 * @param size    byte length of the tensor
 * @param crc32c  the CRC32C field exactly as stored (TensorFlow stores it masked)
 */
public record TensorEntry(String name, TfDataType dtype, long[] shape, int shardId, long offset,
                          long size, int crc32c) {

    public TensorEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
    }

    /** A copy of the dimension sizes. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Number of elements: the product of the dimensions (1 for a scalar). */
    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        return count;
    }

    /** Dimensions joined by {@code x}, e.g. {@code 3x3x64x1}; the empty string for a scalar. */
    public String shapeString() {
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorEntry that
                && name.equals(that.name) && dtype == that.dtype && Arrays.equals(shape, that.shape)
                && shardId == that.shardId && offset == that.offset && size == that.size
                && crc32c == that.crc32c;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), shardId, offset, size, crc32c);
    }

    @Override
    public String toString() {
        return "TensorEntry[" + name + " " + dtype + " [" + shapeString() + "] shard " + shardId
                + " @" + offset + "+" + size + " crc32c=" + Integer.toHexString(crc32c) + "]";
    }
}
