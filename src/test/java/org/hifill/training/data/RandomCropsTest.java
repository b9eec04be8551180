package org.hifill.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random training crops: size, colour scale, flips, scales and reproducibility. */
class RandomCropsTest {

    private static final int S = 32;

    @Test
    void aCropIsThreeSquarePlanesInMinusOneToOne() {
        float[] crop = new RandomCrops(S).random(TrainingPhotos.noise(120, 90, 1), new Random(1));

        assertThat(crop).hasSize(3 * S * S);
        for (float v : crop) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void coloursAreScaledToMinusOneToOneInRgbOrder() {
        float[] crop = new RandomCrops(S).random(TrainingPhotos.solid(100, 80, new Color(255, 0, 51)), new Random(2));

        assertPlaneIs(crop, 0, 1f);
        assertPlaneIs(crop, 1, -1f);
        assertPlaneIs(crop, 2, 51 / 127.5f - 1f);
    }

    @Test
    void greyPhotosGiveThreeEqualPlanes() {
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(TrainingPhotos.noise(64, 48, 3), 0, 0, null);

        float[] crop = new RandomCrops(S).random(grey, new Random(3));

        assertThat(plane(crop, 1)).containsExactly(plane(crop, 0));
        assertThat(plane(crop, 2)).containsExactly(plane(crop, 0));
    }

    @Test
    void theSameSeedGivesTheSameCrop() {
        BufferedImage photo = TrainingPhotos.noise(200, 150, 4);
        RandomCrops crops = new RandomCrops(S);

        assertThat(crops.random(photo, new Random(9))).containsExactly(crops.random(photo, new Random(9)));
        assertThat(crops.random(photo, new Random(9))).isNotEqualTo(crops.random(photo, new Random(10)));
    }

    @Test
    void aboutHalfTheCropsAreMirrored() {
        RandomCrops crops = new RandomCrops(S);
        Random random = new Random(5);

        long mirrored = 0;
        for (int i = 0; i < 1000; i++) {
            mirrored += crops.randomCrop(400, 300, random).mirrored() ? 1 : 0;
        }

        assertThat(mirrored).isBetween(430L, 570L);
    }

    @Test
    void aMirroredCropIsThePlainCropFlippedLeftToRight() {
        BufferedImage photo = TrainingPhotos.noise(100, 70, 6);
        RandomCrops crops = new RandomCrops(S);

        float[] plain = crops.render(photo, new RandomCrops.Crop(10, 5, 60, false));
        float[] mirrored = crops.render(photo, new RandomCrops.Crop(10, 5, 60, true));

        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    assertThat(mirrored[(c * S + y) * S + x]).isEqualTo(plain[(c * S + y) * S + S - 1 - x]);
                }
            }
        }
    }

    @Test
    void cropSidesRangeLogUniformlyFromSToTheShorterSide() {
        RandomCrops crops = new RandomCrops(S);
        Random random = new Random(7);
        int[] sides = new int[2000];
        for (int i = 0; i < sides.length; i++) {
            RandomCrops.Crop crop = crops.randomCrop(1000, 512, random);
            assertThat(crop.x() + crop.side()).isLessThanOrEqualTo(1000);
            assertThat(crop.y() + crop.side()).isLessThanOrEqualTo(512);
            sides[i] = crop.side();
        }
        Arrays.sort(sides);

        assertThat(sides[0]).isBetween(S, 40);
        assertThat(sides[sides.length - 1]).isBetween(450, 512);
        // The median of a log-uniform side between 32 and 512 is their geometric mean, 128.
        assertThat(sides[sides.length / 2]).isBetween(110, 150);
    }

    @Test
    void aWideCropShowsMoreOfThePhotoThanANarrowOne() {
        // Left half black, right half white: a crop of the whole height shows both, a narrow one
        // at the left edge only black.
        BufferedImage photo = TrainingPhotos.solid(200, 100, Color.BLACK);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(100, 0, 100, 100);
        g.dispose();
        RandomCrops crops = new RandomCrops(S);

        float[] wide = crops.render(photo, new RandomCrops.Crop(50, 0, 100, false));
        float[] narrow = crops.render(photo, new RandomCrops.Crop(0, 0, S, false));

        assertThat(wide[0]).isCloseTo(-1f, within(1e-5f));
        assertThat(wide[S - 1]).isCloseTo(1f, within(1e-5f));
        assertPlaneIs(narrow, 0, -1f);
    }

    @Test
    void aPhotoSmallerThanTheCropSizeIsUpscaledWhole() {
        BufferedImage small = TrainingPhotos.solid(24, 20, Color.BLUE);
        small.setRGB(0, 0, Color.RED.getRGB());

        RandomCrops crops = new RandomCrops(S);
        RandomCrops.Crop crop = crops.randomCrop(24, 20, new Random(8));
        float[] plain = crops.render(small, new RandomCrops.Crop(crop.x(), crop.y(), crop.side(), false));

        assertThat(crop.side()).isEqualTo(20);
        assertThat(plain).hasSize(3 * S * S);
        assertThat(plane(plain, 2)[S * S - 1]).isCloseTo(1f, within(1e-5f));
        assertThat(plane(plain, 0)[S * S - 1]).isCloseTo(-1f, within(1e-5f));
    }

    @Test
    void theValidationCropIsTheLargestCentredSquare() {
        // Red margins left and right of a green centre square.
        BufferedImage photo = TrainingPhotos.solid(300, 100, Color.RED);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(100, 0, 100, 100);
        g.dispose();

        float[] centre = new RandomCrops(S).centre(photo);

        assertPlaneIs(centre, 0, -1f);
        assertPlaneIs(centre, 1, 1f);
    }

    /** Every value of the plane is {@code value}, up to the rounding of area averaging. */
    private static void assertPlaneIs(float[] chw, int channel, float value) {
        float worst = 0;
        for (float v : plane(chw, channel)) {
            worst = Math.max(worst, Math.abs(v - value));
        }
        assertThat(worst).as("largest deviation from %s in plane %d", value, channel).isLessThan(1e-5f);
    }

    private static float[] plane(float[] chw, int channel) {
        return Arrays.copyOfRange(chw, channel * S * S, (channel + 1) * S * S);
    }
}
