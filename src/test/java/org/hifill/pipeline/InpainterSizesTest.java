package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Photos of any size, holes anywhere: the output has the input's size, every hole pixel is
 * filled, and every pixel beyond the feather's reach is bit-identical to the input. The network
 * stage fills with bright red (the photos' red stays at most 45) and attends diffusely.
 */
class InpainterSizesTest {

    private static ScriptedModel model;
    private static Inpainter inpainter;

    @BeforeAll
    static void open() {
        model = new ScriptedModel(ScriptedModel.constant(255, 0, 255), ScriptedModel.diffuse(7, 2.0));
        inpainter = Inpainter.of(model);
    }

    @AfterAll
    static void close() {
        inpainter.close();
    }

    private static InpaintResult fill(BufferedImage photo, HoleMask mask, Strategy strategy) {
        InpaintResult result = inpainter.inpaint(photo, mask, InpaintOptions.defaults().withStrategy(strategy));
        assertThat(result.image()).isNotSameAs(photo);
        assertThat(result.image().getWidth()).isEqualTo(photo.getWidth());
        assertThat(result.image().getHeight()).isEqualTo(photo.getHeight());
        assertThat(result.image().getType()).isEqualTo(photo.getType());
        assertThat(result.regions()).isNotEmpty();
        for (CraPipeline.RegionReport r : result.regions()) {
            Photos.assertUnchangedBeyondFeather(photo, result.image(), mask, r.featherRadius());
        }
        Photos.assertEveryHolePixelChanged(photo, result.image(), mask);
        return result;
    }

    private static BufferedImage photo(int w, int h) {
        return Photos.image(Photos.texture(w, h, w * 31L + h), w, h, BufferedImage.TYPE_3BYTE_BGR);
    }

    @Test
    void oddNonSquarePhotoKeepsItsSizeAndItsPixelsAwayFromTheHole() {
        BufferedImage photo = photo(1001, 751);
        int[] before = Photos.samples(photo);
        HoleMask mask = Photos.mask(1001, 751, new Rectangle(400, 300, 77, 51));
        InpaintResult result = fill(photo, mask, Strategy.WHOLE);
        assertThat(model.lastSize()).isEqualTo(new NetworkSize(384, 512));
        assertThat(result.regions()).singleElement().satisfies(r -> {
            assertThat(r.region()).isEqualTo(new Rectangle(1001, 751));
            assertThat(r.networkSize()).isEqualTo(new NetworkSize(384, 512));
        });
        assertThat(Photos.samples(photo)).as("the photo itself is not changed").isEqualTo(before);
    }

    @Test
    void tallOddPhotoKeepsItsSize() {
        BufferedImage photo = photo(751, 1001);
        HoleMask mask = Photos.mask(751, 1001, new Rectangle(100, 700, 60, 90));
        fill(photo, mask, Strategy.WHOLE);
        assertThat(model.lastSize()).isEqualTo(new NetworkSize(512, 384));
    }

    @Test
    void onePixelHoleIsFilledAndNothingBeyondTheFeatherChanges() {
        BufferedImage photo = photo(1001, 751);
        HoleMask mask = new HoleMask(1001, 751);
        mask.setHole(500, 400, true);
        InpaintResult result = fill(photo, mask, Strategy.WHOLE);
        long changed = Photos.assertUnchangedBeyondFeather(photo, result.image(), mask,
                result.regions().get(0).featherRadius());
        assertThat(changed).isBetween(1L, 50L);
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"WHOLE", "CROP"})
    void holesTouchingEveryEdgeAndACornerAreFilled(Strategy strategy) {
        int w = 1001;
        int h = 751;
        BufferedImage photo = photo(w, h);
        HoleMask mask = Photos.mask(w, h,
                new Rectangle(0, 300, 20, 40),          // left edge
                new Rectangle(500, 0, 30, 10),          // top edge
                new Rectangle(w - 20, 500, 20, 50),     // right edge
                new Rectangle(200, h - 10, 60, 10),     // bottom edge
                new Rectangle(w - 15, h - 15, 15, 15)); // bottom-right corner
        fill(photo, mask, strategy);
    }

    @Test
    void holeCoveringAWholeCornerQuarterIsFilled() {
        BufferedImage photo = photo(301, 203);
        HoleMask mask = Photos.mask(301, 203, new Rectangle(0, 0, 150, 101));
        fill(photo, mask, Strategy.WHOLE);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"2, 2", "10, 10", "31, 17", "513, 3", "3, 700"})
    void photoWithFewerPixelsThanGridCellsAlongASideIsFilled(int w, int h) {
        // The grid has 32 columns across 512 network pixels: some cells here hold no pixel.
        BufferedImage photo = photo(w, h);
        HoleMask mask = new HoleMask(w, h);
        mask.setHole(w / 2, h / 2, true);
        for (Strategy strategy : Strategy.values()) {
            List<String> pictures = new ArrayList<>();
            InpaintResult result = inpainter.inpaint(photo, mask,
                    InpaintOptions.defaults().withStrategy(strategy).withPictures((name, picture) -> pictures.add(name)));
            Photos.assertEveryHolePixelChanged(photo, result.image(), mask);
            Photos.assertUnchangedBeyondFeather(photo, result.image(), mask, result.regions().get(0).featherRadius());
            assertThat(pictures).hasSize(8);
        }
    }

    @Test
    void fourMegapixelOddPhotoEndToEnd() {
        int w = 4001;
        int h = 2999;
        BufferedImage photo = photo(w, h);
        HoleMask mask = Photos.mask(w, h, new Rectangle(1700, 1200, 333, 211), new Rectangle(3990, 2990, 11, 9));
        InpaintResult result = fill(photo, mask, Strategy.WHOLE);
        assertThat(model.lastSize()).isEqualTo(new NetworkSize(384, 512));
        // 4001 / 32 columns and 2999 / 24 rows: cells of 125 or 126 by 124 or 125 pixels.
        assertThat(result.regions().get(0).featherRadius()).isEqualTo(16);
    }
}
