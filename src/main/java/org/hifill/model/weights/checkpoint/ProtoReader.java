package org.hifill.model.weights.checkpoint;

/**
 * Minimal protobuf wire-format reader (https://protobuf.dev/programming-guides/encoding/):
 * field tags, varint, fixed32 and length-delimited fields, and skipping of unknown fields.
 * Usage: {@code while (r.next()) switch (r.field()) { ... default -> r.skip(); }}.
 */
final class ProtoReader {

    static final int WIRE_VARINT = 0;
    static final int WIRE_FIXED64 = 1;
    static final int WIRE_LENGTH_DELIMITED = 2;
    static final int WIRE_FIXED32 = 5;

    private final ByteCursor in;
    private int field;
    private int wireType;

    ProtoReader(ByteCursor in) {
        this.in = in;
    }

    /** Reads the next field tag; false at the end of the message. */
    boolean next() throws CheckpointFormatException {
        if (!in.hasRemaining()) {
            return false;
        }
        long tag = in.readVarint64();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field <= 0) {
            throw in.error("bad protobuf field number " + field);
        }
        return true;
    }

    /** Field number of the current field. */
    int field() {
        return field;
    }

    long varint() throws CheckpointFormatException {
        expect(WIRE_VARINT);
        return in.readVarint64();
    }

    int fixed32() throws CheckpointFormatException {
        expect(WIRE_FIXED32);
        return in.readFixed32();
    }

    /** Reader over the current length-delimited field (an embedded message). */
    ProtoReader message() throws CheckpointFormatException {
        expect(WIRE_LENGTH_DELIMITED);
        return new ProtoReader(in.slice(in.readVarint32()));
    }

    /** Skips the current field, whatever its wire type (groups are not supported). */
    void skip() throws CheckpointFormatException {
        switch (wireType) {
            case WIRE_VARINT -> in.readVarint64();
            case WIRE_FIXED64 -> in.skip(8);
            case WIRE_LENGTH_DELIMITED -> in.skip(in.readVarint32());
            case WIRE_FIXED32 -> in.skip(4);
            default -> throw in.error("unsupported protobuf wire type " + wireType + " in field " + field);
        }
    }

    CheckpointFormatException error(String problem) {
        return in.error(problem);
    }

    private void expect(int expected) throws CheckpointFormatException {
        if (wireType != expected) {
            throw in.error("field " + field + " has wire type " + wireType + ", expected " + expected);
        }
    }
}
