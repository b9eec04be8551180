package org.hifill.pipeline;

import java.awt.Rectangle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Where to run CRA. A small object in an 8K photo is filled at a much finer scale when CRA runs
 * on a crop around it: the network then sees it at nearly full resolution. Holes are grouped by
 * 8-connectivity on 16 x 16 pixel blocks; each group gets a crop of its bounding box widened by
 * its longer side (at least {@value #MIN_MARGIN} px) on every side and at least
 * {@value #MIN_CROP} px across; crops that overlap are merged into one, so each hole pixel is
 * filled by exactly one crop and crops never paste over each other.
 */
public final class CropPlanner {

    /** The rule {@link Strategy#AUTO} follows, for the documentation. */
    public static final String AUTO_RULE = "crops when the photo's long side exceeds " + 1024
            + " px and the crops together cover at most half of the photo; otherwise the whole photo";

    static final int BLOCK = 16;
    static final int MIN_MARGIN = 128;
    static final int MIN_CROP = 512;
    private static final int AUTO_MIN_LONG_SIDE = 1024;
    private static final double AUTO_MAX_COVER = 0.5;

    private CropPlanner() {}

    /** The regions to fill, in a stable order; empty for an empty mask. */
    public static List<Rectangle> plan(HoleMask mask, Strategy strategy) {
        Rectangle whole = new Rectangle(mask.width(), mask.height());
        if (mask.isEmpty()) {
            return List.of();
        }
        if (strategy == Strategy.WHOLE) {
            return List.of(whole);
        }
        List<Rectangle> crops = crops(mask);
        if (strategy == Strategy.CROP) {
            return crops;
        }
        long covered = crops.stream().mapToLong(r -> (long) r.width * r.height).sum();
        boolean large = Math.max(mask.width(), mask.height()) > AUTO_MIN_LONG_SIDE;
        return large && covered <= AUTO_MAX_COVER * whole.width * whole.height ? crops : List.of(whole);
    }

    /** Crops around groups of holes, merged until none overlap. */
    static List<Rectangle> crops(HoleMask mask) {
        Rectangle bounds = new Rectangle(mask.width(), mask.height());
        List<Rectangle> holes = holeGroups(mask);
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int a = 0; a < holes.size(); a++) {
                for (int b = a + 1; b < holes.size(); b++) {
                    if (crop(holes.get(a), bounds).intersects(crop(holes.get(b), bounds))) {
                        holes.set(a, holes.get(a).union(holes.get(b)));
                        holes.remove(b);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        List<Rectangle> crops = new ArrayList<>();
        holes.forEach(h -> crops.add(crop(h, bounds)));
        crops.sort((p, q) -> p.y != q.y ? Integer.compare(p.y, q.y) : Integer.compare(p.x, q.x));
        return crops;
    }

    /** The crop for holes with the given bounding box. */
    static Rectangle crop(Rectangle holes, Rectangle bounds) {
        int margin = Math.max(MIN_MARGIN, Math.max(holes.width, holes.height));
        Rectangle r = new Rectangle(holes.x - margin, holes.y - margin, holes.width + 2 * margin,
                holes.height + 2 * margin);
        r = widen(r, MIN_CROP, bounds);
        return r.intersection(bounds);
    }

    /** Widens a rectangle about its centre to at least {@code min} per side, shifted to stay inside. */
    private static Rectangle widen(Rectangle r, int min, Rectangle bounds) {
        int w = Math.min(Math.max(r.width, min), bounds.width);
        int h = Math.min(Math.max(r.height, min), bounds.height);
        int x = r.x - (w - r.width) / 2;
        int y = r.y - (h - r.height) / 2;
        x = Math.max(bounds.x, Math.min(x, bounds.x + bounds.width - w));
        y = Math.max(bounds.y, Math.min(y, bounds.y + bounds.height - h));
        if (r.width > w || r.height > h) {
            return r;
        }
        return new Rectangle(x, y, w, h);
    }

    /** Bounding boxes (in pixels) of the 8-connected groups of hole blocks. */
    static List<Rectangle> holeGroups(HoleMask mask) {
        int bw = (mask.width() + BLOCK - 1) / BLOCK;
        int bh = (mask.height() + BLOCK - 1) / BLOCK;
        boolean[] blocks = new boolean[bw * bh];
        for (int y = 0; y < mask.height(); y++) {
            int x = mask.nextHole(y, 0, mask.width());
            while (x >= 0) {
                int block = x / BLOCK;
                blocks[(y / BLOCK) * bw + block] = true;
                int next = (block + 1) * BLOCK;
                x = next >= mask.width() ? -1 : mask.nextHole(y, next, mask.width());
            }
        }
        boolean[] seen = new boolean[blocks.length];
        List<Rectangle> groups = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < blocks.length; start++) {
            if (!blocks[start] || seen[start]) {
                continue;
            }
            int minX = bw;
            int minY = bh;
            int maxX = -1;
            int maxY = -1;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int b = queue.poll();
                int bx = b % bw;
                int by = b / bw;
                minX = Math.min(minX, bx);
                maxX = Math.max(maxX, bx);
                minY = Math.min(minY, by);
                maxY = Math.max(maxY, by);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = bx + dx;
                        int ny = by + dy;
                        if (nx >= 0 && ny >= 0 && nx < bw && ny < bh && blocks[ny * bw + nx] && !seen[ny * bw + nx]) {
                            seen[ny * bw + nx] = true;
                            queue.add(ny * bw + nx);
                        }
                    }
                }
            }
            Rectangle box = new Rectangle(minX * BLOCK, minY * BLOCK, (maxX - minX + 1) * BLOCK,
                    (maxY - minY + 1) * BLOCK);
            groups.add(box.intersection(new Rectangle(mask.width(), mask.height())));
        }
        return groups;
    }
}
