package org.hifill.server;

import java.io.IOException;
import org.hifill.image.ImageFormat;
import org.hifill.image.ImageFormatException;
import org.hifill.image.MaskReader;
import org.hifill.image.Photo;
import org.hifill.image.PhotoReader;
import org.hifill.image.PhotoWriter;
import org.hifill.image.WriteOptions;
import org.hifill.pipeline.HoleMask;
import org.hifill.pipeline.InpaintOptions;
import org.hifill.pipeline.InpaintResult;
import org.hifill.pipeline.Inpainter;

/**
 * One upload from bytes to bytes on a worker: decode, inpaint, encode. The client's going away is
 * checked between these stages and, inside the inpainting, between its stages (down-sampling,
 * network, aggregation) and regions; a stage already begun runs to its end.
 */
final class InpaintJob implements WorkerPool.Job<EncodedImage> {

    private final Inpainter inpainter;
    private final InpaintUpload upload;

    InpaintJob(Inpainter inpainter, InpaintUpload upload) {
        this.inpainter = inpainter;
        this.upload = upload;
    }

    @Override
    public EncodedImage run(Cancellation cancellation) throws ApiError, IOException {
        Photo photo;
        HoleMask mask;
        try {
            photo = PhotoReader.read(upload.image(), InpaintUpload.IMAGE);
            // The mask has the photo's size (InpaintUpload checked the headers).
            mask = MaskReader.read(upload.mask(), InpaintUpload.MASK, photo.width(), photo.height(), false,
                    warning -> {});
        } catch (ImageFormatException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        cancellation.check();
        InpaintOptions options = InpaintOptions.defaults().withStrategy(upload.strategy())
                .withCancellation(cancellation::isCancelled);
        InpaintResult result;
        try {
            result = inpainter.inpaint(photo.image(), mask, options);
        } catch (IllegalArgumentException e) {
            // The mask leaves too little context (Inpainter's documented refusal).
            throw ApiError.badRequest(e.getMessage());
        }
        cancellation.check();
        ImageFormat format = upload.format().orElse(resultFormat(photo));
        byte[] bytes = PhotoWriter.toBytes(result.image(), format,
                new WriteOptions(WriteOptions.DEFAULT_JPEG_QUALITY, photo.iccProfile()));
        return new EncodedImage(bytes, format.mediaType());
    }

    /** The photo's own format where it can be written; WebP comes back as PNG (lossless, like batch mode). */
    private static ImageFormat resultFormat(Photo photo) {
        ImageFormat own = ImageFormat.named(photo.format()).orElse(ImageFormat.PNG);
        return own.writable() ? own : ImageFormat.PNG;
    }
}
