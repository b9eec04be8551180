package org.hifill.training.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hifill.image.PhotoReader;

/**
 * Decoded photos kept in memory, least recently used first out, up to a budget of bytes: decoding
 * a 2560 x 1600 JPEG costs more than cropping it. Safe for several threads; two threads may
 * decode the same photo at once, which costs time but never changes a result.
 */
final class PhotoCache {

    private final long budgetBytes;
    private final Map<Path, BufferedImage> photos = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    PhotoCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    BufferedImage get(Path file) throws IOException {
        synchronized (this) {
            BufferedImage cached = photos.get(file);
            if (cached != null) {
                return cached;
            }
        }
        BufferedImage image = PhotoReader.read(file).image();
        long bytes = bytes(image);
        synchronized (this) {
            if (bytes <= budgetBytes && !photos.containsKey(file)) {
                photos.put(file, image);
                usedBytes += bytes;
                var eldest = photos.entrySet().iterator();
                while (usedBytes > budgetBytes) {
                    usedBytes -= bytes(eldest.next().getValue());
                    eldest.remove();
                }
            }
        }
        return image;
    }

    private static long bytes(BufferedImage image) {
        DataBuffer buffer = image.getRaster().getDataBuffer();
        return (long) buffer.getSize() * buffer.getNumBanks() * DataBuffer.getDataTypeSize(buffer.getDataType()) / 8;
    }
}
