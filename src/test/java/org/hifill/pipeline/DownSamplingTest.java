package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The down-samplers of the Fig. 3 ablation, halving one row of grey pixels by hand: averaging
 * takes the mean of each pair, nearest the pixel under each output's centre, bilinear the two
 * pixels either side of it, bicubic four with Keys' weights -1/16, 9/16, 9/16, -1/16.
 */
class DownSamplingTest {

    private static final int[] ROW = {0, 40, 80, 120, 160, 200, 240, 250};
    private static final BufferedImage PHOTO = greyRow(ROW);

    @Test
    void averagingIsTheAreaMean() {
        assertThat(red(DownSampling.AVERAGING)).containsExactly(20, 100, 180, 245);
    }

    @Test
    void nearestPicksTheSecondOfEachPair() {
        // Output o's centre lies at source 2o + 1 (the left edge of that pixel).
        assertThat(red(DownSampling.NEAREST)).containsExactly(40, 120, 200, 250);
    }

    @Test
    void bilinearAtExactlyHalfIsTheMeanOfThePair() {
        assertThat(red(DownSampling.BILINEAR)).containsExactly(20, 100, 180, 245);
    }

    @Test
    void bicubicWeighsFourPixelsWithClampedEdgesAndClipsToRange() {
        float[] out = red(DownSampling.BICUBIC);
        double[] expected = {
            (-1 * 0 + 9 * 0 + 9 * 40 - 1 * 80) / 16.0,
            (-1 * 40 + 9 * 80 + 9 * 120 - 1 * 160) / 16.0,
            (-1 * 120 + 9 * 160 + 9 * 200 - 1 * 240) / 16.0,
            Math.min(255, (-1 * 200 + 9 * 240 + 9 * 250 - 1 * 250) / 16.0),
        };
        for (int i = 0; i < 4; i++) {
            assertThat((double) out[i]).as("output %d", i).isCloseTo(expected[i], within(1e-3));
        }
    }

    @Test
    void pointSamplersAliasAPatternThatAveragingSmooths() {
        // Stripes one pixel wide: nearest sees only one phase of them, averaging their mean.
        int[] stripes = new int[64];
        for (int x = 0; x < 64; x++) {
            stripes[x] = x % 2 == 0 ? 0 : 200;
        }
        BufferedImage photo = greyRow(stripes);
        NetworkSize half = new NetworkSize(1, 32);
        float[] nearest = DownSampling.NEAREST.downsample(photo, new Rectangle(64, 1), half);
        float[] average = DownSampling.AVERAGING.downsample(photo, new Rectangle(64, 1), half);
        for (int x = 0; x < 32; x++) {
            assertThat(nearest[x]).isEqualTo(200f);
            assertThat(average[x]).isCloseTo(100f, within(1e-3f));
        }
    }

    private static float[] red(DownSampling kind) {
        float[] planes = kind.downsample(PHOTO, new Rectangle(ROW.length, 1), new NetworkSize(1, ROW.length / 2));
        assertThat(planes).hasSize(3 * ROW.length / 2);
        float[] red = new float[ROW.length / 2];
        System.arraycopy(planes, 0, red, 0, red.length);
        return red;
    }

    private static BufferedImage greyRow(int[] grey) {
        int[] rgb = new int[3 * grey.length];
        for (int x = 0; x < grey.length; x++) {
            rgb[3 * x] = grey[x];
            rgb[3 * x + 1] = grey[x];
            rgb[3 * x + 2] = grey[x];
        }
        return Photos.image(rgb, grey.length, 1, BufferedImage.TYPE_INT_RGB);
    }
}
