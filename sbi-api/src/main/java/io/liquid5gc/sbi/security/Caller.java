package io.liquid5gc.sbi.security;

import java.util.Objects;

/**
 * Who called the function now running, as proven by the call (TS 33.501 13.4.1: the access token's subject and
 * consumer NF type), never as written in the request body. The function runtime binds it for each invocation:
 * from the verified token for a call over HTTP, from the calling function's NF for an in-process call.
 *
 * <p>{@link #IN_PROCESS} is code of the same process outside any function (the N2 proxy of the all-in-one, the
 * launcher, a test calling a bean): it is inside the trust boundary and no token is asked of it. {@link #SECURITY_OFF}
 * is a call over HTTP with security switched off ({@code liquid5gc.security.enabled=false}, a lab only): the runtime
 * then lets it through, and NFs treat it as they treat {@link #IN_PROCESS}.
 *
 * @param type         the consumer's type; null for the trusted callers
 * @param nfInstanceId the consumer's NF instance id (the token's {@code sub}); null when not known
 * @param proof        how the identity was established
 */
public record Caller(ConsumerType type, String nfInstanceId, Proof proof) {

    /** How a caller's identity was established. */
    public enum Proof {
        /** A verified access token (and client certificate when mTLS is on). */
        ACCESS_TOKEN,
        /** A function of this process calling another in-process: its NF is the caller. */
        IN_PROCESS_FUNCTION,
        /** Code of this process outside any function. */
        IN_PROCESS,
        /** Nothing: security is off. */
        SECURITY_OFF
    }

    public static final Caller IN_PROCESS = new Caller(null, null, Proof.IN_PROCESS);
    public static final Caller SECURITY_OFF = new Caller(null, null, Proof.SECURITY_OFF);

    private static final ScopedValue<Caller> CURRENT = ScopedValue.newInstance();

    public Caller {
        Objects.requireNonNull(proof, "proof");
        if (!isTrusted(proof)) {
            Objects.requireNonNull(type, "a caller proven by a token or a function has a consumer type");
        }
    }

    /** A caller proven by an access token. */
    public static Caller ofToken(ConsumerType type, String nfInstanceId) {
        return new Caller(type, nfInstanceId, Proof.ACCESS_TOKEN);
    }

    /** An in-process function of this NF type calling. */
    public static Caller ofFunction(ConsumerType type) {
        return new Caller(type, null, Proof.IN_PROCESS_FUNCTION);
    }

    /** The caller of the function running on this thread; {@link #IN_PROCESS} when none is bound. */
    public static Caller current() {
        return CURRENT.isBound() ? CURRENT.get() : IN_PROCESS;
    }

    /** Runs {@code op} with {@code caller} as {@link #current()}. */
    public static <T, X extends Throwable> T callAs(Caller caller, ScopedValue.CallableOp<T, X> op) throws X {
        return ScopedValue.where(CURRENT, caller).call(op);
    }

    /** True for the callers no check applies to: in-process code outside functions, and security off. */
    public boolean trusted() {
        return isTrusted(proof);
    }

    /** True when this caller is trusted or of one of these types. */
    public boolean isAnyOf(ConsumerType... types) {
        if (trusted()) {
            return true;
        }
        for (ConsumerType t : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    /** For messages: the consumer type and instance, or "in-process code" / "an unverified caller". */
    public String describe() {
        return switch (proof) {
            case ACCESS_TOKEN, IN_PROCESS_FUNCTION -> type.name() + (nfInstanceId == null ? "" : " " + nfInstanceId);
            case IN_PROCESS -> "in-process code";
            case SECURITY_OFF -> "an unverified caller (security off)";
        };
    }

    private static boolean isTrusted(Proof proof) {
        return proof == Proof.IN_PROCESS || proof == Proof.SECURITY_OFF;
    }
}
