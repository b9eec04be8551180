package org.hifill.masks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;

/** Mixing strokes and objects, and keeping hole ratios within bounds. */
class MaskGeneratorTest {

    @Test
    void holeRatiosStayWithinTheDefaultBoundsOver200Draws() {
        MaskGenerator generator = new MaskGenerator(new ProceduralObjects(), MaskSettings.defaults());
        Random random = new Random(42);

        for (int i = 0; i < 200; i++) {
            assertThat(generator.next(128, random).holeFraction()).as("mask %d", i).isBetween(0.05, 0.30);
        }
    }

    @Test
    void theSameRandomStateGivesTheSameMasks() {
        MaskGenerator generator = new MaskGenerator(new ProceduralObjects(), MaskSettings.defaults());
        Random first = new Random(7);
        Random second = new Random(7);

        for (int i = 0; i < 20; i++) {
            assertThat(generator.next(96, first).toArray()).containsExactly(generator.next(96, second).toArray());
        }
    }

    @Test
    void theObjectProbabilityChoosesBetweenObjectsAndStrokes() {
        AtomicInteger objectCalls = new AtomicInteger();
        ObjectMasks counted = (size, random) -> {
            objectCalls.incrementAndGet();
            return new ProceduralObjects().random(size, random);
        };
        Random random = new Random(5);

        for (int i = 0; i < 50; i++) {
            new MaskGenerator(counted, new MaskSettings(0, 0.05, 0.3)).next(64, random);
        }
        assertThat(objectCalls.get()).isZero();
        int mixed = 0;
        for (int i = 0; i < 400; i++) {
            int before = objectCalls.get();
            new MaskGenerator(counted, new MaskSettings(0.25, 0.01, 0.99)).next(64, random);
            mixed += objectCalls.get() > before ? 1 : 0;
        }
        assertThat(mixed).isBetween(70, 130);
    }

    @Test
    void aMaskTooLargeForTheBoundsIsClippedIntoThem() {
        ObjectMasks huge = (size, random) -> square(size, 0.6);
        MaskGenerator generator = new MaskGenerator(huge, new MaskSettings(1, 0.1, 0.12));
        Random random = new Random(9);

        for (int i = 0; i < 10; i++) {
            assertThat(generator.next(128, random).holeFraction()).isBetween(0.1, 0.12);
        }
    }

    @Test
    void aMaskTooSmallForTheBoundsIsGrownIntoThem() {
        ObjectMasks tiny = (size, random) -> square(size, 0.01);
        MaskGenerator generator = new MaskGenerator(tiny, new MaskSettings(1, 0.2, 0.21));
        Random random = new Random(10);

        for (int i = 0; i < 10; i++) {
            assertThat(generator.next(128, random).holeFraction()).isBetween(0.2, 0.21);
        }
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new MaskSettings(0.5, 0.3, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minimum hole ratio 0.3 must be below the maximum 0.1");
        assertThatThrownBy(() -> new MaskSettings(1.5, 0.1, 0.3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("object probability");
        assertThatThrownBy(() -> new MaskSettings(0.5, 0, 0.3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1)");
    }

    /** A centred square covering about the given share. */
    private static HoleMask square(int size, double share) {
        int side = (int) Math.round(size * Math.sqrt(share));
        HoleMask mask = new HoleMask(size, size);
        mask.fill(new Rectangle((size - side) / 2, (size - side) / 2, side, side));
        return mask;
    }
}
