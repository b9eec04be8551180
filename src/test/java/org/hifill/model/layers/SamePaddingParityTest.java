package org.hifill.model.layers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hifill.model.weights.TfLayout;
import org.hifill.tf.Layouts;
import org.hifill.tf.TfOps;
import org.hifill.tf.TfTensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SamePadding#pad} followed by an unpadded engine convolution against TensorFlow's
 * {@code tf.nn.conv2d(..., padding='SAME')} (reference section 6), for kernels 3 and 5, strides 1
 * and 2, dilations 1 to 8 and even, odd and non-square inputs. TF rejects stride > 1 together
 * with dilation > 1, so those combinations are not tried.
 */
class SamePaddingParityTest {

    private static final int[][] SIZES = {{16, 16}, {17, 13}, {64, 48}};
    private static float worst;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int[] hw : SIZES) {
            for (int k : new int[] {3, 5}) {
                for (int s : new int[] {1, 2}) {
                    for (int d : new int[] {1, 2, 4, 8}) {
                        if (s > 1 && d > 1) {
                            continue;
                        }
                        out.add(Arguments.of(hw[0], hw[1], k, s, d));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}x{1} k{2} s{3} d{4}")
    @MethodSource("cases")
    void padThenConvMatchesTfSameConv(int h, int w, int k, int s, int d) {
        Random rnd = new Random(31L * h + 7L * w + 5L * k + 3L * s + d);
        int cin = 3;
        int cout = 4;
        TfTensor x = Layouts.normal(rnd, 1f, 1, h, w, cin);
        TfTensor kernel = Layouts.normal(rnd, 0.2f, k, k, cin, cout);
        TfTensor expected = TfOps.conv2d(x, kernel, s, d);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray padded = SamePadding.pad(Layouts.nchw(m, x), k, s, d);
            NDArray weight = TfLayout.CONV_KERNEL.toEngine(Layouts.same(m, kernel));
            NDArray y = Conv2d.conv2d(padded, weight, null, new Shape(s, s), new Shape(0, 0),
                    new Shape(d, d), 1).singletonOrThrow();
            TfTensor actual = Layouts.nhwc(y);
            assertThat(actual.shape()).containsExactly(expected.shape());
            float diff = actual.maxAbsDiff(expected);
            worst = Math.max(worst, diff);
            assertThat(diff).isLessThanOrEqualTo(1e-5f);
        }
    }

    @AfterAll
    static void report() {
        System.out.printf("SamePaddingParityTest: max |DJL - TF conv2d SAME| = %.3g%n", worst);
    }
}
