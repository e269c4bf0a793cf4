package io.liquid5gc.nas.codec;

import java.util.function.Function;

/** Outcome of a decode: a value or a {@link NasDecodeError}; decoders never throw. */
public sealed interface DecodeResult<T> {

    record Ok<T>(T value) implements DecodeResult<T> {
    }

    record Err<T>(NasDecodeError error) implements DecodeResult<T> {
    }

    static <T> DecodeResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> DecodeResult<T> err(NasDecodeError error) {
        return new Err<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value, or throws {@link IllegalStateException} carrying the error (for tests and simulators). */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Err<T> err -> throw new IllegalStateException("NAS decode failed: " + err.error());
        };
    }

    /** The error, or null on success. */
    default NasDecodeError errorOrNull() {
        return this instanceof Err<T> err ? err.error() : null;
    }

    default <U> DecodeResult<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Err<T> err -> new Err<>(err.error());
        };
    }
}
