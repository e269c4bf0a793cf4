package io.liquid5gc.ngap.message;

/**
 * A UE-associated message (TS 38.413 8.1: the procedure uses the UE-associated logical NG-connection): the NGAP
 * ids that route it to a UE context. Either may be {@link NgapMessage#ABSENT} (e.g. INITIAL UE MESSAGE has no
 * AMF id yet, HANDOVER REQUEST no RAN id).
 */
public interface UeAssociated {
    default long amfUeNgapId() {
        return NgapMessage.ABSENT;
    }

    default long ranUeNgapId() {
        return NgapMessage.ABSENT;
    }
}
