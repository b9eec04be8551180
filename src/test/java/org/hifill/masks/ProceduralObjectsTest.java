package org.hifill.masks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;

/** Object silhouettes drawn without template files. */
class ProceduralObjectsTest {

    @Test
    void scenesCoverAboutWhatTheReleasesTemplatesCover() {
        Random random = new Random(2);
        double total = 0;
        for (int i = 0; i < 100; i++) {
            HoleMask mask = new ProceduralObjects().random(128, random);
            assertThat(mask.width()).isEqualTo(128);
            assertThat(mask.holeFraction()).as("mask %d", i).isBetween(0.02, 0.45);
            total += mask.holeFraction();
        }
        assertThat(total / 100).isBetween(0.1, 0.25);
    }

    @Test
    void theSameSeedDrawsTheSameScene() {
        HoleMask first = new ProceduralObjects().random(128, new Random(4));
        HoleMask second = new ProceduralObjects().random(128, new Random(4));
        HoleMask other = new ProceduralObjects().random(128, new Random(5));

        assertThat(first.toArray()).containsExactly(second.toArray());
        assertThat(first.toArray()).isNotEqualTo(other.toArray());
    }
}
