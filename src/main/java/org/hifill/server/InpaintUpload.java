package org.hifill.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.hifill.image.ImageFormat;
import org.hifill.image.ImageFormatException;
import org.hifill.image.PhotoReader;
import org.hifill.pipeline.Strategy;

/**
 * The fields of {@code POST /api/inpaint}, checked against the limits: {@code image} and
 * {@code mask} (held in memory, never on disk), optional {@code strategy} and {@code format}. The
 * photo's and the mask's sizes are read from their headers, so an oversized one, or a mask of
 * another size than the photo, is refused before anything is decoded.
 *
 * @param format the result's format; empty for the photo's own
 */
record InpaintUpload(byte[] image, byte[] mask, Strategy strategy, Optional<ImageFormat> format) {

    static final String IMAGE = "image";
    static final String MASK = "mask";

    /** Refuses a body over the limit from its declared length, before reading it. */
    static void checkLength(Context ctx, ServerLimits limits) throws ApiError {
        long length = ctx.req().getContentLengthLong();
        if (length > limits.maxUploadBytes()) {
            throw tooLarge(limits);
        }
    }

    static InpaintUpload read(Context ctx, ServerLimits limits) throws ApiError {
        if (!String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiError.badRequest("send the photo and the mask as multipart/form-data fields image and mask");
        }
        byte[] image = file(ctx, IMAGE, limits);
        byte[] mask = file(ctx, MASK, limits);
        Dimension imageSize = checkPixels(image, IMAGE, limits);
        Dimension maskSize = checkPixels(mask, MASK, limits);
        if (!maskSize.equals(imageSize)) {
            // Unlike the command line, which scales a mask of the photo's aspect ratio with a
            // warning, the API has no channel for warnings: a mask drawn on a preview is refused.
            throw ApiError.badRequest(String.format(Locale.ROOT, "mask: %dx%d, but the image is %dx%d; send the "
                    + "mask at the photo's size (white = hole)", maskSize.width, maskSize.height, imageSize.width,
                    imageSize.height));
        }
        return new InpaintUpload(image, mask, strategy(ctx.formParam("strategy")), format(ctx.formParam("format")));
    }

    private static byte[] file(Context ctx, String field, ServerLimits limits) throws ApiError {
        UploadedFile upload;
        try {
            upload = ctx.uploadedFile(field);
        } catch (Exception e) {
            // Jetty refuses a multipart body over its size limits, one it cannot parse, or one cut short
            // (an I/O exception, thrown through Kotlin code that does not declare it).
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).matches(".*(size|exceed|too large).*")) {
                throw tooLarge(limits);
            }
            throw ApiError.badRequest("the upload is not a readable multipart/form-data body");
        }
        if (upload == null) {
            throw ApiError.badRequest("the " + field + " field is missing: send the photo as image and the mask as mask");
        }
        try (InputStream in = upload.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw ApiError.badRequest("the " + field + " upload could not be read");
        }
    }

    /** The upright size from the header, refused when over the pixel limit. */
    private static Dimension checkPixels(byte[] bytes, String field, ServerLimits limits) throws ApiError {
        Dimension size;
        try {
            size = PhotoReader.probe(bytes, field);
        } catch (ImageFormatException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        long pixels = (long) size.width * size.height;
        if (pixels > limits.maxPixels()) {
            throw ApiError.tooLarge(String.format(Locale.ROOT,
                    "%s: %dx%d is %,d pixels; this server takes at most %,d", field, size.width, size.height,
                    pixels, limits.maxPixels()));
        }
        return size;
    }

    private static Strategy strategy(String name) throws ApiError {
        if (name == null || name.isBlank()) {
            return Strategy.AUTO;
        }
        try {
            return Strategy.parse(name.strip());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("strategy must be auto, whole or crop, not '" + name + "'");
        }
    }

    private static Optional<ImageFormat> format(String name) throws ApiError {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<ImageFormat> format = ImageFormat.named(name.strip()).filter(ImageFormat::writable);
        if (format.isEmpty()) {
            throw ApiError.badRequest("format must be one of " + String.join(", ", ServerInfo.writableFormats())
                    + ", not '" + name + "'");
        }
        return format;
    }

    private static ApiError tooLarge(ServerLimits limits) {
        return ApiError.tooLarge("the upload is over this server's limit of "
                + limits.maxUploadBytes() / (1024 * 1024) + " MB");
    }
}
