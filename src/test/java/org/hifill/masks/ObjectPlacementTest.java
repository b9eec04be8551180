package org.hifill.masks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;

/** How a template is mirrored, turned and scaled onto the canvas. */
class ObjectPlacementTest {

    private static final int SIZE = 100;

    @Test
    void mirroringFlipsTheTemplateLeftToRight() {
        HoleMask template = letterL();

        HoleMask plain = new ObjectPlacement(false, 0, 1).render(template, SIZE);
        HoleMask mirrored = new ObjectPlacement(true, 0, 1).render(template, SIZE);

        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                assertThat(mirrored.isHole(x, y)).as("(%d, %d)", x, y).isEqualTo(plain.isHole(SIZE - 1 - x, y));
            }
        }
        assertThat(plain.holeCount()).isPositive();
    }

    @Test
    void atScaleOneTheTemplateSpansTheCanvasPixelForPixel() {
        HoleMask template = letterL();

        HoleMask placed = new ObjectPlacement(false, 0, 1).render(template, SIZE);

        assertThat(placed.toArray()).containsExactly(template.toArray());
    }

    @Test
    void aQuarterTurnMakesATallBarWide() {
        HoleMask bar = new HoleMask(SIZE, SIZE);
        bar.fill(new Rectangle(45, 10, 10, 80));

        Rectangle turned = new ObjectPlacement(false, 90, 1).render(bar, SIZE).bounds();

        assertThat(turned.width).isEqualTo(80);
        assertThat(turned.height).isEqualTo(10);
    }

    @Test
    void positiveAnglesTurnClockwise() {
        HoleMask dot = new HoleMask(SIZE, SIZE);
        dot.fill(new Rectangle(45, 5, 10, 10)); // above the centre

        Rectangle turned = new ObjectPlacement(false, 90, 1).render(dot, SIZE).bounds();

        assertThat(turned.getCenterX()).isGreaterThan(80); // now right of the centre
        assertThat(turned.getCenterY()).isCloseTo(50, within(1.0));
    }

    @Test
    void scalingShrinksAboutTheCentre() {
        HoleMask square = new HoleMask(SIZE, SIZE);
        square.fill(new Rectangle(0, 0, SIZE, SIZE));

        Rectangle scaled = new ObjectPlacement(false, 0, 0.8).render(square, SIZE).bounds();

        assertThat(scaled).isEqualTo(new Rectangle(10, 10, 80, 80));
    }

    @Test
    void aTemplateOfAnotherSizeIsFittedByItsLongerSide() {
        HoleMask wide = new HoleMask(50, 25);
        wide.fill(new Rectangle(0, 0, 50, 25));

        Rectangle placed = new ObjectPlacement(false, 0, 1).render(wide, SIZE).bounds();

        assertThat(placed).isEqualTo(new Rectangle(0, 25, 100, 50));
    }

    @Test
    void randomPlacementsCoverTheReleaseRanges() {
        Random random = new Random(3);
        List<ObjectPlacement> draws = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            draws.add(ObjectPlacement.random(random));
        }

        assertThat(draws).allSatisfy(p -> {
            assertThat(p.degrees()).isBetween(-90.0, 90.0);
            assertThat(p.scale()).isBetween(0.8, 1.0);
        });
        assertThat(draws).anyMatch(p -> p.degrees() < -80).anyMatch(p -> p.degrees() > 80);
        assertThat(draws).anyMatch(p -> p.scale() < 0.82).anyMatch(p -> p.scale() > 0.98);
        assertThat(draws.stream().filter(ObjectPlacement::mirrored).count()).isBetween(400L, 600L);
    }

    /** An L: a bar down the left side and a foot to the right, nothing symmetric about it. */
    static HoleMask letterL() {
        HoleMask l = new HoleMask(SIZE, SIZE);
        l.fill(new Rectangle(20, 10, 15, 70));
        l.fill(new Rectangle(20, 65, 50, 15));
        return l;
    }
}
