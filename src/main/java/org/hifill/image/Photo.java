package org.hifill.image;

import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A decoded photo, upright (EXIF orientation applied), with 1 to 4 bands (grey, grey+alpha, RGB,
 * RGBA) of 8 or 16 bits per sample.
 *
 * @param image the pixels
 * @param iccProfile the colour profile the pixels are in, as embedded in the source, to embed again
 *     on writing; {@code null} when the source had none (or its colours were converted to sRGB)
 * @param format the source's format: jpeg, png, webp, bmp or tiff ({@link ImageFormat#id()})
 * @param source where it was read from: the file's path, or the name of an upload held in memory
 */
public record Photo(BufferedImage image, ICC_Profile iccProfile, String format, String source) {

    public Photo {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
