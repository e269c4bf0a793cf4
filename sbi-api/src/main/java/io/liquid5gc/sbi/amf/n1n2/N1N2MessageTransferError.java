package io.liquid5gc.sbi.amf.n1n2;

import io.liquid5gc.sbi.common.ProblemDetails;

/**
 * N1N2MessageTransferError (TS 29.518 6.1.6.2.26): the body of a 409 or 504 (e.g. cause UE_NOT_REACHABLE: the UE is
 * not registered, so it cannot be paged). Other errors are problem+json.
 */
public record N1N2MessageTransferError(ProblemDetails error) {
}
