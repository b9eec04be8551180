package org.hifill.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;

/** The evaluation's small parts: method names, time limits, scaling to a size, plain methods. */
class EvaluationPartsTest {

    @Test
    void everyMethodNameIsKnownAndOnlyTheNetworkOnesNeedAModel() {
        List<String> names = EvaluationMethods.names();
        assertThat(names).hasSize(1 + 3 + 4 * 3 + 4).doesNotHaveDuplicates()
                .contains("hifill", "upsample-bicubic", "ablation-averaging-bilinear", "ablation-nearest-bicubic",
                        "telea", "ns", "mean-colour", "diffusion");
        assertThat(names.stream().filter(EvaluationMethods::needsModel))
                .allMatch(n -> n.equals("hifill") || n.startsWith("upsample-") || n.startsWith("ablation-"))
                .hasSize(16);
        assertThatThrownBy(() -> EvaluationMethods.check(List.of("hifill", "ablation-average-bilinear")))
                .hasMessageStartingWith("unknown method 'ablation-average-bilinear'");
        assertThatThrownBy(() -> EvaluationMethods.check(List.of("telea", "telea")))
                .hasMessage("method 'telea' is given twice");
    }

    @Test
    void plainMethodsNeedNoModelAndFillOnlyTheHole() throws Exception {
        BufferedImage photo = TestImages.textured(40, 30, 3);
        HoleMask mask = new HoleMask(40, 30);
        mask.fill(new Rectangle(10, 10, 12, 8));
        for (EvaluationMethod method : EvaluationMethods.create(List.of("telea", "ns", "mean-colour", "diffusion"),
                () -> {
                    throw new AssertionError("no model is needed");
                }, org.hifill.pipeline.Strategy.WHOLE)) {
            BufferedImage filled = method.fill(photo, mask);
            assertThat(Scores.of(photo, filled, mask).l1Hole()).as(method.name()).isGreaterThan(0);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    if (!mask.isHole(x, y)) {
                        assertThat(filled.getRGB(x, y)).as("%s at (%d, %d)", method.name(), x, y)
                                .isEqualTo(photo.getRGB(x, y));
                    }
                }
            }
        }
    }

    @Test
    void timeLimitsReadWithUnits() {
        assertThat(Durations.parse("120s")).isEqualTo(Duration.ofSeconds(120));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> Durations.parse("0s")).hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> Durations.parse("-3s")).hasMessageContaining("'-3s'");
        assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("120 s");
    }

    @Test
    void sizesKeepTheAspectRatioOnTheLongSide() {
        assertThat(EvaluationScaling.size(4000, 3000, 512)).isEqualTo(new Dimension(512, 384));
        assertThat(EvaluationScaling.size(3000, 4000, 512)).isEqualTo(new Dimension(384, 512));
        assertThat(EvaluationScaling.size(96, 64, 128)).isEqualTo(new Dimension(128, 85));
        assertThat(EvaluationScaling.size(1000, 1, 16)).isEqualTo(new Dimension(16, 1));
    }

    @Test
    void photosAreAveragedDownAndInterpolatedUp() {
        BufferedImage photo = TestImages.textured(64, 48, 9);
        BufferedImage half = EvaluationScaling.photo(photo, new Dimension(32, 24));
        int[] block = {photo.getRGB(10, 6), photo.getRGB(11, 6), photo.getRGB(10, 7), photo.getRGB(11, 7)};
        int green = 0;
        for (int p : block) {
            green += (p >> 8) & 0xff;
        }
        assertThat((half.getRGB(5, 3) >> 8) & 0xff).isEqualTo(Math.round(green / 4f));
        BufferedImage smooth = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                smooth.setRGB(x, y, (3 * x) << 16 | (4 * y) << 8 | (100 + x + y));
            }
        }
        BufferedImage doubled = EvaluationScaling.photo(smooth, new Dimension(128, 96));
        assertThat(doubled.getWidth()).isEqualTo(128);
        assertThat(doubled.getHeight()).isEqualTo(96);
        assertThat(MeanAbsoluteError.whole(EvaluationScaling.photo(doubled, new Dimension(64, 48)), smooth))
                .as("a smooth photo up and down again comes back").isLessThan(0.6);
    }

    @Test
    void masksScaleNearestAndKeepTheirShare() {
        HoleMask mask = new HoleMask(100, 80);
        mask.fill(new Rectangle(20, 20, 40, 20));
        HoleMask half = EvaluationScaling.mask(mask, new Dimension(50, 40));
        assertThat(half.bounds()).isEqualTo(new Rectangle(10, 10, 20, 10));
        HoleMask up = EvaluationScaling.mask(mask, new Dimension(300, 240));
        assertThat(up.bounds()).isEqualTo(new Rectangle(60, 60, 120, 60));
        assertThat(up.holeFraction()).isEqualTo(mask.holeFraction());
    }
}
