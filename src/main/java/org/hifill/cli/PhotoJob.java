package org.hifill.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hifill.image.ImageOutputException;
import org.hifill.image.MaskReader;
import org.hifill.image.Photo;
import org.hifill.image.PhotoReader;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.hifill.pipeline.HoleMask;
import org.hifill.pipeline.InpaintOptions;
import org.hifill.pipeline.InpaintResult;
import org.hifill.pipeline.Inpainter;
import org.hifill.pipeline.Intermediates;

/** One photo from files to file: decode, read the mask, inpaint, encode (atomically). */
final class PhotoJob {

    private final Inpainter inpainter;
    private final InpaintOptions options;
    private final boolean invertMask;
    private final float quality;
    private final Consumer<String> warnings;

    PhotoJob(Inpainter inpainter, InpaintOptions options, boolean invertMask, float quality,
            Consumer<String> warnings) {
        this.inpainter = inpainter;
        this.options = options;
        this.invertMask = invertMask;
        this.quality = quality;
        this.warnings = warnings;
    }

    /** What one photo took. */
    record Report(Path output, int width, int height, long holePixels, int regions, Map<String, Double> millis) {
        String summary() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "%s: %dx%d, %d hole pixels, %d region%s;", output, width, height, holePixels, regions,
                    regions == 1 ? "" : "s"));
            millis.forEach((stage, ms) -> sb.append(String.format(Locale.ROOT, " %s %.0f ms", stage, ms)));
            return sb.toString();
        }
    }

    /**
     * @param pictures folder for the stage pictures, or {@code null}
     */
    Report run(Path image, Path mask, Path output, Path pictures) throws IOException {
        PhotoWriter.checkWritable(output, image, mask);
        if (pictures != null && Files.exists(pictures) && !Files.isDirectory(pictures)) {
            throw new ImageOutputException(pictures, "is a file, not a folder for the stage pictures");
        }
        Map<String, Double> millis = new LinkedHashMap<>();
        long t = System.nanoTime();
        Photo photo = PhotoReader.read(image);
        millis.put("decode", (System.nanoTime() - t) / 1e6);
        HoleMask hole = MaskReader.read(mask, photo.image().getWidth(), photo.image().getHeight(), invertMask,
                warnings);
        InpaintOptions run = options;
        if (pictures != null) {
            Files.createDirectories(pictures);
            run = options.withPictures(pictureWriter(pictures));
        }
        InpaintResult result;
        try {
            result = inpainter.inpaint(photo.image(), hole, run);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(image + ": " + e.getMessage(), e);
        }
        millis.putAll(result.times().asMillis());
        t = System.nanoTime();
        PhotoWriter.write(result.image(), output, new WriteOptions(quality, photo.iccProfile()));
        millis.put("encode", (System.nanoTime() - t) / 1e6);
        return new Report(output, photo.image().getWidth(), photo.image().getHeight(), hole.holeCount(),
                result.regions().size(), millis);
    }

    private static Intermediates pictureWriter(Path dir) {
        return (name, picture) -> {
            try {
                PhotoWriter.write(picture, dir.resolve(name + ".png"), WriteOptions.defaults());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
