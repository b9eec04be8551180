package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Area averaging against its definition: each network pixel is the mean of the photo area it
 * covers, with fractional weights where that area cuts through photo pixels; the hole reaches
 * every network pixel whose area holds a hole pixel.
 */
class AreaDownsamplerTest {

    @Test
    void integerRatioIsTheMeanOfEachBlock() {
        int w = 16;
        int h = 12;
        int[] rgb = Photos.noise(w, h, 3, 0, 255);
        BufferedImage photo = Photos.image(rgb, w, h, BufferedImage.TYPE_3BYTE_BGR);
        float[] small = AreaDownsampler.downsample(photo, new Rectangle(w, h), new NetworkSize(3, 4));
        assertThat(small).hasSize(3 * 12);
        for (int c = 0; c < 3; c++) {
            for (int oy = 0; oy < 3; oy++) {
                for (int ox = 0; ox < 4; ox++) {
                    double sum = 0;
                    for (int y = 4 * oy; y < 4 * oy + 4; y++) {
                        for (int x = 4 * ox; x < 4 * ox + 4; x++) {
                            sum += rgb[3 * (y * w + x) + c];
                        }
                    }
                    assertThat(small[c * 12 + oy * 4 + ox]).as("band %d (%d, %d)", c, ox, oy)
                            .isCloseTo((float) (sum / 16), within(1e-3f));
                }
            }
        }
    }

    @Test
    void tenPixelsToFourWeighTheCutPixelsByTheirShare() {
        // One row of 10 grey pixels to 4: each output covers 2.5 pixels.
        int[] grey = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        int[] rgb = new int[30];
        for (int x = 0; x < 10; x++) {
            rgb[3 * x] = grey[x];
            rgb[3 * x + 1] = grey[x];
            rgb[3 * x + 2] = grey[x];
        }
        BufferedImage photo = Photos.image(rgb, 10, 1, BufferedImage.TYPE_INT_RGB);
        float[] small = AreaDownsampler.downsample(photo, new Rectangle(10, 1), new NetworkSize(1, 4));
        float[] expected = {
            (10 + 20 + 0.5f * 30) / 2.5f,
            (0.5f * 30 + 40 + 50) / 2.5f,
            (60 + 70 + 0.5f * 80) / 2.5f,
            (0.5f * 80 + 90 + 100) / 2.5f,
        };
        for (int c = 0; c < 3; c++) {
            for (int o = 0; o < 4; o++) {
                assertThat(small[c * 4 + o]).isCloseTo(expected[o], within(1e-4f));
            }
        }
    }

    @Test
    void nonIntegerRatiosAcrossAndAlongInsideARegionMatchTheOverlapFormula() {
        int w = 41;
        int h = 29;
        int[] rgb = Photos.noise(w, h, 5, 0, 255);
        BufferedImage photo = Photos.image(rgb, w, h, BufferedImage.TYPE_3BYTE_BGR);
        Rectangle region = new Rectangle(3, 2, 33, 23);
        NetworkSize size = new NetworkSize(7, 10);
        float[] small = AreaDownsampler.downsample(photo, region, size);
        int plane = size.height() * size.width();
        for (int c = 0; c < 3; c++) {
            for (int oy = 0; oy < size.height(); oy++) {
                for (int ox = 0; ox < size.width(); ox++) {
                    double sum = 0;
                    double area = 0;
                    for (int y = 0; y < region.height; y++) {
                        double wy = overlap(y, oy, region.height, size.height());
                        for (int x = 0; x < region.width; x++) {
                            double wxy = wy * overlap(x, ox, region.width, size.width());
                            sum += wxy * rgb[3 * ((region.y + y) * w + region.x + x) + c];
                            area += wxy;
                        }
                    }
                    assertThat(area).isCloseTo(1.0, within(1e-9));
                    assertThat((double) small[c * plane + oy * size.width() + ox]).as("band %d (%d, %d)", c, ox, oy)
                            .isCloseTo(sum, within(2e-3));
                }
            }
        }
    }

    @Test
    void enlargingAlsoAveragesTheCoveredArea() {
        int[] rgb = Photos.noise(3, 2, 9, 0, 255);
        BufferedImage photo = Photos.image(rgb, 3, 2, BufferedImage.TYPE_3BYTE_BGR);
        NetworkSize size = new NetworkSize(4, 5);
        float[] small = AreaDownsampler.downsample(photo, new Rectangle(3, 2), size);
        for (int oy = 0; oy < 4; oy++) {
            for (int ox = 0; ox < 5; ox++) {
                double sum = 0;
                for (int y = 0; y < 2; y++) {
                    for (int x = 0; x < 3; x++) {
                        sum += overlap(y, oy, 2, 4) * overlap(x, ox, 3, 5) * rgb[3 * (y * 3 + x)];
                    }
                }
                assertThat((double) small[oy * 5 + ox]).isCloseTo(sum, within(1e-3));
            }
        }
    }

    /** The share of output o's area (of in / out source pixels) that source pixel i covers. */
    private static double overlap(int i, int o, int in, int out) {
        double s = (double) in / out;
        double lo = Math.max(i, o * s);
        double hi = Math.min(i + 1, (o + 1) * s);
        return Math.max(0, hi - lo) / s;
    }

    @Test
    void onePixelHoleInA4000x3000MaskReachesTheNetwork() {
        HoleMask mask = new HoleMask(4000, 3000);
        mask.setHole(2777, 1333, true);
        NetworkSize size = NetworkSize.forPhoto(4000, 3000);
        assertThat(size).isEqualTo(new NetworkSize(384, 512));
        float[] hole = AreaDownsampler.downsampleHole(mask, new Rectangle(4000, 3000), size);
        // 4000 / 512 = 7.8125 photo pixels per network pixel, both ways: 2777 -> 355, 1333 -> 170.
        assertThat(marked(hole, size)).containsExactly(new Point(355, 170));
    }

    @Test
    void holePixelOnTheBoundaryOfTwoNetworkPixelsMarksBoth() {
        HoleMask mask = new HoleMask(4000, 3000);
        // Pixel 7 spans [7, 8), across the edge 7.8125 between network pixels 0 and 1.
        mask.setHole(7, 3000 - 1, true);
        NetworkSize size = NetworkSize.forPhoto(4000, 3000);
        float[] hole = AreaDownsampler.downsampleHole(mask, new Rectangle(4000, 3000), size);
        assertThat(marked(hole, size)).containsExactlyInAnyOrder(new Point(0, 383), new Point(1, 383));
    }

    @Test
    void holeDownsamplingMarksExactlyTheNetworkPixelsCoveringAHolePixel() {
        SplittableRandom random = new SplittableRandom(17);
        int[][] cases = {{200, 150, 64, 48}, {103, 77, 20, 30}, {40, 30, 64, 48}, {999, 13, 128, 5}};
        for (int[] k : cases) {
            int w = k[0];
            int h = k[1];
            HoleMask mask = new HoleMask(w, h);
            for (int n = 0; n < w * h / 60; n++) {
                mask.setHole(random.nextInt(w), random.nextInt(h), true);
            }
            // A few runs, so that one row holds holes close together and far apart.
            mask.fill(new Rectangle(w / 3, h / 2, w / 5, 1));
            Rectangle region = new Rectangle(w / 10, h / 10, w - w / 5, h - h / 5);
            NetworkSize size = new NetworkSize(k[3], k[2]);
            float[] hole = AreaDownsampler.downsampleHole(mask, region, size);
            for (int oy = 0; oy < size.height(); oy++) {
                for (int ox = 0; ox < size.width(); ox++) {
                    boolean expected = false;
                    for (int y = 0; y < region.height && !expected; y++) {
                        if (overlap(y, oy, region.height, size.height()) <= 1e-12) {
                            continue;
                        }
                        for (int x = 0; x < region.width && !expected; x++) {
                            expected = overlap(x, ox, region.width, size.width()) > 1e-12
                                    && mask.isHole(region.x + x, region.y + y);
                        }
                    }
                    assertThat(hole[oy * size.width() + ox]).as("%dx%d -> %s at (%d, %d)", w, h, size, ox, oy)
                            .isEqualTo(expected ? 1f : 0f);
                }
            }
        }
    }

    private static List<Point> marked(float[] hole, NetworkSize size) {
        List<Point> points = new ArrayList<>();
        for (int p = 0; p < hole.length; p++) {
            if (hole[p] != 0f) {
                assertThat(hole[p]).isEqualTo(1f);
                points.add(new Point(p % size.width(), p / size.width()));
            }
        }
        return points;
    }
}
