package org.hifill.model.weights.checkpoint;

/**
 * TensorFlow {@code DataType} enum values (tensorflow/core/framework/types.proto) that a
 * checkpoint entry may name. Codes this reader does not list map to {@link #UNKNOWN}.
 */
public enum TfDataType {
    DT_FLOAT(1),
    DT_DOUBLE(2),
    DT_INT32(3),
    DT_UINT8(4),
    DT_INT16(5),
    DT_INT8(6),
    DT_STRING(7),
    DT_INT64(9),
    DT_BOOL(10),
    DT_BFLOAT16(14),
    DT_HALF(19),
    UNKNOWN(-1);

    private final int code;

    TfDataType(int code) {
        this.code = code;
    }

    /** The protobuf enum number, or -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** The type with this protobuf enum number, or {@link #UNKNOWN}. */
    public static TfDataType of(int code) {
        for (TfDataType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
