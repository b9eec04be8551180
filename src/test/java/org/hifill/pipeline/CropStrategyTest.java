package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where CRA runs: separate small holes get separate crops around them with a margin, nearby holes
 * share one, crops never overlap; AUTO crops small holes in large photos and takes the whole photo
 * otherwise; filling crops changes only pixels near the holes and reports each crop.
 */
class CropStrategyTest {

    private static void assertContainsWithMargin(Rectangle crop, Rectangle hole, int margin) {
        Rectangle widened = new Rectangle(hole.x - margin, hole.y - margin, hole.width + 2 * margin,
                hole.height + 2 * margin);
        assertThat(crop.contains(widened)).as("%s holds %s with a margin of %d", crop, hole, margin).isTrue();
    }

    private static void assertDisjoint(List<Rectangle> crops) {
        for (int a = 0; a < crops.size(); a++) {
            for (int b = a + 1; b < crops.size(); b++) {
                assertThat(crops.get(a).intersects(crops.get(b))).as("%s and %s overlap", crops.get(a), crops.get(b))
                        .isFalse();
            }
        }
    }

    @Test
    void twoSeparateSmallHolesGetTwoDisjointCropsWithMargin() {
        Rectangle a = new Rectangle(1000, 1000, 40, 30);
        Rectangle b = new Rectangle(4500, 3000, 50, 50);
        HoleMask mask = Photos.mask(6000, 4000, b, a);
        List<Rectangle> crops = CropPlanner.plan(mask, Strategy.CROP);
        assertThat(crops).hasSize(2);
        assertContainsWithMargin(crops.get(0), a, CropPlanner.MIN_MARGIN);
        assertContainsWithMargin(crops.get(1), b, CropPlanner.MIN_MARGIN);
        assertDisjoint(crops);
        for (Rectangle crop : crops) {
            assertThat(crop.width).isGreaterThanOrEqualTo(CropPlanner.MIN_CROP);
            assertThat(crop.height).isGreaterThanOrEqualTo(CropPlanner.MIN_CROP);
            assertThat(new Rectangle(6000, 4000).contains(crop)).isTrue();
        }
        assertThat(CropPlanner.plan(mask, Strategy.AUTO)).isEqualTo(crops);
        assertThat(CropPlanner.plan(mask, Strategy.WHOLE)).containsExactly(new Rectangle(6000, 4000));
    }

    @Test
    void twoHolesCloseTogetherShareOneCrop() {
        Rectangle a = new Rectangle(1000, 1000, 40, 30);
        Rectangle b = new Rectangle(1100, 1010, 40, 30);
        HoleMask mask = Photos.mask(6000, 4000, a, b);
        List<Rectangle> crops = CropPlanner.plan(mask, Strategy.CROP);
        assertThat(crops).hasSize(1);
        assertContainsWithMargin(crops.get(0), a.union(b), CropPlanner.MIN_MARGIN);
    }

    @Test
    void chainOfNearbyHolesBecomesOneCropAndEveryHolePixelLiesInExactlyOneCrop() {
        // Three holes whose crops overlap in a chain, and a far one.
        HoleMask mask = Photos.mask(6000, 4000, new Rectangle(1000, 1000, 16, 16), new Rectangle(1300, 1000, 16, 16),
                new Rectangle(1300, 1560, 300, 16), new Rectangle(5000, 3500, 20, 20));
        List<Rectangle> crops = CropPlanner.plan(mask, Strategy.CROP);
        assertDisjoint(crops);
        assertThat(crops).hasSize(2);
        for (int y = 0; y < mask.height(); y++) {
            for (int x = mask.nextHole(y, 0, mask.width()); x >= 0;
                    x = x + 1 < mask.width() ? mask.nextHole(y, x + 1, mask.width()) : -1) {
                int px = x;
                int py = y;
                assertThat(crops).as("crops holding hole pixel (%d, %d)", x, y)
                        .filteredOn(r -> r.contains(px, py)).hasSize(1);
            }
        }
    }

    @Test
    void holeAtACornerGetsACropShiftedInsideThePhoto() {
        HoleMask mask = Photos.mask(6000, 4000, new Rectangle(5990, 3995, 10, 5));
        List<Rectangle> crops = CropPlanner.plan(mask, Strategy.CROP);
        assertThat(crops).singleElement().satisfies(crop -> {
            assertThat(new Rectangle(6000, 4000).contains(crop)).isTrue();
            assertThat(crop.contains(new Rectangle(5990, 3995, 10, 5))).isTrue();
            assertThat(crop.width).isGreaterThanOrEqualTo(CropPlanner.MIN_CROP);
            assertThat(crop.height).isGreaterThanOrEqualTo(CropPlanner.MIN_CROP);
        });
    }

    @Test
    void autoTakesTheWholePhotoForALargeHoleOrASmallPhoto() {
        HoleMask large = Photos.mask(6000, 4000, new Rectangle(1000, 800, 3000, 2400));
        assertThat(CropPlanner.plan(large, Strategy.AUTO)).containsExactly(new Rectangle(6000, 4000));

        HoleMask smallPhoto = Photos.mask(1024, 768, new Rectangle(100, 100, 10, 10));
        assertThat(CropPlanner.plan(smallPhoto, Strategy.AUTO)).containsExactly(new Rectangle(1024, 768));
        HoleMask tallSmallPhoto = Photos.mask(700, 1024, new Rectangle(100, 100, 10, 10));
        assertThat(CropPlanner.plan(tallSmallPhoto, Strategy.AUTO)).containsExactly(new Rectangle(700, 1024));

        HoleMask justLarger = Photos.mask(1025, 768, new Rectangle(100, 100, 10, 10));
        assertThat(CropPlanner.plan(justLarger, Strategy.AUTO)).isEqualTo(CropPlanner.plan(justLarger, Strategy.CROP))
                .hasSize(1);
        assertThat(CropPlanner.AUTO_RULE).contains("1024");
        assertThat(CropPlanner.plan(new HoleMask(6000, 4000), Strategy.AUTO)).isEmpty();
    }

    @Test
    void cropsChangeOnlyPixelsNearTheHolesAndAreReported() {
        int w = 2400;
        int h = 1600;
        BufferedImage photo = Photos.image(Photos.texture(w, h, 21), w, h, BufferedImage.TYPE_3BYTE_BGR);
        HoleMask mask = Photos.mask(w, h, new Rectangle(300, 250, 40, 25), new Rectangle(2000, 1300, 30, 60));
        List<Rectangle> planned = CropPlanner.plan(mask, Strategy.CROP);
        assertThat(planned).hasSize(2);
        ScriptedModel model = new ScriptedModel(ScriptedModel.constant(255, 0, 255), ScriptedModel.diffuse(1, 2.0));
        InpaintResult result;
        try (Inpainter inpainter = Inpainter.of(model)) {
            result = inpainter.inpaint(photo, mask, InpaintOptions.defaults().withStrategy(Strategy.CROP));
            InpaintResult auto = inpainter.inpaint(photo, mask, InpaintOptions.defaults());
            assertThat(Photos.samples(auto.image())).isEqualTo(Photos.samples(result.image()));
        }
        assertThat(model.calls()).isEqualTo(4);
        assertThat(result.regions()).extracting(CraPipeline.RegionReport::region).isEqualTo(planned);
        int radius = 0;
        for (CraPipeline.RegionReport r : result.regions()) {
            assertThat(r.networkSize()).isEqualTo(NetworkSize.forPhoto(r.region().width, r.region().height));
            assertThat(r.targetCells()).isPositive();
            radius = Math.max(radius, r.featherRadius());
        }
        // Each crop is seen at about full resolution: the feather is a couple of pixels.
        assertThat(radius).isLessThanOrEqualTo(4);
        long changed = Photos.assertUnchangedBeyondFeather(photo, result.image(), mask, radius);
        assertThat(changed).isLessThan(3 * mask.holeCount());
        Photos.assertEveryHolePixelChanged(photo, result.image(), mask);
    }
}
