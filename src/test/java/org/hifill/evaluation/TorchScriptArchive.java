package org.hifill.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a TorchScript archive, the file {@code torch.jit.save} writes, without Python: a zip
 * whose entries sit in one folder named after the archive, holding
 * <ul>
 * <li>{@code version}: the file format version;</li>
 * <li>{@code code/__torch__.py}: the TorchScript source of the module's class, compiled by the
 * loader;</li>
 * <li>{@code data.pkl}: the module object pickled (protocol 2) the way libtorch's own pickler
 * does it: the class as a global, {@code NEWOBJ}, then a dict of its attributes and
 * {@code BUILD}; each tensor as {@code torch._utils._rebuild_tensor_v2(storage, offset, size,
 * stride, requires_grad, OrderedDict())}, its storage a persistent id
 * {@code ('storage', torch.FloatStorage, key, 'cpu', numel)};</li>
 * <li>{@code data/KEY}: each storage's raw little-endian float32 values;</li>
 * <li>{@code constants.pkl}: the pickled tuple of the code's tensor constants (none here).</li>
 * </ul>
 * Entries are stored uncompressed, as torch writes them.
 */
final class TorchScriptArchive {

    /** A float32 tensor, row-major. */
    record Tensor(long[] shape, float[] values) {
        Tensor {
            long count = 1;
            for (long s : shape) {
                count *= s;
            }
            if (count != values.length) {
                throw new IllegalArgumentException(values.length + " values for " + count + " elements");
            }
        }
    }

    private TorchScriptArchive() {}

    /**
     * Writes a module of class {@code __torch__.CLASS}, whose source is {@code source}, with the
     * given parameters (the source declares them) and {@code training = False}.
     */
    static void write(Path file, String className, String source, Map<String, Tensor> parameters) throws IOException {
        String folder = "archive/";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(folder + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        entries.put(folder + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
        Pickle data = new Pickle();
        data.global("__torch__", className).op(EMPTY_TUPLE).op(NEWOBJ).op(EMPTY_DICT).op(MARK);
        data.string("training").op(NEWFALSE);
        int key = 0;
        for (Map.Entry<String, Tensor> p : parameters.entrySet()) {
            data.string(p.getKey());
            tensor(data, p.getValue(), Integer.toString(key));
            entries.put(folder + "data/" + key, littleEndian(p.getValue().values()));
            key++;
        }
        data.op(SETITEMS).op(BUILD);
        entries.put(folder + "data.pkl", data.stop());
        entries.put(folder + "constants.pkl", new Pickle().op(EMPTY_TUPLE).stop());
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(stored(e.getKey(), e.getValue()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** {@code torch._utils._rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())}. */
    private static void tensor(Pickle p, Tensor t, String key) {
        p.global("torch._utils", "_rebuild_tensor_v2").op(MARK);
        p.op(MARK).string("storage").global("torch", "FloatStorage").string(key).string("cpu").integer(t.values().length)
                .op(TUPLE).op(BINPERSID);
        p.integer(0);
        p.op(MARK);
        for (long s : t.shape()) {
            p.integer(s);
        }
        p.op(TUPLE).op(MARK);
        long stride = 1;
        long[] strides = new long[t.shape().length];
        for (int i = strides.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= t.shape()[i];
        }
        for (long s : strides) {
            p.integer(s);
        }
        p.op(TUPLE).op(NEWFALSE);
        p.global("collections", "OrderedDict").op(EMPTY_TUPLE).op(REDUCE);
        p.op(TUPLE).op(REDUCE);
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static ZipEntry stored(String name, byte[] bytes) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        return e;
    }

    // Pickle opcodes (Python's pickletools) used here.
    private static final int MARK = '(';
    private static final int STOP = '.';
    private static final int BININT = 'J';
    private static final int BINUNICODE = 'X';
    private static final int GLOBAL = 'c';
    private static final int TUPLE = 't';
    private static final int EMPTY_TUPLE = ')';
    private static final int EMPTY_DICT = '}';
    private static final int SETITEMS = 'u';
    private static final int BUILD = 'b';
    private static final int REDUCE = 'R';
    private static final int BINPERSID = 'Q';
    private static final int NEWOBJ = 0x81;
    private static final int NEWFALSE = 0x89;
    private static final int PROTO = 0x80;

    /** A protocol 2 pickle being written. */
    private static final class Pickle {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Pickle() {
            bytes.write(PROTO);
            bytes.write(2);
        }

        Pickle op(int opcode) {
            bytes.write(opcode);
            return this;
        }

        Pickle global(String module, String name) {
            bytes.write(GLOBAL);
            bytes.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pickle string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            bytes.write(BINUNICODE);
            bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
            bytes.writeBytes(utf8);
            return this;
        }

        Pickle integer(long value) {
            bytes.write(BININT);
            bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Math.toIntExact(value)).array());
            return this;
        }

        byte[] stop() {
            bytes.write(STOP);
            return bytes.toByteArray();
        }
    }
}
