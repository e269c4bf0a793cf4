package io.liquid5gc.sbi;

import java.util.Objects;

/**
 * The contract of one function: its public name (the 31 names of {@link Functions}), the NF that owns it, its request and
 * response types, and whether calling it twice with the same request is harmless (only then may a
 * caller retry it after a timeout or a 5xx).
 *
 * @param <I> request type
 * @param <O> response type
 */
public record FunctionSpec<I, O>(String name, NfType nf, Class<I> inputType, Class<O> outputType, boolean idempotent) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nf, "nf");
        Objects.requireNonNull(inputType, "inputType");
        Objects.requireNonNull(outputType, "outputType");
        if (!name.startsWith(nf.key() + "-")) {
            throw new IllegalArgumentException("function " + name + " must start with its NF's key " + nf.key() + "-");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
