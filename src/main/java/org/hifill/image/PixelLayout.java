package org.hifill.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;

/**
 * Brings decoded images to the layouts the pipeline handles: 1 to 4 bands (grey, grey+alpha, RGB,
 * RGBA), all of 8 or all of 16 bits, not premultiplied, labelled with Java's standard sRGB or grey
 * colour space. Pixels in an embedded colour profile keep their values; the profile travels beside
 * the image. Grey palettes become 8-bit grey; anything else (colour palettes, CMYK, packed 5-6-5,
 * odd bit depths, float samples) is converted to 8-bit RGB or RGBA.
 */
final class PixelLayout {

    /** An image in a supported layout and the profile its samples are in, or {@code null}. */
    record Normalized(BufferedImage image, ICC_Profile profile) {
    }

    private PixelLayout() {
    }

    /**
     * @param embedded the profile found in the file's metadata, for readers that leave the samples as
     *     stored and label them sRGB (PNG); dropped unless it matches the image's colours
     */
    static Normalized normalize(BufferedImage image, ICC_Profile embedded) {
        if (image.isAlphaPremultiplied()) {
            image.coerceData(false);
        }
        ColorModel cm = image.getColorModel();
        ColorSpace cs = cm.getColorSpace();
        if (cm instanceof IndexColorModel palette && isGrey(palette)) {
            return new Normalized(toGrey8(image, palette), null);
        }
        if (!hasSupportedSamples(image)) {
            return new Normalized(toRgb8(image), null);
        }
        if (isStandard(cs)) {
            return new Normalized(image, embedded != null && matches(embedded, cs.getType()) ? embedded : null);
        }
        if (cs instanceof ICC_ColorSpace icc && cm instanceof ComponentColorModel) {
            ColorSpace standard = ColorSpace.getInstance(cs.getType() == ColorSpace.TYPE_GRAY
                    ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
            ColorModel relabelled = new ComponentColorModel(standard, cm.getComponentSize(), cm.hasAlpha(), false,
                    cm.getTransparency(), cm.getTransferType());
            return new Normalized(new BufferedImage(relabelled, image.getRaster(), false, null), icc.getProfile());
        }
        return new Normalized(toRgb8(image), null);
    }

    /** Whether the pipeline can use the image as it is. */
    static boolean isSupported(BufferedImage image) {
        return hasSupportedSamples(image) && isStandard(image.getColorModel().getColorSpace())
                && !image.isAlphaPremultiplied();
    }

    private static boolean hasSupportedSamples(BufferedImage image) {
        ColorModel cm = image.getColorModel();
        int type = cm.getColorSpace().getType();
        int colours = cm.getNumColorComponents();
        boolean colourKind = type == ColorSpace.TYPE_RGB && colours == 3 || type == ColorSpace.TYPE_GRAY && colours == 1;
        boolean modelKind = cm instanceof ComponentColorModel
                && (cm.getTransferType() == DataBuffer.TYPE_BYTE || cm.getTransferType() == DataBuffer.TYPE_USHORT)
                || cm instanceof DirectColorModel;
        if (!colourKind || !modelKind || image.getRaster().getNumBands() != cm.getNumComponents()) {
            return false;
        }
        int[] sizes = image.getSampleModel().getSampleSize();
        for (int s : sizes) {
            if (s != sizes[0] || s != 8 && s != 16 || cm instanceof DirectColorModel && s != 8) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStandard(ColorSpace cs) {
        return cs == ColorSpace.getInstance(ColorSpace.CS_sRGB) || cs == ColorSpace.getInstance(ColorSpace.CS_GRAY);
    }

    private static boolean matches(ICC_Profile profile, int colorSpaceType) {
        int profileType = profile.getColorSpaceType();
        return profileType == colorSpaceType;
    }

    /** Whether a palette holds only opaque greys (as BMP and PNG store 8-bit and lower-depth grey). */
    private static boolean isGrey(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int rgb = palette.getRGB(i);
            if (rgb >>> 24 != 0xFF || (rgb >> 16 & 0xFF) != (rgb & 0xFF) || (rgb >> 8 & 0xFF) != (rgb & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage toGrey8(BufferedImage image, IndexColorModel palette) {
        int w = image.getWidth();
        var grey = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRaster().getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                row[x] = palette.getRGB(row[x]) & 0xFF;
            }
            grey.getRaster().setSamples(0, y, w, 1, 0, row);
        }
        return grey;
    }

    /** 8-bit RGB, or RGBA when the image has alpha, by Java 2D's colour conversion (palettes expanded). */
    static BufferedImage toRgb8(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(),
                alpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(null).filter(image, rgb);
        return rgb;
    }
}
