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
        Mat source = new Mat(height, width, CvType.CV_8UC3);
        Mat hole = new Mat(height, width, CvType.CV_8UC1);
        Mat filled = new Mat();
        try {
            int[] argb = new int[width];
            byte[] bgr = new byte[3 * width];
            byte[] holeRow = new byte[width];
            for (int y = 0; y < height; y++) {
                photo.getRGB(0, y, width, 1, argb, 0, width);
                for (int x = 0; x < width; x++) {
                    bgr[3 * x] = (byte) argb[x];
                    bgr[3 * x + 1] = (byte) (argb[x] >> 8);
                    bgr[3 * x + 2] = (byte) (argb[x] >> 16);
                    holeRow[x] = mask.isHole(x, y) ? (byte) 255 : 0;
                }
                source.put(y, 0, bgr);
                hole.put(y, 0, holeRow);
            }
            Photo.inpaint(source, hole, filled, RADIUS, flags);
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                filled.get(y, 0, bgr);
                for (int x = 0; x < width; x++) {
                    argb[x] = (bgr[3 * x + 2] & 0xff) << 16 | (bgr[3 * x + 1] & 0xff) << 8 | (bgr[3 * x] & 0xff);
                }
                out.setRGB(0, y, width, 1, argb, 0, width);
            }
            return out;
        } finally {
            source.release();
            hole.release();
            filled.release();
        }
    }
}
