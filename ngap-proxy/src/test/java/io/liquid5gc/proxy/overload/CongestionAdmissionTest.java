package io.liquid5gc.proxy.overload;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.NasTestMessages;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.RegistrationType;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CongestionAdmissionTest {

    static NasTransport.InitialUeMessage initialUe(byte[] nas, RrcEstablishmentCause cause) {
        return new NasTransport.InitialUeMessage(1, Octets.wrap(nas), null, cause, null, NgapMessage.ABSENT, false, null, List.of());
    }

    static final byte[] REGISTRATION = NasCodec.encode(NasTestMessages.registrationRequestSuci());

    @Test
    void whenAnInitialRegistrationArrives_thenItIsRejectedInCongestion() {
        assertThat(CongestionAdmission.rejectedInCongestion(initialUe(REGISTRATION, RrcEstablishmentCause.MO_SIGNALLING))).isTrue();
    }

    @Test
    void whenAnIntegrityProtectedMobilityRegistrationArrives_thenItIsRejectedToo() {
        byte[] inner = NasCodec.encode(NasTestMessages.registrationRequestFull());
        byte[] pdu = NasCodec.protect(SecurityHeaderType.INTEGRITY_PROTECTED, new byte[4], 3, inner);
        assertThat(CongestionAdmission.rejectedInCongestion(initialUe(pdu, RrcEstablishmentCause.MO_SIGNALLING))).isTrue();
    }

    @Test
    void whenTheRegistrationIsAnEmergencyOneOrComesWithAPriorityCause_thenItIsAdmitted() {
        GmmMessage.RegistrationRequest r = NasTestMessages.registrationRequestSuci();
        GmmMessage.RegistrationRequest emergency = new GmmMessage.RegistrationRequest(new RegistrationType(false,
                RegistrationType.Value.EMERGENCY), r.ngKsi(), r.mobileIdentity(), null, null, r.ueSecurityCapability(), null, null,
                null, null, null, null, null, null, List.of());
        assertThat(CongestionAdmission.rejectedInCongestion(initialUe(NasCodec.encode(emergency), RrcEstablishmentCause.MO_SIGNALLING))).isFalse();
        for (RrcEstablishmentCause exempt : List.of(RrcEstablishmentCause.EMERGENCY, RrcEstablishmentCause.HIGH_PRIORITY_ACCESS,
                RrcEstablishmentCause.MPS_PRIORITY_ACCESS, RrcEstablishmentCause.MCS_PRIORITY_ACCESS, RrcEstablishmentCause.MT_ACCESS)) {
            assertThat(CongestionAdmission.rejectedInCongestion(initialUe(REGISTRATION, exempt))).as(exempt.name()).isFalse();
        }
    }

    @Test
    void whenTheInitialMessageIsAServiceRequestOrUnreadable_thenItIsAdmitted() {
        byte[] service = NasCodec.encode(NasTestMessages.all().get("ServiceRequest"));
        assertThat(CongestionAdmission.rejectedInCongestion(initialUe(service, RrcEstablishmentCause.MO_DATA))).isFalse();
        assertThat(CongestionAdmission.rejectedInCongestion(initialUe(new byte[] {0x7e, 0x00}, RrcEstablishmentCause.MO_SIGNALLING))).isFalse();
        byte[] ciphered = NasCodec.protect(SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED, new byte[4], 3, REGISTRATION);
        assertThat(CongestionAdmission.rejectedInCongestion(initialUe(ciphered, RrcEstablishmentCause.MO_SIGNALLING))).isFalse();
    }
}
