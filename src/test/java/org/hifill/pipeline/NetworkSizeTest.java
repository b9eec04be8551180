package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The network size keeps the photo's aspect ratio: long side 512, short side a multiple of 64. */
class NetworkSizeTest {

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({
        "4001, 2999, 512, 384",
        "2999, 4001, 384, 512",
        "1001, 751, 512, 384",
        "1024, 1024, 512, 512",
        "640, 480, 512, 384",
        "7680, 4320, 512, 320",
        "6000, 4000, 512, 320",
        "300, 200, 512, 320",
        "5000, 60, 512, 64",
        "1, 1, 512, 512",
        "33, 1000, 64, 512",
    })
    void longSideIs512AndShortSideTheNearestMultipleOf64(int w, int h, int netW, int netH) {
        NetworkSize size = NetworkSize.forPhoto(w, h);
        assertThat(size.width()).isEqualTo(netW);
        assertThat(size.height()).isEqualTo(netH);
        assertThat(Math.max(size.width(), size.height())).isEqualTo(NetworkSize.LONG_SIDE);
        assertThat(size.width() % 64).isZero();
        assertThat(size.height() % 64).isZero();
        double shortIdeal = 512.0 * Math.min(w, h) / Math.max(w, h);
        int shortSide = Math.min(size.width(), size.height());
        assertThat(Math.abs(shortSide - shortIdeal)).as("short side off its ideal " + shortIdeal)
                .isLessThanOrEqualTo(shortIdeal < 32 ? 64 : 32);
        assertThat(w >= h).as("orientation kept").isEqualTo(size.width() >= size.height());
        assertThat(size.gridRows()).isEqualTo(size.height() / 16);
        assertThat(size.gridCols()).isEqualTo(size.width() / 16);
    }
}
