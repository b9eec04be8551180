package org.hifill.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hifill.pipeline.HoleMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskReaderTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void greyMaskIsHoleAbove127() throws IOException {
        var grey = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 127, 128, 255});

        HoleMask mask = read(png("grey.png", grey), 4, 1, false);

        assertThat(row(mask, 0)).isEqualTo("..##");
        assertThat(warnings).isEmpty();
    }

    @Test
    void rgbMaskIsHoleWhereAnyColourIsBright() throws IOException {
        var rgb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0x000000);
        rgb.setRGB(1, 0, 0x7F7F7F);   // mid grey: not hole
        rgb.setRGB(2, 0, 0xC80000);   // strong red: hole
        rgb.setRGB(3, 0, 0x0000FF);   // blue: hole

        assertThat(row(read(png("rgb.png", rgb), 4, 1, false), 0)).isEqualTo("..##");
    }

    @Test
    void invertedMaskPaintsTheHoleBlack() throws IOException {
        var grey = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 127, 128, 255});

        assertThat(row(read(png("black-hole.png", grey), 4, 1, true), 0)).isEqualTo("##..");
    }

    @Test
    void maskWithTransparencyIsHoleWhereOpaque() throws IOException {
        var layer = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        layer.setRGB(0, 0, 0x00FFFFFF);   // transparent white: kept
        layer.setRGB(1, 0, 0xFF000000);   // opaque black stroke: hole
        layer.setRGB(2, 0, 0x80FF0000);   // alpha 128: hole
        layer.setRGB(3, 0, 0x7FFFFFFF);   // alpha 127: kept

        assertThat(row(read(png("layer.png", layer), 4, 1, false), 0)).isEqualTo(".##.");
    }

    @Test
    void fullyOpaqueAlphaFallsBackToColour() throws IOException {
        var opaque = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        opaque.setRGB(0, 0, 0xFF000000);
        opaque.setRGB(1, 0, 0xFFFFFFFF);
        opaque.setRGB(2, 0, 0xFF000000);
        opaque.setRGB(3, 0, 0xFF00FF00);

        assertThat(row(read(png("opaque.png", opaque), 4, 1, false), 0)).isEqualTo(".#.#");
    }

    @Test
    void sixteenBitMaskUsesHalfItsRange() throws IOException {
        var deep = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setPixels(0, 0, 3, 1, new int[] {200, 32767, 32768});

        assertThat(row(read(png("deep.png", deep), 3, 1, false), 0)).isEqualTo("..#");
    }

    @Test
    void halfSizeMaskIsScaledByNearestNeighbourWithAWarning() throws IOException {
        var small = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        small.getRaster().setSample(1, 0, 0, 255);
        small.getRaster().setSample(3, 2, 0, 255);

        HoleMask mask = read(png("small.png", small), 8, 6, false);

        assertThat(warnings).containsExactly("small.png is 4x3, resized to 8x6 (nearest)");
        assertThat(row(mask, 0)).isEqualTo("..##....");
        assertThat(row(mask, 1)).isEqualTo("..##....");
        assertThat(row(mask, 2)).isEqualTo("........");
        assertThat(row(mask, 5)).isEqualTo("......##");
        assertThat(mask.holeCount()).isEqualTo(8);
    }

    @Test
    void maskOffByARoundingPixelIsAccepted() throws IOException {
        // 4000x3000 scaled by 1/4 is 1000x750; 1001x750 is within a pixel of it
        var mask = new BufferedImage(1001, 750, BufferedImage.TYPE_BYTE_GRAY);

        assertThat(read(png("round.png", mask), 4000, 3000, false).isEmpty()).isTrue();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void maskOfAnotherAspectRatioIsAnErrorNamingBothSizes() throws IOException {
        Path file = png("wide.png", new BufferedImage(100, 50, BufferedImage.TYPE_BYTE_GRAY));

        assertThatThrownBy(() -> read(file, 100, 75, false)).isInstanceOf(ImageFormatException.class)
                .hasMessage(file + ": mask is 100x50 but the photo is 100x75: not the same aspect ratio");
    }

    @Test
    void sameAspectAllowsOnePixelOfRoundingOnEachSide() {
        assertThat(MaskReader.sameAspect(1000, 750, 4000, 3000)).isTrue();
        assertThat(MaskReader.sameAspect(999, 751, 4000, 3000)).isTrue();
        assertThat(MaskReader.sameAspect(1000, 752, 4000, 3000)).isFalse();
        assertThat(MaskReader.sameAspect(3, 2, 4000, 3000)).isTrue();   // 3x2.25 rounds to 3x2
        assertThat(MaskReader.sameAspect(4000, 3002, 4000, 3000)).isFalse();
    }

    private HoleMask read(Path file, int w, int h, boolean invert) throws IOException {
        return MaskReader.read(file, w, h, invert, warnings::add);
    }

    private Path png(String name, BufferedImage image) {
        return TestImages.write(dir, name, TestImages.encode(image, "png"));
    }

    private static String row(HoleMask mask, int y) {
        var s = new StringBuilder();
        for (int x = 0; x < mask.width(); x++) {
            s.append(mask.isHole(x, y) ? '#' : '.');
        }
        return s.toString();
    }
}
