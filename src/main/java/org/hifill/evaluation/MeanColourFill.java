package org.hifill.evaluation;

/** Fills the hole with the mean colour of the known pixels (mid-range 0 when none is known). */
public final class MeanColourFill implements HoleFill {

    @Override
    public String name() {
        return "mean-colour";
    }

    @Override
    public float[] fill(float[] planes, float[] mask, int width, int height) {
        int channels = HoleFill.channels(planes, mask, width, height);
        int plane = width * height;
        float[] filled = planes.clone();
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            int known = 0;
            for (int i = 0; i < plane; i++) {
                if (mask[i] <= 0.5f) {
                    sum += planes[c * plane + i];
                    known++;
                }
            }
            float mean = known == 0 ? 0f : (float) (sum / known);
            for (int i = 0; i < plane; i++) {
                if (mask[i] > 0.5f) {
                    filled[c * plane + i] = mean;
                }
            }
        }
        return filled;
    }
}
