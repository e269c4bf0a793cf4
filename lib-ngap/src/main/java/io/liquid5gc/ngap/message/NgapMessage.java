package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.IeContainer;

/**
 * An NGAP message (TS 38.413 9.2): the value of an NGAP-PDU. The hierarchy mirrors the PDU's CHOICE —
 * {@link InitiatingMessage}, {@link SuccessfulOutcome}, {@link UnsuccessfulOutcome} — plus
 * {@link UnknownMessage} for procedures this codec does not model, so nothing is silently dropped.
 *
 * <p>Conventions of the records: optional IEs are null when absent; optional numeric IEs use {@link #ABSENT};
 * IEs carried but not modelled are kept in {@link #rawIes()} and re-encoded after the typed ones.
 */
public sealed interface NgapMessage extends IeContainer
        permits InitiatingMessage, SuccessfulOutcome, UnsuccessfulOutcome, UnknownMessage {

    /** Marks an absent optional numeric IE (NGAP ids and counters are never negative). */
    long ABSENT = -1;

    /** The procedure; null only for an {@link UnknownMessage} with a code this release does not define. */
    ProcedureCode procedureCode();

    MessageType messageType();
}
