package io.liquid5gc.sbi.security;

import io.liquid5gc.sbi.NfType;
import java.util.EnumSet;
import java.util.Set;

/**
 * NF service operations served as a TS resource, outside the 31 functions of the contract: each with the NF service
 * (token scope) it belongs to and the consumer types allowed, checked like a function's rule in {@link SbiAuthorization}
 * (the NRF grants the scope, the producer checks scope and consumer type from the token, never from the body).
 */
public enum SbiResource {
    /**
     * Namf_Communication N1N2MessageTransfer (TS 29.518 5.2.2.3.1): the SMF's downlink data notification and its
     * network-requested PDU session releases, served by the process terminating N2 (the AMF side).
     */
    N1N2_MESSAGE_TRANSFER("namf-comm N1N2MessageTransfer", "/namf-comm/v1/ue-contexts/{ueContextId}/n1-n2-messages",
            NfService.NAMF_COMM, EnumSet.of(ConsumerType.SMF));

    private final String operation;
    private final String path;
    private final NfService service;
    private final Set<ConsumerType> consumers;

    SbiResource(String operation, String path, NfService service, Set<ConsumerType> consumers) {
        this.operation = operation;
        this.path = path;
        this.service = service;
        this.consumers = Set.copyOf(consumers);
    }

    /** For messages, e.g. {@code namf-comm N1N2MessageTransfer}. */
    public String operation() {
        return operation;
    }

    /** The resource path (TS 29.518 6.1.3), with its template variables. */
    public String path() {
        return path;
    }

    /** The NF service, i.e. the token scope required. */
    public NfService service() {
        return service;
    }

    /** The NF type producing it: a token's audience. */
    public NfType producer() {
        return service.producer();
    }

    /** The consumer types allowed. */
    public Set<ConsumerType> consumers() {
        return consumers;
    }

    /** True when a consumer of this type may call it. */
    public boolean permits(ConsumerType consumer) {
        return consumer != null && consumers.contains(consumer);
    }
}
