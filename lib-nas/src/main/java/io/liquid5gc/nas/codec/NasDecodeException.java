package io.liquid5gc.nas.codec;

/**
 * Internal control-flow signal of the decoders: checked, stackless, and always converted into a
 * {@link NasDecodeError} value by {@link NasCodec} before it reaches a caller. It is public only so
 * that IE decoders in {@code io.liquid5gc.nas.ie} can raise it.
 */
public final class NasDecodeException extends Exception {
    private final NasDecodeError.Kind kind;
    private final int offset;

    public NasDecodeException(NasDecodeError.Kind kind, String detail, int offset) {
        super(detail, null, false, false);
        this.kind = kind;
        this.offset = offset;
    }

    public NasDecodeException(String detail) {
        this(NasDecodeError.Kind.INVALID_MANDATORY_INFORMATION, detail, -1);
    }

    public NasDecodeError.Kind kind() {
        return kind;
    }

    public int offset() {
        return offset;
    }

    public NasDecodeError toError() {
        return new NasDecodeError(kind, getMessage(), offset);
    }
}
