package org.hifill.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.hifill.pipeline.HoleMask;

/**
 * Reads a mask image (any format {@link PhotoReader} reads) as the photo's hole.
 *
 * <p>Which pixels are hole: "bright" means above half the sample range (above 127 for 8 bits,
 * above 32767 for 16 bits).
 * <ul>
 *   <li>If the mask has an alpha channel and at least one pixel is not fully opaque, the mask is a
 *       painted layer: a pixel is hole where its alpha is bright, whatever its colour.
 *   <li>Otherwise a pixel is hole where its brightest colour sample (the grey value, or the maximum
 *       of red, green and blue) is bright: white, or any strong colour, on black.
 *   <li>{@code invert} swaps hole and kept pixels, for masks that paint the hole black.
 * </ul>
 * A mask of another size but the photo's aspect ratio is scaled to it by nearest neighbour, with a
 * warning. It has the photo's aspect ratio if scaling the photo by one factor gives the mask's
 * width and height within one pixel each.
 */
public final class MaskReader {

    private MaskReader() {
    }

    public static HoleMask read(Path file, int width, int height, boolean invert, Consumer<String> warnings)
            throws ImageFormatException {
        return read(ImageSource.of(file), String.valueOf(file.getFileName()), width, height, invert, warnings);
    }

    /** Reads a mask held in memory, such as an upload; {@code name} stands for it in messages. */
    public static HoleMask read(byte[] bytes, String name, int width, int height, boolean invert,
            Consumer<String> warnings) throws ImageFormatException {
        return read(ImageSource.of(bytes, name), name, width, height, invert, warnings);
    }

    private static HoleMask read(ImageSource source, String shortName, int width, int height, boolean invert,
            Consumer<String> warnings) throws ImageFormatException {
        BufferedImage image = PhotoReader.read(source).image();
        int mw = image.getWidth();
        int mh = image.getHeight();
        if (mw != width || mh != height) {
            if (!sameAspect(mw, mh, width, height)) {
                throw source.problem("mask is " + mw + "x" + mh + " but the photo is " + width + "x"
                        + height + ": not the same aspect ratio");
            }
            warnings.accept(shortName + " is " + mw + "x" + mh + ", resized to " + width + "x" + height
                    + " (nearest)");
        }
        Raster raster = image.getRaster();
        Rule rule = Rule.of(image);
        var mask = new HoleMask(width, height);
        int[] columns = nearest(mw, width);
        int[] samples = new int[mw * raster.getNumBands()];
        boolean[] sourceRow = new boolean[mw];
        int loaded = -1;
        for (int y = 0; y < height; y++) {
            int sy = (int) ((2L * y + 1) * mh / (2L * height));
            if (sy != loaded) {
                raster.getPixels(0, sy, mw, 1, samples);
                for (int x = 0; x < mw; x++) {
                    sourceRow[x] = rule.isHole(samples, x) != invert;
                }
                loaded = sy;
            }
            setRuns(mask, y, sourceRow, columns);
        }
        return mask;
    }

    /** Whether one scale factor s gives |s*w - mw| <= 1 and |s*h - mh| <= 1. */
    static boolean sameAspect(int mw, int mh, int w, int h) {
        // The intervals of s, [(mw-1)/w, (mw+1)/w] and [(mh-1)/h, (mh+1)/h], overlap.
        return (long) (mw - 1) * h <= (long) (mh + 1) * w && (long) (mh - 1) * w <= (long) (mw + 1) * h;
    }

    /** For each of {@code to} pixels, the source pixel whose centre is nearest, of {@code from}. */
    private static int[] nearest(int from, int to) {
        int[] map = new int[to];
        for (int i = 0; i < to; i++) {
            map[i] = (int) ((2L * i + 1) * from / (2L * to));
        }
        return map;
    }

    private static void setRuns(HoleMask mask, int y, boolean[] sourceRow, int[] columns) {
        int x = 0;
        while (x < columns.length) {
            if (!sourceRow[columns[x]]) {
                x++;
                continue;
            }
            int start = x;
            while (x < columns.length && sourceRow[columns[x]]) {
                x++;
            }
            mask.fill(new Rectangle(start, y, x - start, 1));
        }
    }

    /** Which samples of a pixel decide, and the threshold. */
    private record Rule(int bands, int first, int count, int threshold) {

        static Rule of(BufferedImage image) {
            Raster raster = image.getRaster();
            int bands = raster.getNumBands();
            int threshold = (1 << image.getSampleModel().getSampleSize(0)) / 2 - 1;
            boolean alpha = image.getColorModel().hasAlpha();
            if (alpha && hasTransparency(raster, bands - 1)) {
                return new Rule(bands, bands - 1, 1, threshold);
            }
            return new Rule(bands, 0, alpha ? bands - 1 : bands, threshold);
        }

        boolean isHole(int[] samples, int x) {
            int at = x * bands + first;
            for (int b = 0; b < count; b++) {
                if (samples[at + b] > threshold) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasTransparency(Raster raster, int alphaBand) {
            int opaque = (1 << raster.getSampleModel().getSampleSize(alphaBand)) - 1;
            int[] row = new int[raster.getWidth()];
            for (int y = 0; y < raster.getHeight(); y++) {
                raster.getSamples(0, y, raster.getWidth(), 1, alphaBand, row);
                for (int a : row) {
                    if (a != opaque) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
