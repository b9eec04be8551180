package org.hifill.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small TorchScript feature models for the tests, written with {@link TorchScriptArchive}: the
 * mean of each colour channel (global average pooling) through a fixed linear map to D features
 * and, for the classifying one, a second linear map to C logits.
 */
public final class FeatureNets {

    private FeatureNets() {}

    /** Features {@code mean_rgb(x) W} ({@code W} 3 x D) and logits {@code features V} ({@code V} D x C). */
    public static Path classifying(Path file, float[][] w, float[][] v) throws IOException {
        String source = """
                class Net(Module):
                  __parameters__ = ["w", "v", ]
                  __buffers__ = []
                  w : Tensor
                  v : Tensor
                  training : bool
                  def forward(self: __torch__.Net,
                    x: Tensor) -> Tuple[Tensor, Tensor]:
                    features = torch.matmul(torch.mean(x, [2, 3]), self.w)
                    return (features, torch.matmul(features, self.v))
                """;
        Map<String, TorchScriptArchive.Tensor> parameters = new LinkedHashMap<>();
        parameters.put("w", tensor(w));
        parameters.put("v", tensor(v));
        TorchScriptArchive.write(file, "Net", source, parameters);
        return file;
    }

    /** Features {@code mean_rgb(x) W} only: FID but no IS. */
    public static Path featuresOnly(Path file, float[][] w) throws IOException {
        String source = """
                class Net(Module):
                  __parameters__ = ["w", ]
                  __buffers__ = []
                  w : Tensor
                  training : bool
                  def forward(self: __torch__.Net,
                    x: Tensor) -> Tensor:
                    return torch.matmul(torch.mean(x, [2, 3]), self.w)
                """;
        TorchScriptArchive.write(file, "Net", source, Map.of("w", tensor(w)));
        return file;
    }

    /** Gives its input back, [N, 3, S, S]: not features. */
    public static Path passThrough(Path file) throws IOException {
        String source = """
                class Net(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  def forward(self: __torch__.Net,
                    x: Tensor) -> Tensor:
                    return x
                """;
        TorchScriptArchive.write(file, "Net", source, Map.of());
        return file;
    }

    /** {@code row M}, the maths the nets do, in double. */
    public static double[] times(double[] row, float[][] m) {
        double[] out = new double[m[0].length];
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < row.length; i++) {
                out[j] += row[i] * m[i][j];
            }
        }
        return out;
    }

    private static TorchScriptArchive.Tensor tensor(float[][] m) {
        float[] values = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, values, i * m[0].length, m[0].length);
        }
        return new TorchScriptArchive.Tensor(new long[] {m.length, m[0].length}, values);
    }
}
