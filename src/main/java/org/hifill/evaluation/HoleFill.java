package org.hifill.evaluation;

/**
 * A way of filling the hole of an image held as colour planes: the plain baselines that the
 * model's scores are compared with.
 */
public interface HoleFill {

    /** A short name for tables and logs. */
    String name();

    /**
     * The image with its hole filled; pixels outside the hole keep their values.
     *
     * @param planes {@code channels x height x width} values, channel after channel
     * @param mask {@code height x width}, above 0.5 in the hole
     * @param width image width
     * @param height image height
     * @return a new array shaped like {@code planes}
     */
    float[] fill(float[] planes, float[] mask, int width, int height);

    /** The number of channels in {@code planes}, checked against the mask's size. */
    static int channels(float[] planes, float[] mask, int width, int height) {
        int plane = width * height;
        if (mask.length != plane || plane == 0 || planes.length % plane != 0) {
            throw new IllegalArgumentException("planes of " + planes.length + " values and a mask of " + mask.length
                    + " do not fit a " + width + "x" + height + " image");
        }
        return planes.length / plane;
    }
}
