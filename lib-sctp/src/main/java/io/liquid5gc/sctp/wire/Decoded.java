package io.liquid5gc.sctp.wire;

/** Result of decoding: a value or a {@link ParseError} with the byte offset where it was found. */
public sealed interface Decoded<T> {

    record Ok<T>(T value) implements Decoded<T> {
    }

    record Failed<T>(ParseError error, int offset) implements Decoded<T> {
    }

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> failed(ParseError error, int offset) {
        return new Failed<>(error, offset);
    }
}
