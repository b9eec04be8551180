package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pictures of the stages (paper Fig. 2), delivered when asked for, in order: the network-side
 * ones at network size, the full-resolution ones at the size of the region filled; one set per
 * crop, prefixed by the crop's number, when there are several.
 */
class StagePicturesTest {

    private static final List<String> NAMES = List.of("01-input-lowres", "02-coarse", "03-refine", "04-blurry",
            "05-context-residual", "06-aggregated-residual", "07-upsampled-fill", "08-attention-flow");

    private static Map<String, Dimension> collect(Inpainter inpainter, BufferedImage photo, HoleMask mask,
            InpaintOptions options, List<InpaintResult> results) {
        Map<String, Dimension> pictures = new LinkedHashMap<>();
        results.add(inpainter.inpaint(photo, mask, options.withPictures((name, picture) -> {
            assertThat(pictures).as("picture %s delivered twice", name).doesNotContainKey(name);
            pictures.put(name, new Dimension(picture.getWidth(), picture.getHeight()));
        })));
        return pictures;
    }

    private static Map<String, Dimension> expected(String prefix, NetworkSize net, Rectangle region, boolean stages) {
        Map<String, Dimension> sizes = new LinkedHashMap<>();
        Dimension network = new Dimension(net.width(), net.height());
        Dimension full = new Dimension(region.width, region.height);
        for (String name : NAMES) {
            if (!stages && (name.equals("02-coarse") || name.equals("03-refine"))) {
                continue;
            }
            boolean atNetworkSize = name.startsWith("01") || name.startsWith("02") || name.startsWith("03")
                    || name.startsWith("08");
            sizes.put(prefix + name, atNetworkSize ? network : full);
        }
        return sizes;
    }

    @Test
    void wholePhotoDeliversTheEightPicturesInOrderWithTheirSizes() {
        int w = 1001;
        int h = 751;
        BufferedImage photo = Photos.image(Photos.texture(w, h, 2), w, h, BufferedImage.TYPE_3BYTE_BGR);
        HoleMask mask = Photos.mask(w, h, new Rectangle(400, 300, 60, 40));
        ScriptedModel model = new ScriptedModel(ScriptedModel.constant(255, 0, 255), ScriptedModel.diffuse(3, 3.0));
        List<InpaintResult> results = new ArrayList<>();
        Map<String, Dimension> pictures;
        InpaintResult plain;
        try (Inpainter inpainter = Inpainter.of(model)) {
            InpaintOptions whole = InpaintOptions.defaults().withStrategy(Strategy.WHOLE);
            pictures = collect(inpainter, photo, mask, whole, results);
            plain = inpainter.inpaint(photo, mask, whole);
        }
        assertThat(pictures).containsExactlyEntriesOf(expected("", new NetworkSize(384, 512), new Rectangle(w, h), true));
        assertThat(Photos.samples(results.get(0).image())).as("asking for pictures leaves the result as it was")
                .isEqualTo(Photos.samples(plain.image()));
    }

    @Test
    void networkWithoutCoarseAndRefinedOutputsSkipsThosePictures() {
        BufferedImage photo = Photos.image(Photos.texture(300, 200, 2), 300, 200, BufferedImage.TYPE_3BYTE_BGR);
        HoleMask mask = Photos.mask(300, 200, new Rectangle(100, 100, 20, 20));
        ScriptedModel model = new ScriptedModel(ScriptedModel.constant(0, 0, 0), ScriptedModel.zeroAttention(), false);
        Map<String, Dimension> pictures;
        try (Inpainter inpainter = Inpainter.of(model)) {
            pictures = collect(inpainter, photo, mask, InpaintOptions.defaults(), new ArrayList<>());
        }
        assertThat(pictures).containsExactlyEntriesOf(expected("", new NetworkSize(320, 512), new Rectangle(300, 200), false));
    }

    @Test
    void eachCropDeliversItsOwnPicturesAtItsOwnSize() {
        int w = 2400;
        int h = 1600;
        BufferedImage photo = Photos.image(Photos.texture(w, h, 4), w, h, BufferedImage.TYPE_3BYTE_BGR);
        HoleMask mask = Photos.mask(w, h, new Rectangle(300, 250, 40, 25), new Rectangle(1700, 900, 300, 200));
        ScriptedModel model = new ScriptedModel(ScriptedModel.constant(255, 0, 255), ScriptedModel.diffuse(3, 3.0));
        List<InpaintResult> results = new ArrayList<>();
        Map<String, Dimension> pictures;
        try (Inpainter inpainter = Inpainter.of(model)) {
            pictures = collect(inpainter, photo, mask, InpaintOptions.defaults().withStrategy(Strategy.CROP), results);
        }
        List<CraPipeline.RegionReport> regions = results.get(0).regions();
        assertThat(regions).hasSize(2);
        Map<String, Dimension> expected = new LinkedHashMap<>();
        for (int i = 0; i < regions.size(); i++) {
            CraPipeline.RegionReport r = regions.get(i);
            assertThat(r.region().getSize()).as("crops of different sizes")
                    .isNotEqualTo(regions.get(1 - i).region().getSize());
            expected.putAll(expected(String.format("region-%02d-", i + 1), r.networkSize(), r.region(), true));
        }
        assertThat(pictures).containsExactlyEntriesOf(expected);
    }
}
