package org.hifill.image;

import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;

/**
 * The EXIF Orientation tag (1 to 8) and the turn or mirror that shows a photo upright. Orientation n
 * means the stored image is displayed after: 1 nothing, 2 a left-right mirror, 3 a half turn, 4 a
 * top-bottom mirror, 5 a transpose, 6 a quarter turn clockwise, 7 a transverse (anti-diagonal)
 * mirror, 8 a quarter turn anticlockwise.
 */
final class ExifOrientation {

    static final int UPRIGHT = 1;
    private static final int TILE = 256;

    private ExifOrientation() {
    }

    /** The file's orientation; {@link #UPRIGHT} without one, or when the metadata cannot be parsed. */
    static int of(ImageSource source, ImageFormat format) {
        try {
            Metadata metadata = source.metadata(format);
            for (ExifIFD0Directory d : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (d.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int o = d.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return o >= 1 && o <= 8 ? o : UPRIGHT;
                }
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // Damaged metadata does not stop the pixels from being read; the photo is shown as stored.
        }
        return UPRIGHT;
    }

    /** Whether the orientation exchanges width and height. */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5;
    }

    /** The image shown upright: a new image with the same colour model and raster layout. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation == UPRIGHT) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = swapsAxes(orientation);
        WritableRaster src = image.getRaster();
        WritableRaster dst = src.createCompatibleWritableRaster(swap ? h : w, swap ? w : h);
        Mapping map = Mapping.of(orientation, w, h);
        int bands = src.getNumBands();
        int[] in = new int[TILE * TILE * bands];
        int[] out = new int[TILE * TILE * bands];
        // Tile by tile, so that a quarter turn of an 8K photo reads and writes memory in blocks.
        for (int ty = 0; ty < h; ty += TILE) {
            for (int tx = 0; tx < w; tx += TILE) {
                int tw = Math.min(TILE, w - tx);
                int th = Math.min(TILE, h - ty);
                src.getPixels(tx, ty, tw, th, in);
                int x0 = Math.min(map.x(tx, ty), map.x(tx + tw - 1, ty + th - 1));
                int y0 = Math.min(map.y(tx, ty), map.y(tx + tw - 1, ty + th - 1));
                int dw = swap ? th : tw;
                for (int j = 0; j < th; j++) {
                    for (int i = 0; i < tw; i++) {
                        int from = (j * tw + i) * bands;
                        int to = ((map.y(tx + i, ty + j) - y0) * dw + map.x(tx + i, ty + j) - x0) * bands;
                        for (int b = 0; b < bands; b++) {
                            out[to + b] = in[from + b];
                        }
                    }
                }
                dst.setPixels(x0, y0, dw, swap ? tw : th, out);
            }
        }
        return new BufferedImage(image.getColorModel(), dst, image.isAlphaPremultiplied(), null);
    }

    /** Where a stored pixel (x, y) goes: x' = xx*x + xy*y + x0, y' = yx*x + yy*y + y0. */
    private record Mapping(int xx, int xy, int x0, int yx, int yy, int y0) {

        static Mapping of(int orientation, int w, int h) {
            return switch (orientation) {
                case 2 -> new Mapping(-1, 0, w - 1, 0, 1, 0);
                case 3 -> new Mapping(-1, 0, w - 1, 0, -1, h - 1);
                case 4 -> new Mapping(1, 0, 0, 0, -1, h - 1);
                case 5 -> new Mapping(0, 1, 0, 1, 0, 0);
                case 6 -> new Mapping(0, -1, h - 1, 1, 0, 0);
                case 7 -> new Mapping(0, -1, h - 1, -1, 0, w - 1);
                case 8 -> new Mapping(0, 1, 0, -1, 0, w - 1);
                default -> new Mapping(1, 0, 0, 0, 1, 0);
            };
        }

        int x(int x, int y) {
            return xx * x + xy * y + x0;
        }

        int y(int x, int y) {
            return yx * x + yy * y + y0;
        }
    }
}
