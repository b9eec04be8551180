package org.hifill.tf;

import java.util.Arrays;
import java.util.Objects;

/**
 * A plain float tensor used to move data in and out of the TensorFlow oracle: a shape and the
 * values in row-major order (NHWC for images and feature maps, HWIO for conv weights).
 */
public record TfTensor(long[] shape, float[] data) {

    public TfTensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
        shape = shape.clone();
    }

    public static TfTensor of(long[] shape, float[] data) {
        return new TfTensor(shape, data);
    }

    public static TfTensor zeros(long... shape) {
        return new TfTensor(shape, new float[Math.toIntExact(elementCount(shape))]);
    }

    public static long elementCount(long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    public int rank() {
        return shape.length;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long dim(int axis) {
        return shape[axis];
    }

    /** Flat row-major offset of an index. */
    public int offset(long... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index rank " + index.length + " != " + shape.length);
        }
        long off = 0;
        for (int i = 0; i < shape.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(Arrays.toString(index) + " outside " + Arrays.toString(shape));
            }
            off = off * shape[i] + index[i];
        }
        return (int) off;
    }

    public float get(long... index) {
        return data[offset(index)];
    }

    /** Same data, another shape with the same element count. */
    public TfTensor reshape(long... newShape) {
        return new TfTensor(newShape, data);
    }

    public boolean sameShape(TfTensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** Largest |a - b| over all elements; the shapes must be equal. NaN if either side holds a NaN. */
    public float maxAbsDiff(TfTensor other) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " vs "
                    + Arrays.toString(other.shape));
        }
        float max = 0f;
        for (int i = 0; i < data.length; i++) {
            float d = Math.abs(data[i] - other.data[i]);
            if (Float.isNaN(d)) {
                return Float.NaN;
            }
            if (d > max) {
                max = d;
            }
        }
        return max;
    }

    public boolean allFinite() {
        for (float v : data) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (float v : data) {
            m = Math.min(m, v);
        }
        return m;
    }

    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TfTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "TfTensor" + Arrays.toString(shape);
    }
}
