package io.liquid5gc.runtime.invoke;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.common.ProblemException;
import java.util.function.Function;

/**
 * A function of the contract whose procedure logic is not in this build: it answers 501 with a problem that
 * says so. Never a fake success.
 */
public final class PendingFunctions {

    private PendingFunctions() {
    }

    public static <I, O> Function<I, O> of(FunctionSpec<I, O> spec, String what) {
        return input -> {
            throw ProblemException.notImplemented(spec.name(), what + " is not implemented in this build yet");
        };
    }
}
