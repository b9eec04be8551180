package org.hifill.pipeline;

import ai.djl.ndarray.NDManager;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.ModelFormatException;

/**
 * The one entry point for inpainting photos of any size: {@code Inpainter.load(modelDir)
 * .inpaint(photo, mask, options)}. Used by the command line, the server and batch jobs.
 *
 * <p>Thread-safe: one instance may serve several threads at once; each call holds its own native
 * memory and releases it before returning. Close it to release the model.
 */
public final class Inpainter implements AutoCloseable {

    /** Holes covering more than this share of a photo leave too little context to fill from. */
    public static final double MAX_HOLE_FRACTION = 0.9;

    private final LowResolutionModel model;
    private final NDManager manager;

    private Inpainter(LowResolutionModel model, NDManager manager) {
        this.model = model;
        this.manager = manager;
    }

    /** Loads a native model directory. */
    public static Inpainter load(Path modelDir) throws ModelFormatException {
        NDManager manager = NDManager.newBaseManager();
        try {
            ModelDirectory.Loaded loaded = ModelDirectory.load(modelDir, manager);
            return new Inpainter(new GeneratorModel(loaded.generator(), manager), manager);
        } catch (ModelFormatException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** An inpainter around any network stage; close it to release its engine resources. */
    public static Inpainter of(LowResolutionModel model) {
        return new Inpainter(model, NDManager.newBaseManager());
    }

    /**
     * Fills the holes of a photo. The photo is not changed; the result has its size and raster
     * layout, and every pixel that the outward feather does not reach is bit-identical to it. With
     * an empty mask the photo itself is returned.
     *
     * @throws IllegalArgumentException if the mask does not fit the photo or leaves too little context
     * @throws java.util.concurrent.CancellationException if {@link InpaintOptions#cancelled()} answered true
     *     between two stages; the native memory of the call is released all the same
     */
    public InpaintResult inpaint(BufferedImage photo, HoleMask mask, InpaintOptions options) {
        if (mask.width() != photo.getWidth() || mask.height() != photo.getHeight()) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height()
                    + " but the photo is " + photo.getWidth() + "x" + photo.getHeight());
        }
        RasterRgb.of(photo);
        StageTimes times = new StageTimes();
        if (mask.isEmpty()) {
            return new InpaintResult(photo, List.of(), times);
        }
        double fraction = mask.holeFraction();
        if (fraction > MAX_HOLE_FRACTION) {
            throw new IllegalArgumentException(String.format(
                    "the mask covers %.1f%% of the photo: at least %.0f%% must be left as context",
                    100 * fraction, 100 * (1 - MAX_HOLE_FRACTION)));
        }
        BufferedImage output = copy(photo);
        CraPipeline pipeline = new CraPipeline(model, options, manager);
        List<CraPipeline.RegionReport> reports = new ArrayList<>();
        List<Rectangle> regions = CropPlanner.plan(mask, options.strategy());
        for (int i = 0; i < regions.size(); i++) {
            options.stopIfCancelled();
            Intermediates pictures = options.pictures();
            if (pictures != null && regions.size() > 1) {
                String prefix = String.format("region-%02d-", i + 1);
                Intermediates all = pictures;
                pictures = (name, picture) -> all.accept(prefix + name, picture);
            }
            reports.add(pipeline.fill(photo, output, mask, regions.get(i), times, pictures));
        }
        return new InpaintResult(output, reports, times);
    }

    /** A deep copy; the pixel arrays of the usual layouts are cloned whole (setRect goes pixel by pixel). */
    static BufferedImage copy(BufferedImage photo) {
        WritableRaster source = photo.getRaster();
        WritableRaster raster;
        DataBuffer data = source.getDataBuffer();
        boolean plain = source.getParent() == null && source.getSampleModelTranslateX() == 0
                && source.getSampleModelTranslateY() == 0 && data.getNumBanks() == 1;
        if (plain && data instanceof DataBufferByte b) {
            raster = Raster.createWritableRaster(source.getSampleModel(),
                    new DataBufferByte(b.getData().clone(), b.getSize(), b.getOffset()), null);
        } else if (plain && data instanceof DataBufferUShort u) {
            raster = Raster.createWritableRaster(source.getSampleModel(),
                    new DataBufferUShort(u.getData().clone(), u.getSize(), u.getOffset()), null);
        } else if (plain && data instanceof DataBufferInt i) {
            raster = Raster.createWritableRaster(source.getSampleModel(),
                    new DataBufferInt(i.getData().clone(), i.getSize(), i.getOffset()), null);
        } else {
            raster = source.createCompatibleWritableRaster();
            raster.setRect(source);
        }
        return new BufferedImage(photo.getColorModel(), raster, photo.isAlphaPremultiplied(), null);
    }

    @Override
    public void close() {
        manager.close();
    }
}
