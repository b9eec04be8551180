package org.hifill.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.Set;

/**
 * Turns the authors' weights from BGR into RGB colour order, once, at import (reference
 * section 2): the released network was trained on images read with OpenCV, so its colour
 * channel 0 is blue, while native models take RGB. Only the layers that read the input image or
 * write the output image see colour order; every other layer is indifferent to it.
 */
final class BgrToRgb {

    /** Kernels reading the network input {@code [x * (1 - m), m]}: colour is input channels 0..2, channel 3 the mask. */
    static final Set<String> INPUT_KERNELS = Set.of(
            "generator/c_en_down_128_feat/w",
            "generator/c_en_down_128_gate/w",
            "generator/re_en_down_256/w",
            "generator/re_en_down_256/pw");

    /**
     * Kernels and biases writing the output image: colour is the three output channels. The
     * coarse gate {@code c_de_toRGB_conv_gate} (LWGC_sc) has one output channel shared by all
     * three colours, so it is indifferent.
     */
    static final Set<String> OUTPUT_TENSORS = Set.of(
            "generator/c_de_toRGB/c_de_toRGB_conv_feat/w",
            "generator/c_de_toRGB/c_de_toRGB_conv_feat/biases",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/w",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/biases",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/pw",
            "generator/re_de_toRGB__256/re_de_toRGB__256_conv/ds_biases");

    private BgrToRgb() {}

    /**
     * The variable {@code tfName} with its colour channels reversed, if it has any; in TF layout
     * (HWIO kernels) in and out. Variables indifferent to colour order are returned unchanged.
     */
    static NDArray apply(String tfName, NDArray tf) {
        if (INPUT_KERNELS.contains(tfName)) {
            return NDArrays.concat(new NDList(tf.get(":, :, :3").flip(2), tf.get(":, :, 3:")), 2);
        }
        if (OUTPUT_TENSORS.contains(tfName)) {
            // The output channels are the last TF axis of kernels (HWIO) and biases alike.
            return tf.flip(tf.getShape().dimension() - 1);
        }
        return tf;
    }
}
