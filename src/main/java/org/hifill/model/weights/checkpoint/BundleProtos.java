package org.hifill.model.weights.checkpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the two protobuf messages of a tensor bundle index
 * (tensorflow/core/protobuf/tensor_bundle.proto): the {@code BundleHeaderProto} stored under
 * the empty key and the {@code BundleEntryProto} stored under each tensor name.
 */
final class BundleProtos {

    /** {@code BundleHeaderProto.Endianness.LITTLE}; the proto default, so usually omitted. */
    private static final long LITTLE_ENDIAN = 0;

    private BundleProtos() {
    }

    /**
     * Reads the header's {@code num_shards} (field 1) after checking {@code endianness}
     * (field 2) is little-endian; {@code version} (field 3) is skipped.
     */
    static int numShards(byte[] header, Path file) throws CheckpointFormatException {
        ProtoReader in = reader(header, file, "bundle header");
        long numShards = 0;
        long endianness = LITTLE_ENDIAN;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> numShards = in.varint();
                case 2 -> endianness = in.varint();
                default -> in.skip();
            }
        }
        if (endianness != LITTLE_ENDIAN) {
            throw in.error("big-endian tensor data is not supported");
        }
        if (numShards < 1 || numShards > 99_999) {
            throw in.error("num_shards " + numShards + " out of range");
        }
        return (int) numShards;
    }

    /**
     * Decodes a {@code BundleEntryProto}: dtype=1, shape=2, shard_id=3, offset=4, size=5,
     * crc32c=6 (fixed32). Sliced (partitioned) variables, field 7, are rejected.
     */
    static TensorEntry entry(String name, byte[] value, Path file) throws CheckpointFormatException {
        ProtoReader in = reader(value, file, "entry '" + name + "'");
        int dtype = 0;
        long[] shape = new long[0];
        long shardId = 0;
        long offset = 0;
        long size = 0;
        int crc32c = 0;
        while (in.next()) {
            switch (in.field()) {
                case 1 -> dtype = (int) in.varint();
                case 2 -> shape = shape(in.message());
                case 3 -> shardId = in.varint();
                case 4 -> offset = in.varint();
                case 5 -> size = in.varint();
                case 6 -> crc32c = in.fixed32();
                case 7 -> throw in.error("sliced (partitioned) tensors are not supported");
                default -> in.skip();
            }
        }
        if (shardId < 0 || shardId > Integer.MAX_VALUE || offset < 0 || size < 0) {
            throw in.error("bad location: shard " + shardId + " offset " + offset + " size " + size);
        }
        return new TensorEntry(name, TfDataType.of(dtype), shape, (int) shardId, offset, size, crc32c);
    }

    /** {@code TensorShapeProto}: repeated dim=2 {size=1, name=2}, unknown_rank=3. */
    private static long[] shape(ProtoReader in) throws CheckpointFormatException {
        List<Long> dims = new ArrayList<>();
        while (in.next()) {
            switch (in.field()) {
                case 2 -> dims.add(dimSize(in.message()));
                case 3 -> {
                    if (in.varint() != 0) {
                        throw in.error("shape has unknown rank");
                    }
                }
                default -> in.skip();
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static long dimSize(ProtoReader in) throws CheckpointFormatException {
        long size = 0;
        while (in.next()) {
            if (in.field() == 1) {
                size = in.varint();
            } else {
                in.skip();
            }
        }
        if (size < 0) {
            throw in.error("shape has unknown dimension size " + size);
        }
        return size;
    }

    private static ProtoReader reader(byte[] bytes, Path file, String context) {
        return new ProtoReader(new ByteCursor(bytes, 0, bytes.length, file, context));
    }
}
