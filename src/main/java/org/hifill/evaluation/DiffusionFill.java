package org.hifill.evaluation;

/**
 * Fills the hole with the harmonic interpolation of its border: the solution of Laplace's equation
 * inside the hole with the known pixels as boundary values, so colours diffuse smoothly inward.
 * Solved coarse to fine: the hole of a half-size image (each pixel the mean of its known children)
 * is filled first and gives the starting values, then successive over-relaxation sweeps converge at
 * full size, which keeps the number of sweeps small for wide holes.
 */
public final class DiffusionFill implements HoleFill {

    private static final int COARSEST_SIDE = 8;
    private static final float OVER_RELAXATION = 1.8f;
    private static final int MAX_SWEEPS = 400;
    private static final float CONVERGED = 1e-5f;

    @Override
    public String name() {
        return "diffusion";
    }

    @Override
    public float[] fill(float[] planes, float[] mask, int width, int height) {
        int channels = HoleFill.channels(planes, mask, width, height);
        float[] filled = planes.clone();
        float[] start = startingValues(planes, mask, width, height, channels);
        int plane = width * height;
        for (int i = 0; i < plane; i++) {
            if (mask[i] > 0.5f) {
                for (int c = 0; c < channels; c++) {
                    filled[c * plane + i] = start[c * plane + i];
                }
            }
        }
        relax(filled, mask, width, height, channels);
        return filled;
    }

    /** Hole values from the half-size problem, or the known pixels' mean at the coarsest size. */
    private float[] startingValues(float[] planes, float[] mask, int width, int height, int channels) {
        if (Math.min(width, height) <= COARSEST_SIDE) {
            return new MeanColourFill().fill(planes, mask, width, height);
        }
        int halfW = (width + 1) / 2;
        int halfH = (height + 1) / 2;
        int halfPlane = halfW * halfH;
        float[] halfPlanes = new float[channels * halfPlane];
        float[] halfMask = new float[halfPlane];
        int[] known = new int[halfPlane];
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (mask[i] <= 0.5f) {
                    int h = (y / 2) * halfW + x / 2;
                    known[h]++;
                    for (int c = 0; c < channels; c++) {
                        halfPlanes[c * halfPlane + h] += planes[c * plane + i];
                    }
                }
            }
        }
        for (int h = 0; h < halfPlane; h++) {
            if (known[h] == 0) {
                halfMask[h] = 1f;
            } else {
                for (int c = 0; c < channels; c++) {
                    halfPlanes[c * halfPlane + h] /= known[h];
                }
            }
        }
        float[] half = fill(halfPlanes, halfMask, halfW, halfH);
        float[] start = new float[planes.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int h = (y / 2) * halfW + x / 2;
                for (int c = 0; c < channels; c++) {
                    start[c * plane + y * width + x] = half[c * halfPlane + h];
                }
            }
        }
        return start;
    }

    /** Gauss-Seidel sweeps with over-relaxation over the hole pixels until they settle. */
    private static void relax(float[] values, float[] mask, int width, int height, int channels) {
        int plane = width * height;
        int[] hole = holePixels(mask);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            float largest = 0;
            for (int i : hole) {
                int x = i % width;
                int y = i / width;
                for (int c = 0; c < channels; c++) {
                    int base = c * plane;
                    float sum = 0;
                    int neighbours = 0;
                    if (x > 0) {
                        sum += values[base + i - 1];
                        neighbours++;
                    }
                    if (x + 1 < width) {
                        sum += values[base + i + 1];
                        neighbours++;
                    }
                    if (y > 0) {
                        sum += values[base + i - width];
                        neighbours++;
                    }
                    if (y + 1 < height) {
                        sum += values[base + i + width];
                        neighbours++;
                    }
                    if (neighbours == 0) {
                        continue;
                    }
                    float change = OVER_RELAXATION * (sum / neighbours - values[base + i]);
                    values[base + i] += change;
                    largest = Math.max(largest, Math.abs(change));
                }
            }
            if (largest < CONVERGED) {
                return;
            }
        }
    }

    private static int[] holePixels(float[] mask) {
        int count = 0;
        for (float m : mask) {
            if (m > 0.5f) {
                count++;
            }
        }
        int[] pixels = new int[count];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] > 0.5f) {
                pixels[n++] = i;
            }
        }
        return pixels;
    }
}
