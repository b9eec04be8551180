package org.hifill.evaluation;

import java.awt.image.BufferedImage;
import org.hifill.pipeline.HoleMask;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.photo.Photo;

/**
 * OpenCV's classic full-resolution inpainting ({@code cv::inpaint}, radius 3): Telea's fast
 * marching method (2004) or the Navier-Stokes method of Bertalmio et al. (2001). They propagate
 * the colours at the hole's border inward and know nothing of the scene, the "fill through
 * copying" family that the paper contrasts learning-based inpainting with.
 */
final class OpenCvInpainting implements EvaluationMethod {

    /** The neighbourhood each pixel is filled from, in pixels (OpenCV's samples use 3). */
    static final double RADIUS = 3;

    private static boolean loaded;

    private final String name;
    private final int flags;

    private OpenCvInpainting(String name, int flags) {
        loadNativeLibrary();
        this.name = name;
        this.flags = flags;
    }

    static OpenCvInpainting telea() {
        return new OpenCvInpainting("telea", Photo.INPAINT_TELEA);
    }

    static OpenCvInpainting navierStokes() {
        return new OpenCvInpainting("ns", Photo.INPAINT_NS);
    }

    /** Loads OpenCV's native library from its jar, once; done before any timing starts. */
    static synchronized void loadNativeLibrary() {
        if (!loaded) {
            nu.pattern.OpenCV.loadLocally();
            loaded = true;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BufferedImage fill(BufferedImage photo, HoleMask mask) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        byte[] bgr = new byte[3 * width * height];
        byte[] hole = new byte[width * height];
        int[] argb = new int[width];
        for (int y = 0; y < height; y++) {
            photo.getRGB(0, y, width, 1, argb, 0, width);
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                bgr[3 * i] = (byte) argb[x];
                bgr[3 * i + 1] = (byte) (argb[x] >> 8);
                bgr[3 * i + 2] = (byte) (argb[x] >> 16);
                hole[i] = mask.isHole(x, y) ? (byte) 255 : 0;
            }
        }
        inpaint(bgr, hole, width, height, 3, flags);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                argb[x] = (bgr[3 * i + 2] & 0xff) << 16 | (bgr[3 * i + 1] & 0xff) << 8 | (bgr[3 * i] & 0xff);
            }
            out.setRGB(0, y, width, 1, argb, 0, width);
        }
        return out;
    }

    /**
     * Fills the hole of interleaved 8-bit pixels in place with {@code cv::inpaint}.
     *
     * @param pixels {@code height x width x channels} samples
     * @param hole {@code height x width}, 255 in the hole
     * @param flags {@link Photo#INPAINT_TELEA} or {@link Photo#INPAINT_NS}
     */
    static void inpaint(byte[] pixels, byte[] hole, int width, int height, int channels, int flags) {
        Mat source = new Mat(height, width, CvType.CV_8UC(channels));
        Mat holeMat = new Mat(height, width, CvType.CV_8UC1);
        Mat filled = new Mat();
        try {
            source.put(0, 0, pixels);
            holeMat.put(0, 0, hole);
            Photo.inpaint(source, holeMat, filled, RADIUS, flags);
            filled.get(0, 0, pixels);
        } finally {
            source.release();
            holeMat.release();
            filled.release();
        }
    }
}
