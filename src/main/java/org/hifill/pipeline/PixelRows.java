package org.hifill.pipeline;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * One row of a raster's samples as ints, pixel-interleaved. The common decoded layouts (one
 * sample per array element in a byte or ushort buffer: 8- and 16-bit grey, RGB, BGR, RGBA) are
 * read and written straight from the data array, which is several times faster than
 * {@code Raster.getPixels}; every other layout goes through {@code getPixels}/{@code setPixels}.
 */
final class PixelRows {

    private PixelRows() {}

    static void read(Raster raster, int x, int y, int w, int[] out) {
        Layout l = Layout.of(raster, x, y);
        if (l != null && raster.getDataBuffer() instanceof DataBufferByte b) {
            byte[] data = b.getData();
            for (int i = 0; i < w; i++) {
                int p = l.base + i * l.stride;
                for (int band = 0; band < l.offsets.length; band++) {
                    out[i * l.offsets.length + band] = data[p + l.offsets[band]] & 0xff;
                }
            }
        } else if (l != null && raster.getDataBuffer() instanceof DataBufferUShort u) {
            short[] data = u.getData();
            for (int i = 0; i < w; i++) {
                int p = l.base + i * l.stride;
                for (int band = 0; band < l.offsets.length; band++) {
                    out[i * l.offsets.length + band] = data[p + l.offsets[band]] & 0xffff;
                }
            }
        } else {
            raster.getPixels(x, y, w, 1, out);
        }
    }

    static void write(WritableRaster raster, int x, int y, int w, int[] in) {
        Layout l = Layout.of(raster, x, y);
        if (l != null && raster.getDataBuffer() instanceof DataBufferByte b) {
            byte[] data = b.getData();
            for (int i = 0; i < w; i++) {
                int p = l.base + i * l.stride;
                for (int band = 0; band < l.offsets.length; band++) {
                    data[p + l.offsets[band]] = (byte) in[i * l.offsets.length + band];
                }
            }
        } else if (l != null && raster.getDataBuffer() instanceof DataBufferUShort u) {
            short[] data = u.getData();
            for (int i = 0; i < w; i++) {
                int p = l.base + i * l.stride;
                for (int band = 0; band < l.offsets.length; band++) {
                    data[p + l.offsets[band]] = (short) in[i * l.offsets.length + band];
                }
            }
        } else {
            raster.setPixels(x, y, w, 1, in);
        }
    }

    /** Where pixel (x, y)'s samples start in a one-bank component raster, or null for other layouts. */
    private record Layout(int base, int stride, int[] offsets) {
        static Layout of(Raster raster, int x, int y) {
            DataBuffer buffer = raster.getDataBuffer();
            if (!(raster.getSampleModel() instanceof ComponentSampleModel c) || buffer.getNumBanks() != 1) {
                return null;
            }
            for (int bank : c.getBankIndices()) {
                if (bank != 0) {
                    return null;
                }
            }
            int base = buffer.getOffset() + (y - raster.getSampleModelTranslateY()) * c.getScanlineStride()
                    + (x - raster.getSampleModelTranslateX()) * c.getPixelStride();
            return new Layout(base, c.getPixelStride(), c.getBandOffsets());
        }
    }
}
