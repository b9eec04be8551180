package org.hifill.evaluation;

import org.opencv.photo.Photo;

/**
 * OpenCV's Telea inpainting ({@link OpenCvInpainting#telea}) as a {@link HoleFill} on colour
 * planes in [-1, 1] (the training scale), which it quantises to 8 bits for OpenCV and back.
 */
public final class TeleaFill implements HoleFill {

    public TeleaFill() {
        OpenCvInpainting.loadNativeLibrary();
    }

    @Override
    public String name() {
        return "telea";
    }

    @Override
    public float[] fill(float[] planes, float[] mask, int width, int height) {
        int channels = HoleFill.channels(planes, mask, width, height);
        int plane = width * height;
        byte[] pixels = new byte[channels * plane];
        byte[] hole = new byte[plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < channels; c++) {
                pixels[i * channels + c] = (byte) Math.max(0, Math.min(255, Math.round((planes[c * plane + i] + 1f) * 127.5f)));
            }
            hole[i] = mask[i] > 0.5f ? (byte) 255 : 0;
        }
        OpenCvInpainting.inpaint(pixels, hole, width, height, channels, Photo.INPAINT_TELEA);
        float[] result = planes.clone();
        for (int i = 0; i < plane; i++) {
            if (mask[i] > 0.5f) {
                for (int c = 0; c < channels; c++) {
                    result[c * plane + i] = (pixels[i * channels + c] & 0xff) / 127.5f - 1f;
                }
            }
        }
        return result;
    }
}
