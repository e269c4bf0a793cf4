package io.liquid5gc.proxy.overload;

import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.RegistrationType;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.message.NasTransport;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which Initial UE Messages an overloaded AMF refuses before any function runs (TS 23.501 5.19.7.2, TS 24.501
 * 5.5.1.2.5): a Registration Request, plain or integrity protected only (as an initial NAS message is, TS 24.501
 * 4.4.6), that is not an emergency registration and does not come with an emergency or priority RRC establishment
 * cause (those are exempt from NAS level congestion control). Anything else (service requests, de-registrations,
 * what cannot be read) goes on as usual.
 */
public final class CongestionAdmission {

    private static final Set<RrcEstablishmentCause> EXEMPT = EnumSet.of(RrcEstablishmentCause.EMERGENCY,
            RrcEstablishmentCause.HIGH_PRIORITY_ACCESS, RrcEstablishmentCause.MPS_PRIORITY_ACCESS,
            RrcEstablishmentCause.MCS_PRIORITY_ACCESS, RrcEstablishmentCause.MT_ACCESS);

    private CongestionAdmission() {
    }

    /** True when an overloaded AMF rejects this Initial UE Message with 5GMM cause #22 and T3346. */
    public static boolean rejectedInCongestion(NasTransport.InitialUeMessage m) {
        if (m.rrcEstablishmentCause() != null && EXEMPT.contains(m.rrcEstablishmentCause())) {
            return false;
        }
        return registrationRequest(m.nasPdu().toByteArray()) instanceof GmmMessage.RegistrationRequest r
                && r.registrationType().value() != RegistrationType.Value.EMERGENCY;
    }

    private static GmmMessage registrationRequest(byte[] pdu) {
        byte[] plain = pdu;
        if (NasCodec.decodePdu(pdu) instanceof DecodeResult.Ok<NasPdu> ok && ok.value() instanceof NasPdu.Protected p) {
            if (p.message().securityHeaderType() != SecurityHeaderType.INTEGRITY_PROTECTED) {
                return null; // ciphered: not an initial NAS message, and not readable here
            }
            plain = p.message().innerBytes();
        }
        return NasCodec.decodeGmm(plain) instanceof DecodeResult.Ok<GmmMessage> gmm ? gmm.value() : null;
    }
}
