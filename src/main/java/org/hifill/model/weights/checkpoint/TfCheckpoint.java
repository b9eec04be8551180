package org.hifill.model.weights.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A TensorFlow V2 checkpoint ("tensor bundle") read without TensorFlow: the {@code .index}
 * table lists every tensor; its bytes sit in {@code .data-NNNNN-of-MMMMM} shards, which are
 * opened only when a tensor is read, so a checkpoint with just its index can still be listed.
 */
public final class TfCheckpoint implements AutoCloseable {

    private final Path prefix;
    private final Path indexFile;
    private final int numShards;
    private final Map<String, TensorEntry> entries;
    private final Map<Integer, FileChannel> openShards = new HashMap<>();

    private TfCheckpoint(Path prefix, Path indexFile, int numShards, Map<String, TensorEntry> entries) {
        this.prefix = prefix;
        this.indexFile = indexFile;
        this.numShards = numShards;
        this.entries = entries;
    }

    /**
     * Opens the checkpoint with this prefix (e.g. {@code /x/model.ckpt} for
     * {@code /x/model.ckpt.index}) and reads its index.
     */
    public static TfCheckpoint open(Path prefix) throws IOException {
        Path indexFile = Path.of(prefix + ".index");
        Map<String, byte[]> table = IndexTable.read(indexFile);
        byte[] header = table.remove("");
        if (header == null) {
            throw new CheckpointFormatException(indexFile, "bad bundle: no header entry under the empty key");
        }
        int numShards = BundleProtos.numShards(header, indexFile);
        Map<String, TensorEntry> entries = new TreeMap<>();
        for (Map.Entry<String, byte[]> row : table.entrySet()) {
            TensorEntry entry = BundleProtos.entry(row.getKey(), row.getValue(), indexFile);
            if (entry.shardId() >= numShards) {
                throw new CheckpointFormatException(indexFile, "entry '" + entry.name() + "' names shard "
                        + entry.shardId() + " but the bundle has " + numShards);
            }
            entries.put(entry.name(), entry);
        }
        return new TfCheckpoint(prefix, indexFile, numShards, entries);
    }

    /** The prefix this checkpoint was opened with. */
    public Path prefix() {
        return prefix;
    }

    /** Every tensor in the checkpoint, sorted by name. */
    public List<TensorEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The tensor with this name, if the checkpoint has it. */
    public Optional<TensorEntry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The data shard file holding tensors with this shard id: {@code <prefix>.data-%05d-of-%05d}. */
    public Path dataFile(int shardId) {
        return Path.of(String.format("%s.data-%05d-of-%05d", prefix, shardId, numShards));
    }

    /**
     * Reads a {@code DT_FLOAT} tensor's values in row-major (TensorFlow) order after checking
     * its byte size against its shape and its bytes against the stored masked CRC32C.
     */
    public float[] readFloats(String name) throws IOException {
        TensorEntry entry = entries.get(name);
        if (entry == null) {
            throw new CheckpointFormatException(indexFile, "missing tensor '" + name + "'");
        }
        if (entry.dtype() != TfDataType.DT_FLOAT) {
            throw new CheckpointFormatException(indexFile, "tensor '" + name + "' has dtype "
                    + entry.dtype() + ", readFloats needs DT_FLOAT");
        }
        if (entry.size() != entry.elementCount() * Float.BYTES || entry.size() > Integer.MAX_VALUE - 8) {
            throw new CheckpointFormatException(indexFile, "size mismatch: tensor '" + name + "' of shape ["
                    + entry.shapeString() + "] has size " + entry.size() + " bytes, expected "
                    + entry.elementCount() * Float.BYTES + " (and at most 2 GB)");
        }
        ByteBuffer bytes = readVerified(entry);
        float[] values = new float[(int) entry.elementCount()];
        bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private ByteBuffer readVerified(TensorEntry entry) throws IOException {
        Path file = dataFile(entry.shardId());
        FileChannel channel = shard(entry, file);
        long end = entry.offset() + entry.size();
        if (end > channel.size()) {
            throw new CheckpointFormatException(file, "truncated file: tensor '" + entry.name() + "' needs bytes "
                    + entry.offset() + ".." + end + " but the file has " + channel.size());
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) entry.size());
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, entry.offset() + bytes.position()) < 0) {
                throw new CheckpointFormatException(file, "truncated file while reading tensor '" + entry.name() + "'");
            }
        }
        // tensor_bundle.cc stores crc32c::Mask(crc32c of the tensor bytes).
        int actual = Crc32c.masked(bytes.array(), 0, bytes.capacity());
        if (actual != entry.crc32c()) {
            throw new CheckpointFormatException(file, String.format(
                    "crc mismatch: tensor '%s' at offset %d stores masked crc32c 0x%08x, bytes give 0x%08x",
                    entry.name(), entry.offset(), entry.crc32c(), actual));
        }
        return bytes.rewind();
    }

    private synchronized FileChannel shard(TensorEntry entry, Path file) throws IOException {
        FileChannel channel = openShards.get(entry.shardId());
        if (channel == null) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw new CheckpointFormatException(file, "missing data file, needed to read tensor '"
                        + entry.name() + "' listed in " + indexFile.getFileName());
            }
            openShards.put(entry.shardId(), channel);
        }
        return channel;
    }

    /** Closes any data shard files opened by reads. */
    @Override
    public synchronized void close() throws IOException {
        for (FileChannel channel : openShards.values()) {
            channel.close();
        }
        openShards.clear();
    }
}
