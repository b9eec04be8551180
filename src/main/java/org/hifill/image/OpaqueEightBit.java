package org.hifill.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Grey or RGB at 8 bits without alpha, for the formats that hold nothing else (JPEG, BMP): 16-bit
 * samples are rounded to 8 bits, and alpha is flattened onto white.
 */
final class OpaqueEightBit {

    private OpaqueEightBit() {
    }

    static BufferedImage of(BufferedImage image) {
        BufferedImage src = PixelLayout.isSupported(image) ? image : PixelLayout.toRgb8(image);
        boolean alpha = src.getColorModel().hasAlpha();
        int bits = src.getSampleModel().getSampleSize(0);
        if (!alpha && bits == 8) {
            return src;
        }
        boolean grey = src.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int w = src.getWidth();
        var out = new BufferedImage(w, src.getHeight(), grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        Raster in = src.getRaster();
        WritableRaster to = out.getRaster();
        int bands = in.getNumBands();
        int colours = grey ? 1 : 3;
        long max = (1L << bits) - 1;
        int[] row = new int[w * bands];
        int[] result = new int[w * colours];
        for (int y = 0; y < src.getHeight(); y++) {
            in.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                long a = alpha ? row[x * bands + colours] : max;
                for (int c = 0; c < colours; c++) {
                    // c*a + white*(1-a), then from 0..max to 0..255, both rounded
                    long flat = (row[x * bands + c] * a + max * (max - a) + max / 2) / max;
                    result[x * colours + c] = (int) ((flat * 255 + max / 2) / max);
                }
            }
            to.setPixels(0, y, w, 1, result);
        }
        return out;
    }
}
