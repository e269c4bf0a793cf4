package io.liquid5gc.ngap;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.RawExtension;
import io.liquid5gc.ngap.ie.TriggeringMessage;
import io.liquid5gc.ngap.ie.TypeOfError;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import org.junit.jupiter.api.Test;

/**
 * TS 38.413 10.3.4.2: the decoder notes an IE extension with criticality reject (kept raw, so not comprehended)
 * anywhere in the message, and the decode result gives the Criticality Diagnostics for rejecting it.
 */
class RejectedExtensionTest {

    /** A golden vector of src/test/resources/golden (hex, '#' comment lines naming its source). */
    static byte[] golden(String name) throws java.io.IOException {
        try (java.io.InputStream in = RejectedExtensionTest.class.getResourceAsStream("/golden/" + name)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            return java.util.HexFormat.of().parseHex(text.lines().filter(l -> !l.startsWith("#")).map(String::strip)
                    .collect(java.util.stream.Collectors.joining()));
        }
    }

    @Test
    void whenTheUserLocationCarriesIdNidWithCriticalityReject_thenTheDecodeResultNamesItForTheRejection() throws Exception {
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(golden("initial-ue-message-uli-nid-extension.hex"));

        assertThat(d.rejectedExtensionId()).isEqualTo(263);
        CriticalityDiagnostics cd = d.rejectedExtensionDiagnostics();
        assertThat(cd.procedureCode()).isEqualTo(15); // id-InitialUEMessage
        assertThat(cd.triggeringMessage()).isEqualTo(TriggeringMessage.INITIATING_MESSAGE);
        assertThat(cd.ies()).containsExactly(new CriticalityDiagnostics.IeDiagnostic(Criticality.REJECT, 263, TypeOfError.NOT_UNDERSTOOD));
        // the value is still all there, for logs and for re-encoding
        assertThat(((NasTransport.InitialUeMessage) d.message()).userLocationInformation()).isInstanceOfSatisfying(
                io.liquid5gc.ngap.ie.UserLocationInformation.Nr.class, nr -> assertThat(nr.extensions()).extracting(RawExtension::id).containsExactly(263));
    }

    @Test
    void whenNoExtensionOrOnlyIgnoreOnes_thenNothingIsToBeRejected() {
        assertThat(decoded(TestMessages.initialUeMessage()).rejectedExtensionDiagnostics()).isNull();
        assertThat(decoded(TestMessages.ngSetupRequest()).rejectedExtensionDiagnostics()).isNull();
        NasTransport.InitialUeMessage plain = TestMessages.initialUeMessage();
        NasTransport.InitialUeMessage withIgnore = new NasTransport.InitialUeMessage(plain.ranUeNgapId(), plain.nasPdu(),
                new io.liquid5gc.ngap.ie.UserLocationInformation.Nr(TestMessages.CGI, TestMessages.TAI, null,
                        java.util.List.of(new RawExtension(263, Criticality.IGNORE, io.liquid5gc.ngap.ie.Octets.ofHex("01")))),
                plain.rrcEstablishmentCause(), plain.fiveGSTmsi(), plain.amfSetId(), plain.ueContextRequested(),
                plain.allowedNssai(), plain.rawIes());
        DecodeResult.Decoded d = decoded(withIgnore);
        assertThat(d.rejectedExtensionId()).isEqualTo(-1);
        assertThat(d.rejectedExtensionDiagnostics()).isNull();
    }

    private static DecodeResult.Decoded decoded(NgapMessage m) {
        return (DecodeResult.Decoded) NgapCodec.decode(NgapCodec.encode(m));
    }
}
