package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same picture in different raster layouts, filled by the same network stage, gives the same
 * result: identical colour samples for every 8-bit RGB layout, within one level for 16 bits
 * (divided by 257) and for grey (against the luma of the colour result); alpha is never touched
 * and every pixel beyond the feather stays bit-identical.
 */
class RasterLayoutsTest {

    private static final int W = 640;
    private static final int H = 480;
    private static final HoleMask MASK = Photos.mask(W, H, new Rectangle(250, 200, 90, 70), new Rectangle(600, 0, 40, 30));
    private static final int[] RGB = Photos.texture(W, H, 77);

    private static Inpainter inpainter;

    @BeforeAll
    static void open() {
        inpainter = Inpainter.of(new ScriptedModel(ScriptedModel.constant(255, 0, 255), ScriptedModel.diffuse(5, 2.0)));
    }

    @AfterAll
    static void close() {
        inpainter.close();
    }

    /** Fills the photo, checks what every layout must keep, and returns the result. */
    private static BufferedImage fill(BufferedImage photo) {
        int[] before = Photos.samples(photo);
        InpaintResult result = inpainter.inpaint(photo, MASK, InpaintOptions.defaults().withStrategy(Strategy.WHOLE));
        BufferedImage out = result.image();
        assertThat(out.getType()).isEqualTo(photo.getType());
        assertThat(out.getColorModel()).isEqualTo(photo.getColorModel());
        assertThat(out.getRaster().getNumBands()).isEqualTo(photo.getRaster().getNumBands());
        assertThat(out.getRaster().getTransferType()).isEqualTo(photo.getRaster().getTransferType());
        Photos.assertUnchangedBeyondFeather(photo, out, MASK, result.regions().get(0).featherRadius());
        assertThat(Photos.samples(photo)).as("input untouched").isEqualTo(before);
        return out;
    }

    /** Colour bands 0..2 (R, G, B) of every pixel. */
    private static int[] colour(BufferedImage image) {
        int bands = image.getRaster().getNumBands();
        int[] all = Photos.samples(image);
        int[] rgb = new int[3 * W * H];
        for (int p = 0; p < W * H; p++) {
            System.arraycopy(all, p * bands, rgb, 3 * p, 3);
        }
        return rgb;
    }

    private static int[] band(BufferedImage image, int band) {
        int bands = image.getRaster().getNumBands();
        int[] all = Photos.samples(image);
        int[] out = new int[W * H];
        for (int p = 0; p < W * H; p++) {
            out[p] = all[p * bands + band];
        }
        return out;
    }

    @Test
    void everyEightBitColourLayoutGivesTheSameColours() {
        BufferedImage bgrPhoto = Photos.image(RGB, W, H, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage bgr = fill(bgrPhoto);
        Photos.assertEveryHolePixelChanged(bgrPhoto, bgr, MASK);
        int[] expected = colour(bgr);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR,
                // Opaque, premultiplied samples are the colours themselves.
                BufferedImage.TYPE_INT_ARGB_PRE, BufferedImage.TYPE_4BYTE_ABGR_PRE}) {
            BufferedImage out = fill(Photos.image(RGB, W, H, type));
            assertThat(colour(out)).as("type %d", type).isEqualTo(expected);
        }
    }

    @Test
    void alphaIsLeftAsItWasEvenInsideTheHole() {
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage photo = Photos.image(RGB, W, H, type);
            WritableRaster raster = photo.getRaster();
            SplittableRandom random = new SplittableRandom(8);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    raster.setSample(x, y, 3, random.nextInt(256));
                }
            }
            int[] alpha = band(photo, 3);
            BufferedImage out = fill(photo);
            assertThat(band(out, 3)).as("alpha of type %d", type).isEqualTo(alpha);
            Photos.assertEveryHolePixelChanged(photo, out, MASK);
            // Colour does not depend on alpha (not premultiplied).
            assertThat(colour(out)).isEqualTo(colour(fill(Photos.image(RGB, W, H, BufferedImage.TYPE_3BYTE_BGR))));
        }
    }

    @Test
    void sixteenBitRgbMatchesEightBitWithinOneLevel() {
        BufferedImage photo16 = Photos.rgb16(W, H);
        assertThat(photo16.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
        int[] wide = new int[RGB.length];
        for (int i = 0; i < RGB.length; i++) {
            wide[i] = RGB[i] * 257;
        }
        photo16.getRaster().setPixels(0, 0, W, H, wide);
        BufferedImage out16 = fill(photo16);
        Photos.assertEveryHolePixelChanged(photo16, out16, MASK);
        int[] eight = colour(fill(Photos.image(RGB, W, H, BufferedImage.TYPE_3BYTE_BGR)));
        int[] sixteen = Photos.samples(out16);
        assertWithinOneLevel(sixteen, eight, 257.0);
    }

    @Test
    void greyLayoutsMatchEachOtherAndTheLumaOfTheColourResult() {
        int[] grey = new int[W * H];
        int[] greyRgb = new int[3 * W * H];
        int[] wide = new int[W * H];
        for (int p = 0; p < W * H; p++) {
            grey[p] = RGB[3 * p + 1];
            wide[p] = grey[p] * 257;
            greyRgb[3 * p] = grey[p];
            greyRgb[3 * p + 1] = grey[p];
            greyRgb[3 * p + 2] = grey[p];
        }
        BufferedImage photo8 = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        photo8.getRaster().setPixels(0, 0, W, H, grey);
        BufferedImage photo16 = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        photo16.getRaster().setPixels(0, 0, W, H, wide);
        int[] out8 = Photos.samples(fill(photo8));
        int[] out16 = Photos.samples(fill(photo16));
        assertWithinOneLevel(out16, out8, 257.0);

        int[] colour = colour(fill(Photos.image(greyRgb, W, H, BufferedImage.TYPE_3BYTE_BGR)));
        int[] luma = new int[W * H];
        for (int p = 0; p < W * H; p++) {
            luma[p] = (int) Math.round(0.299 * colour[3 * p] + 0.587 * colour[3 * p + 1] + 0.114 * colour[3 * p + 2]);
        }
        assertWithinOneLevel(out8, luma, 1.0);
        boolean anyHoleChanged = false;
        for (int p = 0; p < W * H; p++) {
            anyHoleChanged |= MASK.isHole(p % W, p / W) && out8[p] != grey[p];
        }
        assertThat(anyHoleChanged).isTrue();
    }

    @Test
    void greyWithAlphaKeepsAlphaAndFillsLikeGrey() {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage photo = new BufferedImage(cm, cm.createCompatibleWritableRaster(W, H), false, null);
        BufferedImage plain = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        SplittableRandom random = new SplittableRandom(12);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int g = RGB[3 * (y * W + x) + 1];
                photo.getRaster().setPixel(x, y, new int[] {g, random.nextInt(256)});
                plain.getRaster().setSample(x, y, 0, g);
            }
        }
        int[] alpha = band(photo, 1);
        BufferedImage out = fill(photo);
        assertThat(band(out, 1)).isEqualTo(alpha);
        assertThat(band(out, 0)).isEqualTo(Photos.samples(fill(plain)));
    }

    @Test
    void subimageSharingItsParentsRasterFillsLikeAStandaloneCopy() {
        int pad = 13;
        int[] big = Photos.noise(W + 2 * pad, H + 2 * pad, 4, 0, 255);
        for (int y = 0; y < H; y++) {
            System.arraycopy(RGB, 3 * y * W, big, 3 * ((y + pad) * (W + 2 * pad) + pad), 3 * W);
        }
        BufferedImage parent = Photos.image(big, W + 2 * pad, H + 2 * pad, BufferedImage.TYPE_3BYTE_BGR);
        int[] parentBefore = Photos.samples(parent);
        BufferedImage sub = parent.getSubimage(pad, pad, W, H);
        BufferedImage out = fill(sub);
        assertThat(Photos.samples(out)).isEqualTo(Photos.samples(fill(Photos.image(RGB, W, H, BufferedImage.TYPE_3BYTE_BGR))));
        assertThat(Photos.samples(parent)).as("parent untouched").isEqualTo(parentBefore);
    }

    @Test
    void paletteImageIsRefusedRatherThanReadAsGrey() {
        BufferedImage indexed = Photos.image(RGB, W, H, BufferedImage.TYPE_BYTE_INDEXED);
        assertThatThrownBy(() -> inpainter.inpaint(indexed, MASK, InpaintOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("palette");
        assertThatThrownBy(() -> inpainter.inpaint(new BufferedImage(W, H, BufferedImage.TYPE_USHORT_565_RGB), MASK,
                InpaintOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported raster");
    }

    private static void assertWithinOneLevel(int[] wide, int[] narrow, double scale) {
        assertThat(wide).hasSameSizeAs(narrow);
        int worst = 0;
        for (int i = 0; i < wide.length; i++) {
            worst = Math.max(worst, (int) Math.abs(Math.round(wide[i] / scale) - narrow[i]));
        }
        assertThat(worst).as("largest difference in 8-bit levels").isLessThanOrEqualTo(1);
    }
}
