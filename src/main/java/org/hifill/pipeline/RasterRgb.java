package org.hifill.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Colour samples of a photo's raster as RGB floats on the 0..255 scale, whatever its layout: 1
 * band (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA), 8 or 16 bits per sample. Alpha is never
 * read or written. Reads and writes go row by row ({@link PixelRows}), so no full-size copy is made.
 */
public final class RasterRgb {

    private final int bands;
    private final int colourBands;
    private final float toByteScale;
    private final ByteRgb bytes;

    private RasterRgb(int bands, int colourBands, int bitsPerSample, ByteRgb bytes) {
        this.bands = bands;
        this.colourBands = colourBands;
        this.toByteScale = 255f / ((1 << bitsPerSample) - 1);
        this.bytes = bytes;
    }

    /**
     * The accessor for an image's raster.
     *
     * @throws IllegalArgumentException for a layout outside the supported ones
     */
    public static RasterRgb of(BufferedImage image) {
        if (image.getColorModel() instanceof IndexColorModel) {
            // One band of palette indices looks like grey, but its samples are not colours.
            throw new IllegalArgumentException("unsupported raster: palette (indexed) colours; convert the image to RGB");
        }
        Raster r = image.getRaster();
        int bands = r.getNumBands();
        int bits = r.getSampleModel().getSampleSize(0);
        for (int b = 1; b < bands; b++) {
            if (r.getSampleModel().getSampleSize(b) != bits) {
                throw new IllegalArgumentException("unsupported raster: bands of different bit depths");
            }
        }
        if (bands < 1 || bands > 4 || (bits != 8 && bits != 16)) {
            throw new IllegalArgumentException("unsupported raster: " + bands + " bands of " + bits + " bits");
        }
        boolean alpha = image.getColorModel().hasAlpha();
        int colour = alpha ? bands - 1 : bands;
        if (colour != 1 && colour != 3) {
            throw new IllegalArgumentException("unsupported raster: " + colour + " colour bands");
        }
        return new RasterRgb(bands, colour, bits, colour == 3 && bits == 8 ? ByteRgb.of(r) : null);
    }

    /** Samples per pixel in the raster (colour and alpha). */
    public int bands() {
        return bands;
    }

    /** Scratch row buffer for {@link #readRow} and {@link #blendRow}. */
    public int[] newScratch(int width) {
        return new int[width * bands];
    }

    /**
     * Reads {@code w} pixels of row y from x into {@code rgb} as r, g, b triples (0..255).
     */
    public void readRow(Raster raster, int x, int y, int w, float[] rgb, int[] scratch) {
        if (bytes != null && bytes.isOf(raster)) {
            bytes.read(x, y, w, rgb);
            return;
        }
        PixelRows.read(raster, x, y, w, scratch);
        for (int i = 0; i < w; i++) {
            int s = i * bands;
            if (colourBands == 1) {
                float v = scratch[s] * toByteScale;
                rgb[3 * i] = v;
                rgb[3 * i + 1] = v;
                rgb[3 * i + 2] = v;
            } else {
                rgb[3 * i] = scratch[s] * toByteScale;
                rgb[3 * i + 1] = scratch[s + 1] * toByteScale;
                rgb[3 * i + 2] = scratch[s + 2] * toByteScale;
            }
        }
    }

    /**
     * Blends {@code rgb} (0..255) into {@code w} pixels of row y from x with weights in [0, 1]:
     * {@code out = raw * (1 - weight) + rgb * weight}; pixels of weight 0 are not touched, so they
     * stay bit-identical, and alpha is kept.
     */
    public void blendRow(WritableRaster raster, int x, int y, int w, float[] rgb, float[] weight, int[] scratch) {
        if (bytes != null && bytes.isOf(raster)) {
            bytes.blend(x, y, w, rgb, weight);
            return;
        }
        PixelRows.read(raster, x, y, w, scratch);
        float max = 255f / toByteScale;
        boolean changed = false;
        for (int i = 0; i < w; i++) {
            float a = weight[i];
            if (a <= 0f) {
                continue;
            }
            changed = true;
            int s = i * bands;
            if (colourBands == 1) {
                float grey = 0.299f * rgb[3 * i] + 0.587f * rgb[3 * i + 1] + 0.114f * rgb[3 * i + 2];
                scratch[s] = blend(scratch[s], grey / toByteScale, a, max);
            } else {
                for (int c = 0; c < 3; c++) {
                    scratch[s + c] = blend(scratch[s + c], rgb[3 * i + c] / toByteScale, a, max);
                }
            }
        }
        if (changed) {
            PixelRows.write(raster, x, y, w, scratch);
        }
    }

    /**
     * Direct access to 8-bit RGB or BGR pixels in one byte array (alpha, if any, untouched), the
     * layout of most decoded photos: no per-pixel calls and no int round trip.
     */
    private static final class ByteRgb {
        private final Raster raster;
        private final byte[] data;
        private final int base;
        private final int pixelStride;
        private final int scanlineStride;
        private final int r;
        private final int g;
        private final int b;

        private ByteRgb(Raster raster, byte[] data, int base, int pixelStride, int scanlineStride, int[] offsets) {
            this.raster = raster;
            this.data = data;
            this.base = base;
            this.pixelStride = pixelStride;
            this.scanlineStride = scanlineStride;
            this.r = offsets[0];
            this.g = offsets[1];
            this.b = offsets[2];
        }

        static ByteRgb of(Raster raster) {
            if (!(raster.getSampleModel() instanceof java.awt.image.ComponentSampleModel c)
                    || !(raster.getDataBuffer() instanceof java.awt.image.DataBufferByte buffer)
                    || buffer.getNumBanks() != 1) {
                return null;
            }
            for (int bank : c.getBankIndices()) {
                if (bank != 0) {
                    return null;
                }
            }
            int base = buffer.getOffset() - raster.getSampleModelTranslateY() * c.getScanlineStride()
                    - raster.getSampleModelTranslateX() * c.getPixelStride();
            return new ByteRgb(raster, buffer.getData(), base, c.getPixelStride(), c.getScanlineStride(),
                    c.getBandOffsets());
        }

        boolean isOf(Raster other) {
            return other == raster;
        }

        void read(int x, int y, int w, float[] rgb) {
            int p = base + y * scanlineStride + x * pixelStride;
            for (int i = 0; i < w; i++, p += pixelStride) {
                rgb[3 * i] = data[p + r] & 0xff;
                rgb[3 * i + 1] = data[p + g] & 0xff;
                rgb[3 * i + 2] = data[p + b] & 0xff;
            }
        }

        void blend(int x, int y, int w, float[] rgb, float[] weight) {
            int p = base + y * scanlineStride + x * pixelStride;
            for (int i = 0; i < w; i++, p += pixelStride) {
                float a = weight[i];
                if (a <= 0f) {
                    continue;
                }
                if (a >= 1f) {
                    data[p + r] = (byte) (int) (rgb[3 * i] + 0.5f);
                    data[p + g] = (byte) (int) (rgb[3 * i + 1] + 0.5f);
                    data[p + b] = (byte) (int) (rgb[3 * i + 2] + 0.5f);
                } else {
                    data[p + r] = (byte) RasterRgb.blend(data[p + r] & 0xff, rgb[3 * i], a, 255f);
                    data[p + g] = (byte) RasterRgb.blend(data[p + g] & 0xff, rgb[3 * i + 1], a, 255f);
                    data[p + b] = (byte) RasterRgb.blend(data[p + b] & 0xff, rgb[3 * i + 2], a, 255f);
                }
            }
        }
    }

    private static int blend(int raw, float fill, float weight, float max) {
        float v = raw + (fill - raw) * weight;
        // v is clamped to [0, max], so adding one half and truncating rounds it.
        return (int) (Math.max(0f, Math.min(max, v)) + 0.5f);
    }
}
