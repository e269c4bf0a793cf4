package io.liquid5gc.runtime.security;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import java.util.function.Supplier;

/**
 * What the placement client puts in {@code Authorization} for a call to another process: a token of the consumer
 * making the call (the NF of the function running on this thread, else this process's consumer type) for the target
 * NF. {@link #NONE} when security is off.
 */
public final class ConsumerCredentials {

    public static final ConsumerCredentials NONE = new ConsumerCredentials(null, () -> null, null);

    private final AccessTokens tokens;
    private final Supplier<ConsumerType> processType;
    private final javax.net.ssl.SSLContext tls;

    public ConsumerCredentials(AccessTokens tokens, Supplier<ConsumerType> processType) {
        this(tokens, processType, null);
    }

    /** @param tls this NF's TLS context (its certificate) for mTLS, null without */
    public ConsumerCredentials(AccessTokens tokens, Supplier<ConsumerType> processType, javax.net.ssl.SSLContext tls) {
        this.tokens = tokens;
        this.processType = processType;
        this.tls = tls;
    }

    /** The TLS context calls to other NFs use (mTLS), null for the JDK's default. */
    public javax.net.ssl.SSLContext tls() {
        return tls;
    }

    /** The consumer type of a call made now. */
    public ConsumerType consumerNow() {
        Caller c = FunctionDispatcher.inProcessCaller();
        if (c.type() != null && c.proof() == Caller.Proof.IN_PROCESS_FUNCTION) {
            return c.type();
        }
        ConsumerType t = processType.get();
        if (t == null) {
            throw AccessTokenRefused.of(400, "invalid_request", "this process has no consumer type: set liquid5gc.security.nf-type "
                    + "(e.g. N2_PROXY for the proxy alone)");
        }
        return t;
    }

    /** The header value, or null when security is off. */
    public String authorizationFor(ConsumerType consumer, NfType target) {
        return tokens == null ? null : "Bearer " + tokens.tokenFor(consumer, target);
    }

    /** After a 401: drop the token so the retry fetches a new one. */
    public void refused(ConsumerType consumer, NfType target, String authorization) {
        if (tokens != null && authorization != null) {
            tokens.invalidate(consumer, target, authorization.substring("Bearer ".length()));
        }
    }

    public boolean enabled() {
        return tokens != null;
    }
}
