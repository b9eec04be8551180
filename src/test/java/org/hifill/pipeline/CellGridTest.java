package org.hifill.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The attention grid tiles its region exactly; neighbouring cells differ by at most one pixel. */
class CellGridTest {

    @ParameterizedTest(name = "{2}x{3} region, {0}x{1} cells")
    @CsvSource({"24, 32, 4001, 2999", "32, 32, 1024, 1024", "24, 32, 31, 17", "4, 32, 513, 3", "32, 4, 300, 5"})
    void cellsTileTheRegionWithoutGapOrOverlap(int rows, int cols, int w, int h) {
        Rectangle region = new Rectangle(7, 11, w, h);
        CellGrid grid = new CellGrid(region, rows, cols);
        assertThat(grid.cellCount()).isEqualTo(rows * cols);
        int[] owner = new int[w * h];
        java.util.Arrays.fill(owner, -1);
        for (int i = 0; i < grid.cellCount(); i++) {
            Rectangle cell = grid.cell(i);
            assertThat(cell.width).isBetween(w / cols, w / cols + 1);
            assertThat(cell.height).isBetween(h / rows, h / rows + 1);
            for (int y = cell.y; y < cell.y + cell.height; y++) {
                for (int x = cell.x; x < cell.x + cell.width; x++) {
                    int p = (y - region.y) * w + (x - region.x);
                    assertThat(owner[p]).as("pixel (%d, %d) in two cells", x, y).isEqualTo(-1);
                    owner[p] = i;
                }
            }
            if (i % cols > 0) {
                Rectangle left = grid.cell(i - 1);
                assertThat(left.x + left.width).isEqualTo(cell.x);
                assertThat(left.y).isEqualTo(cell.y);
            }
        }
        assertThat(owner).doesNotContain(-1);
    }
}
