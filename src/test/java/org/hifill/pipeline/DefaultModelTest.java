package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.hifill.image.MaskReader;
import org.hifill.image.PhotoReader;
import org.hifill.model.weights.ModelDirectory;
import org.hifill.model.weights.ModelManifest;
import org.junit.jupiter.api.Test;

/**
 * The bundled default model on the bundled sample (the README's main command, in-process): the
 * orange moss star under the mask is replaced by the green moss around it.
 */
class DefaultModelTest {

    private static final Path MODEL = Path.of("models/default");
    private static final Path PHOTO = Path.of("samples/one-stands-out.jpg");
    private static final Path MASK = Path.of("samples/one-stands-out-mask.png");

    @Test
    void isATrainedModelOfTheReleasedArchitecture() throws Exception {
        ModelManifest manifest = ModelDirectory.readManifest(MODEL);

        assertThat(manifest.provenance().source()).isEqualTo("trained");
        assertThat(manifest.parameterCount()).isEqualTo(2_722_791);
    }

    @Test
    void paintsTheOrangeStarOutOfTheSample() throws Exception {
        BufferedImage photo = PhotoReader.read(PHOTO).image();
        HoleMask mask = MaskReader.read(MASK, photo.getWidth(), photo.getHeight(), false, warning -> {});

        BufferedImage result;
        try (Inpainter inpainter = Inpainter.load(MODEL)) {
            result = inpainter.inpaint(photo, mask, InpaintOptions.defaults()).image();
        }

        double[] before = meanRgb(photo, mask);
        double[] after = meanRgb(result, mask);
        assertThat(before[0]).as("the star is orange: red above green").isGreaterThan(before[1]);
        assertThat(after[1]).as("the fill is moss: green above red (mean RGB %.0f %.0f %.0f)", after[0], after[1],
                after[2]).isGreaterThan(after[0]);
        assertThat(result.getWidth()).isEqualTo(photo.getWidth());
        assertThat(result.getRGB(10, 10)).as("far from the hole").isEqualTo(photo.getRGB(10, 10));
    }

    private static double[] meanRgb(BufferedImage image, HoleMask mask) {
        double[] sum = new double[3];
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (mask.isHole(x, y)) {
                    int rgb = image.getRGB(x, y);
                    sum[0] += rgb >> 16 & 0xFF;
                    sum[1] += rgb >> 8 & 0xFF;
                    sum[2] += rgb & 0xFF;
                    n++;
                }
            }
        }
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }
}
