package org.hifill.pipeline;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
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
        SampleModel sm = raster.getSampleModel();
        DataBuffer buffer = raster.getDataBuffer();
        if (sm instanceof ComponentSampleModel c && buffer.getNumBanks() == 1 && singleBank(c)) {
            int bands = c.getNumBands();
            int[] offsets = c.getBandOffsets();
            int stride = c.getPixelStride();
            int base = buffer.getOffset() + (y - raster.getSampleModelTranslateY()) * c.getScanlineStride()
                    + (x - raster.getSampleModelTranslateX()) * stride;
            if (buffer instanceof DataBufferByte b) {
                byte[] data = b.getData();
                if (bands == 3) {
                    int o0 = offsets[0];
                    int o1 = offsets[1];
                    int o2 = offsets[2];
                    for (int i = 0, p = base; i < w; i++, p += stride) {
                        out[3 * i] = data[p + o0] & 0xff;
                        out[3 * i + 1] = data[p + o1] & 0xff;
                        out[3 * i + 2] = data[p + o2] & 0xff;
                    }
                    return;
                }
                for (int i = 0; i < w; i++) {
                    int p = base + i * stride;
                    for (int band = 0; band < bands; band++) {
                        out[i * bands + band] = data[p + offsets[band]] & 0xff;
                    }
                }
                return;
            }
            if (buffer instanceof DataBufferUShort u) {
                short[] data = u.getData();
                for (int i = 0; i < w; i++) {
                    int p = base + i * stride;
                    for (int band = 0; band < bands; band++) {
                        out[i * bands + band] = data[p + offsets[band]] & 0xffff;
                    }
                }
                return;
            }
        }
        raster.getPixels(x, y, w, 1, out);
    }

    static void write(WritableRaster raster, int x, int y, int w, int[] in) {
        SampleModel sm = raster.getSampleModel();
        DataBuffer buffer = raster.getDataBuffer();
        if (sm instanceof ComponentSampleModel c && buffer.getNumBanks() == 1 && singleBank(c)) {
            int bands = c.getNumBands();
            int[] offsets = c.getBandOffsets();
            int stride = c.getPixelStride();
            int base = buffer.getOffset() + (y - raster.getSampleModelTranslateY()) * c.getScanlineStride()
                    + (x - raster.getSampleModelTranslateX()) * stride;
            if (buffer instanceof DataBufferByte b) {
                byte[] data = b.getData();
                for (int i = 0; i < w; i++) {
                    int p = base + i * stride;
                    for (int band = 0; band < bands; band++) {
                        data[p + offsets[band]] = (byte) in[i * bands + band];
                    }
                }
                return;
            }
            if (buffer instanceof DataBufferUShort u) {
                short[] data = u.getData();
                for (int i = 0; i < w; i++) {
                    int p = base + i * stride;
                    for (int band = 0; band < bands; band++) {
                        data[p + offsets[band]] = (short) in[i * bands + band];
                    }
                }
                return;
            }
        }
        raster.setPixels(x, y, w, 1, in);
    }

    private static boolean singleBank(ComponentSampleModel c) {
        for (int bank : c.getBankIndices()) {
            if (bank != 0) {
                return false;
            }
        }
        return true;
    }
}
