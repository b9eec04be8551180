package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** What the inpainter does with masks that leave nothing to do, too little context, or the wrong size. */
class InpainterArgumentsTest {

    private final ScriptedModel model = new ScriptedModel(ScriptedModel.constant(255, 0, 0), ScriptedModel.zeroAttention());

    private static BufferedImage photo(int w, int h) {
        return Photos.image(Photos.texture(w, h, 1), w, h, BufferedImage.TYPE_3BYTE_BGR);
    }

    @Test
    void emptyMaskReturnsThePhotoItselfWithoutRunningTheNetwork() {
        BufferedImage photo = photo(200, 100);
        try (Inpainter inpainter = Inpainter.of(model)) {
            for (Strategy s : Strategy.values()) {
                InpaintResult result = inpainter.inpaint(photo, new HoleMask(200, 100), InpaintOptions.defaults().withStrategy(s));
                assertThat(result.image()).isSameAs(photo);
                assertThat(result.regions()).isEmpty();
            }
        }
        assertThat(model.calls()).isZero();
    }

    @Test
    void maskCoveringMoreThanNinetyPercentIsRefusedWithTheShare() {
        BufferedImage photo = photo(100, 100);
        HoleMask mask = Photos.mask(100, 100, new Rectangle(0, 0, 100, 91));
        try (Inpainter inpainter = Inpainter.of(model)) {
            assertThatThrownBy(() -> inpainter.inpaint(photo, mask, InpaintOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("91.0%")
                    .hasMessageContaining("10%")
                    .hasMessageContaining("context");
        }
        assertThat(model.calls()).isZero();
    }

    @Test
    void maskCoveringExactlyNinetyPercentIsStillFilled() {
        BufferedImage photo = photo(100, 100);
        HoleMask mask = Photos.mask(100, 100, new Rectangle(0, 0, 100, 90));
        try (Inpainter inpainter = Inpainter.of(model)) {
            InpaintResult result = inpainter.inpaint(photo, mask, InpaintOptions.defaults());
            Photos.assertEveryHolePixelChanged(photo, result.image(), mask);
        }
    }

    @Test
    void maskOfTheWrongSizeIsRefusedNamingBothSizes() {
        BufferedImage photo = photo(320, 240);
        try (Inpainter inpainter = Inpainter.of(model)) {
            assertThatThrownBy(() -> inpainter.inpaint(photo, Photos.mask(240, 320, new Rectangle(5, 5, 5, 5)),
                    InpaintOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("240x320")
                    .hasMessageContaining("320x240");
            // An empty mask of the wrong size is refused too, not returned as "nothing to do".
            assertThatThrownBy(() -> inpainter.inpaint(photo, new HoleMask(321, 240), InpaintOptions.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("321x240")
                    .hasMessageContaining("320x240");
        }
        assertThat(model.calls()).isZero();
    }

    @Test
    void toleranceOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> InpaintOptions.defaults().withTolerance(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> InpaintOptions.defaults().withTolerance(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InpaintOptions.defaults().withTolerance(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InpaintOptions.defaults().withStrategy(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelledInpaintingStopsAfterTheNetworkAndRunsNoFurtherRegion() {
        BufferedImage photo = photo(3000, 2000);
        HoleMask twoHoles = Photos.mask(3000, 2000, new Rectangle(300, 300, 40, 40), new Rectangle(2500, 1500, 40, 40));
        assertThat(CropPlanner.plan(twoHoles, Strategy.CROP)).hasSize(2);
        InpaintOptions cancelledOnceTheNetworkRan = InpaintOptions.defaults().withStrategy(Strategy.CROP)
                .withCancellation(() -> model.calls() > 0);
        try (Inpainter inpainter = Inpainter.of(model)) {
            assertThatThrownBy(() -> inpainter.inpaint(photo, twoHoles, cancelledOnceTheNetworkRan))
                    .isInstanceOf(CancellationException.class);
            assertThat(model.calls()).isEqualTo(1);

            assertThatThrownBy(() -> inpainter.inpaint(photo, twoHoles, cancelledOnceTheNetworkRan))
                    .isInstanceOf(CancellationException.class);
            assertThat(model.calls()).as("cancelled before the first region's network").isEqualTo(1);
        }
    }
}
