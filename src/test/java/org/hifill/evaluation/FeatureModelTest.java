package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.hifill.evaluation.FeatureExtractor.Embedding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FeatureModel} on TorchScript nets written by the test (mean colour through fixed linear
 * maps): what DJL returns is the nets' maths done here in Java, FID and IS over its embeddings
 * have their known values, and a file that breaks the contract is a clear error naming it.
 */
class FeatureModelTest {

    private static final int INPUT = 8;
    private static final float[][] W = {{1, -2, 0.5f, 3, 0}, {0.25f, 1, -1, 2, 1}, {-1, 0.5f, 2, 1, -3}};
    private static final float[][] V = {{1, 0, 0, -1}, {0, 2, 0, 0}, {0.5f, 0, 1, 0}, {0, -1, 0, 1}, {1, 1, 1, 1}};

    @TempDir
    Path dir;

    @Test
    void featuresAndProbabilitiesAreTheNetsMathsOnTheMeanColour() throws IOException {
        int[][] colours = {{200, 10, 90}, {0, 255, 30}, {128, 128, 128}};
        try (FeatureModel model = FeatureModel.load(FeatureNets.classifying(dir.resolve("net.pt"), W, V), INPUT)) {
            assertThat(model.classifies()).isTrue();
            assertThat(model.dimensions()).isEqualTo(5);
            assertThat(model.description()).endsWith("net.pt: 5 features and 4 classes, input 8x8");
            for (int[] c : colours) {
                Embedding e = model.extract(uniform(20, 14, c));

                double[] features = FeatureNets.times(new double[] {c[0] / 255.0, c[1] / 255.0, c[2] / 255.0}, W);
                double[] logits = FeatureNets.times(features, V);
                assertThat(e.features()).containsExactly(features, within(1e-5));
                assertThat(e.probabilities()).containsExactly(softmax(logits), within(1e-5));
            }
        }
    }

    @Test
    void fidOfASetAgainstItselfIsZeroAndIsLiesBetweenOneAndTheClassCount() throws IOException {
        FeatureSets sets = new FeatureSets();
        try (FeatureModel model = FeatureModel.load(FeatureNets.classifying(dir.resolve("net.pt"), W, V), INPUT)) {
            for (int[] c : new int[][] {{200, 10, 90}, {0, 255, 30}, {128, 128, 128}, {30, 60, 250}}) {
                Embedding e = model.extract(uniform(16, 16, c));
                sets.addOriginal(64, e);
                sets.addResult(64, "same", e);
            }
        }
        FidAndIs scores = FidAndIs.find(sets.scores(), 64, "same");
        assertThat(scores.fid()).isCloseTo(0, within(1e-9));
        assertThat(scores.inceptionScore()).isBetween(1.0, 4.0).isGreaterThan(1.01);
        assertThat(scores.results()).isEqualTo(4);
    }

    @Test
    void fidBetweenTwoSetsIsTheClosedFormOfTheirFeatureGaussians() throws IOException {
        // W = [I3 | 0]: the features are the mean colour, padded to 8 (more than the 6 photos, so
        // FID takes its sample-space path). Each photo moves one channel by +-delta from a centre:
        // the fitted Gaussian has that centre as mean and diagonal variances 2 delta^2 / 5 (n - 1 = 5).
        float[][] identity = new float[3][8];
        for (int i = 0; i < 3; i++) {
            identity[i][i] = 1;
        }
        int[] centreA = {100, 120, 140};
        int[] deltaA = {30, 20, 10};
        int[] centreB = {90, 130, 140};
        int[] deltaB = {10, 40, 10};
        FeatureSets sets = new FeatureSets();
        try (FeatureModel model = FeatureModel.load(FeatureNets.featuresOnly(dir.resolve("f.pt"), identity), INPUT)) {
            assertThat(model.classifies()).isFalse();
            for (BufferedImage photo : spread(centreA, deltaA)) {
                Embedding e = model.extract(photo);
                assertThat(e.probabilities()).isNull();
                sets.addOriginal(32, e);
            }
            for (BufferedImage photo : spread(centreB, deltaB)) {
                sets.addResult(32, "method", model.extract(photo));
            }
        }
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double sdA = Math.sqrt(2.0 / 5) * deltaA[i] / 255;
            double sdB = Math.sqrt(2.0 / 5) * deltaB[i] / 255;
            expected += Math.pow((centreA[i] - centreB[i]) / 255.0, 2) + Math.pow(sdA - sdB, 2);
        }
        FidAndIs scores = FidAndIs.find(sets.scores(), 32, "method");
        assertThat(scores.fid()).isCloseTo(expected, within(1e-6)).isGreaterThan(0.005);
        assertThat(scores.inceptionScore()).as("no logits: no IS").isNaN();
    }

    @Test
    void anOutputThatIsNotFeaturesIsAnErrorNamingTheFileAndTheShape() throws IOException {
        Path file = FeatureNets.passThrough(dir.resolve("pass.pt"));

        assertThatThrownBy(() -> FeatureModel.load(file, INPUT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ": the feature model gave (1, 3, 8, 8) for one image, not [1, D] features or "
                        + "([1, D] features, [1, C] logits)");
    }

    @Test
    void aFileThatIsNoTorchScriptIsAnIoErrorNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("broken.pt"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});

        assertThatThrownBy(() -> FeatureModel.load(file, INPUT)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a TorchScript model that runs here: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("none.pt");

        assertThatThrownBy(() -> FeatureModel.load(file, INPUT)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(file.toString());
    }

    /** Six photos, each the centre colour with one channel moved by + or - its delta. */
    private static List<BufferedImage> spread(int[] centre, int[] delta) {
        List<BufferedImage> photos = new java.util.ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int sign : new int[] {1, -1}) {
                int[] colour = centre.clone();
                colour[c] += sign * delta[c];
                photos.add(uniform(12, 10, colour));
            }
        }
        return photos;
    }

    private static BufferedImage uniform(int w, int h, int[] rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
            }
        }
        return image;
    }

    private static double[] softmax(double[] logits) {
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i]);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
