package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;

/** Synthetic photos in several raster layouts, and checks on what the pipeline did to them. */
final class Photos {

    private Photos() {}

    /**
     * Interleaved 8-bit RGB of a textured picture: smooth waves plus noise. Red stays in [5, 45]
     * so that a bright red fill changes every pixel it reaches.
     */
    static int[] texture(int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rgb = new int[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = 3 * (y * w + x);
                rgb[p] = clamp(25 + 15 * Math.sin(x / 37.0 + y / 53.0) + random.nextInt(-4, 5), 5, 45);
                rgb[p + 1] = clamp(128 + 80 * Math.sin(x / 23.0) * Math.cos(y / 31.0) + random.nextInt(-20, 21), 0, 255);
                rgb[p + 2] = clamp(40 + 170.0 * (x + y) / (w + h) + random.nextInt(-10, 11), 0, 255);
            }
        }
        return rgb;
    }

    /** Interleaved 8-bit RGB, every sample independent and uniform in [lo, hi]: large residuals. */
    static int[] noise(int w, int h, long seed, int lo, int hi) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rgb = new int[3 * w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextInt(lo, hi + 1);
        }
        return rgb;
    }

    private static int clamp(double v, int lo, int hi) {
        return (int) Math.max(lo, Math.min(hi, Math.round(v)));
    }

    /** A 16-bit RGB image without alpha (TYPE_CUSTOM). */
    static BufferedImage rgb16(int w, int h) {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
    }

    /** An 8-bit RGB picture in a BufferedImage of the given type (alpha, if any, opaque). */
    static BufferedImage image(int[] rgb, int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        WritableRaster raster = image.getRaster();
        int bands = raster.getNumBands();
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = 3 * (y * w + x);
                for (int c = 0; c < Math.min(3, bands); c++) {
                    row[x * bands + c] = rgb[p + c];
                }
                if (bands == 4) {
                    row[x * bands + 3] = 255;
                }
            }
            raster.setPixels(0, y, w, 1, row);
        }
        return image;
    }

    /** Every sample of the raster (colour and alpha), row-major, pixel-interleaved. */
    static int[] samples(BufferedImage image) {
        Raster r = image.getRaster();
        return r.getPixels(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), (int[]) null);
    }

    /**
     * Every pixel that the outward feather cannot reach is bit-identical (all bands): a pixel that
     * changed must have a hole pixel closer than {@code radius} (the feather's chamfer distance is
     * never shorter than the Euclidean one, and its weight is 0 from {@code radius} on).
     *
     * @return the number of pixels that changed
     */
    static long assertUnchangedBeyondFeather(BufferedImage in, BufferedImage out, HoleMask mask, int radius) {
        assertThat(out.getWidth()).isEqualTo(in.getWidth());
        assertThat(out.getHeight()).isEqualTo(in.getHeight());
        Raster a = in.getRaster();
        Raster b = out.getRaster();
        assertThat(b.getNumBands()).isEqualTo(a.getNumBands());
        int w = in.getWidth();
        int bands = a.getNumBands();
        int[] ra = new int[w * bands];
        int[] rb = new int[w * bands];
        long changed = 0;
        for (int y = 0; y < in.getHeight(); y++) {
            a.getPixels(a.getMinX(), a.getMinY() + y, w, 1, ra);
            b.getPixels(b.getMinX(), b.getMinY() + y, w, 1, rb);
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < bands; c++) {
                    if (ra[x * bands + c] != rb[x * bands + c]) {
                        changed++;
                        if (!holeWithin(mask, x, y, radius)) {
                            fail("pixel (%d, %d) band %d changed from %d to %d but no hole is within %d px",
                                    x, y, c, ra[x * bands + c], rb[x * bands + c], radius);
                        }
                        break;
                    }
                }
            }
        }
        return changed;
    }

    /** Whether a hole pixel lies at Euclidean distance below {@code radius} from (x, y). */
    static boolean holeWithin(HoleMask mask, int x, int y, int radius) {
        for (int dy = -radius; dy <= radius; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= mask.height()) {
                continue;
            }
            for (int dx = -radius; dx <= radius; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < mask.width() && dx * dx + dy * dy < radius * radius && mask.isHole(xx, yy)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every hole pixel differs from the input in at least one colour band. */
    static void assertEveryHolePixelChanged(BufferedImage in, BufferedImage out, HoleMask mask) {
        Raster a = in.getRaster();
        Raster b = out.getRaster();
        int[] pa = new int[a.getNumBands()];
        int[] pb = new int[b.getNumBands()];
        long holes = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = mask.nextHole(y, 0, mask.width()); x >= 0;
                    x = x + 1 < mask.width() ? mask.nextHole(y, x + 1, mask.width()) : -1) {
                holes++;
                a.getPixel(a.getMinX() + x, a.getMinY() + y, pa);
                b.getPixel(b.getMinX() + x, b.getMinY() + y, pb);
                if (java.util.Arrays.equals(pa, pb)) {
                    fail("hole pixel (%d, %d) was left as it was: %s", x, y, java.util.Arrays.toString(pa));
                }
            }
        }
        assertThat(holes).isEqualTo(mask.holeCount());
    }

    static HoleMask mask(int w, int h, java.awt.Rectangle... holes) {
        HoleMask mask = new HoleMask(w, h);
        for (java.awt.Rectangle r : holes) {
            mask.fill(r);
        }
        return mask;
    }
}
