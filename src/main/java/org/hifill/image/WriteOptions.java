package org.hifill.image;

import java.awt.color.ICC_Profile;

/**
 * How {@link PhotoWriter} encodes.
 *
 * @param jpegQuality JPEG quality from 0 (smallest) to 1 (best); ignored by the other formats
 * @param iccProfile the colour profile to embed (JPEG, PNG, TIFF), normally the source's
 *     {@link Photo#iccProfile()}; {@code null} for none
 */
public record WriteOptions(float jpegQuality, ICC_Profile iccProfile) {

    public static final float DEFAULT_JPEG_QUALITY = 0.95f;

    public WriteOptions {
        if (!(jpegQuality >= 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be between 0 and 1, not " + jpegQuality);
        }
    }

    /** Quality 0.95, no profile. */
    public static WriteOptions defaults() {
        return new WriteOptions(DEFAULT_JPEG_QUALITY, null);
    }

    public WriteOptions withJpegQuality(float quality) {
        return new WriteOptions(quality, iccProfile);
    }
}
