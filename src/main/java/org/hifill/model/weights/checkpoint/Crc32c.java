package org.hifill.model.weights.checkpoint;

import java.util.zip.CRC32C;

/**
 * CRC32C as stored by LevelDB tables and TensorFlow bundles: masked, so that a CRC of data
 * that itself contains CRCs stays well distributed (leveldb/util/crc32c.h, {@code Mask}).
 */
final class Crc32c {

    private static final int MASK_DELTA = 0xa282ead8;

    private Crc32c() {
    }

    /** The masked CRC32C of {@code data[offset, offset + length)}. */
    static int masked(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return mask((int) crc.getValue());
    }

    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }
}
