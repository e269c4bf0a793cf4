package io.liquid5gc.nas;

import static io.liquid5gc.nas.NasTestMessages.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.IeFormat;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.codec.NasDecodeError;
import io.liquid5gc.nas.codec.RawIe;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.mm.GmmMessage.RegistrationRequest;
import io.liquid5gc.nas.sm.SmCause;
import io.liquid5gc.nas.sm.SmMessage;
import org.junit.jupiter.api.Test;

/** TS 24.501 clause 7: what the decoders answer for bad input. */
class DecodeErrorTest {

    private static NasDecodeError error(String hex) {
        DecodeResult<NasPdu> r = NasCodec.decodePdu(NasTestMessages.hex(hex));
        assertThat(r.isOk()).as("expected an error for " + hex).isFalse();
        return r.errorOrNull();
    }

    @Test
    void whenEmptyOrTooShort_thenIgnoredAsTooShort() {
        assertThat(NasCodec.decodePdu(new byte[0]).errorOrNull().kind()).isEqualTo(NasDecodeError.Kind.MESSAGE_TOO_SHORT);
        assertThat(NasCodec.decodePdu(null).errorOrNull().ignoreMessage()).isTrue();
        assertThat(error("7e00").kind()).isEqualTo(NasDecodeError.Kind.MESSAGE_TOO_SHORT);
        assertThat(error("2e0101").kind()).isEqualTo(NasDecodeError.Kind.MESSAGE_TOO_SHORT);
    }

    @Test
    void whenUnknownProtocolDiscriminator_thenIgnored() {
        NasDecodeError e = error("0e0041");
        assertThat(e.kind()).isEqualTo(NasDecodeError.Kind.UNKNOWN_PROTOCOL_DISCRIMINATOR);
        assertThat(e.ignoreMessage()).isTrue();
    }

    @Test
    void whenGmmMessageTypeNonExistent_thenCause97() {
        NasDecodeError e = error("7e0040");
        assertThat(e.gmmCause()).isEqualTo(GmmCause.MESSAGE_TYPE_NON_EXISTENT);
        assertThat(e.gmmCause().code).isEqualTo(97);
    }

    @Test
    void whenSmMessageTypeNonExistent_thenCause97() {
        NasDecodeError e = error("2e0101c0");
        assertThat(e.smCause()).isEqualTo(SmCause.MESSAGE_TYPE_NON_EXISTENT);
    }

    @Test
    void whenMandatoryIeTruncated_thenCause96() {
        // registration request whose 5GS mobile identity claims 13 octets but carries 4
        NasDecodeError e = error("7e004179000d0100f110");
        assertThat(e.gmmCause().code).isEqualTo(96);
        assertThat(e.ignoreMessage()).isFalse();
    }

    @Test
    void whenMandatoryIeMissing_thenCause96() {
        assertThat(error("7e005c").gmmCause()).isEqualTo(GmmCause.INVALID_MANDATORY_INFORMATION); // identity response
        assertThat(error("2e0101d6").smCause()).isEqualTo(SmCause.INVALID_MANDATORY_INFORMATION); // 5GSM status
    }

    @Test
    void whenServiceRequestCarriesAGuti_thenCause96() {
        assertThat(error("7e004c10000bf200f110cafe0000000001").gmmCause().code).isEqualTo(96);
    }

    @Test
    void whenRegistrationRequestCarriesNoIdentity_thenCause95() {
        NasDecodeError e = error("7e004179000100");
        assertThat(e.gmmCause()).isEqualTo(GmmCause.SEMANTICALLY_INCORRECT_MESSAGE);
    }

    @Test
    void whenOptionalIeTruncated_thenCause96() {
        assertThat(error("7e004179000d0100f110000000004474685725 2e04f0f0").gmmCause().code).isEqualTo(96);
    }

    @Test
    void whenOptionalIeSyntacticallyWrong_thenTreatedAsAbsentAndKeptRaw() {
        // UE security capability (0x2E) of length 1 is invalid (min 2): TS 24.501 7.6.2 ignores it
        byte[] in = hex("7e004179000d0100f110000000004474685725 2e01f0");
        RegistrationRequest r = (RegistrationRequest) NasCodec.decode(in).orThrow();
        assertThat(r.ueSecurityCapability()).isNull();
        assertThat(r.otherIes()).containsExactly(new RawIe(0x2E, IeFormat.TLV, hex("f0")));
        assertThat(NasCodec.encode(r)).isEqualTo(in);
    }

    @Test
    void whenUnknownOptionalIes_thenKeptRawAndReEncodedIdentically() {
        // unknown TLV 0x3c, unknown TLV-E 0x7f, unknown type-1 0xF5 after a known IE
        byte[] in = hex("7e004179000d0100f110000000004474685725 2e02f0f0 3c020102 7f0001aa f5");
        RegistrationRequest r = (RegistrationRequest) NasCodec.decode(in).orThrow();
        assertThat(r.otherIes()).hasSize(3);
        assertThat(RawIe.find(r.otherIes(), 0x3C).value()).containsExactly(1, 2);
        assertThat(RawIe.find(r.otherIes(), 0xF0).value()).containsExactly(5);
        assertThat(RawIe.find(r.otherIes(), 0x53)).isNull();
        assertThat(NasCodec.encode(r)).isEqualTo(in);
    }

    @Test
    void whenDefinedButUnmodelledType_thenUnknownCaseWithBody() {
        GmmMessage m = NasCodec.decodeGmm(hex("7e006d010203")).orThrow();
        assertThat(m).isInstanceOf(GmmMessage.Unknown.class);
        assertThat(((GmmMessage.Unknown) m).body()).containsExactly(1, 2, 3);
        assertThat(NasCodec.encode(m)).isEqualTo(hex("7e006d010203"));
        SmMessage s = NasCodec.decodeSm(hex("2e0501d8aa")).orThrow();
        assertThat(s).isInstanceOf(SmMessage.Unknown.class);
        assertThat(NasCodec.encode(s)).isEqualTo(hex("2e0501d8aa"));
    }

    @Test
    void whenReservedSecurityHeaderType_thenProtocolError() {
        assertThat(error("7e050102030405007e0043").gmmCause()).isEqualTo(GmmCause.PROTOCOL_ERROR_UNSPECIFIED);
    }

    @Test
    void whenProtectedMessageGivenToPlainDecoder_thenError() {
        assertThat(NasCodec.decode(hex("7e0201020304057e0043")).isOk()).isFalse();
    }

    @Test
    void whenUnknownCauseValue_thenReadAsProtocolErrorUnspecified() {
        GmmMessage m = NasCodec.decodeGmm(hex("7e006401")).orThrow();
        assertThat(((GmmMessage.GmmStatus) m).cause()).isEqualTo(GmmCause.PROTOCOL_ERROR_UNSPECIFIED);
    }

    @Test
    void whenDecodeFails_thenStatusMessageOfTheRightProtocol() {
        byte[] bad5gmm = hex("7e0040");
        assertThat(NasCodec.statusFor(bad5gmm, NasCodec.decode(bad5gmm).errorOrNull()))
                .isEqualTo(new GmmMessage.GmmStatus(GmmCause.MESSAGE_TYPE_NON_EXISTENT));
        byte[] bad5gsm = hex("2e0507c0");
        assertThat(NasCodec.statusFor(bad5gsm, NasCodec.decode(bad5gsm).errorOrNull()))
                .isEqualTo(new SmMessage.SmStatus(5, 7, SmCause.MESSAGE_TYPE_NON_EXISTENT));
        byte[] ignored = hex("0e0041");
        assertThat(NasCodec.statusFor(ignored, NasCodec.decode(ignored).errorOrNull())).isNull();
    }

    @Test
    void whenHugeLengthClaimed_thenNoLargeAllocationAndCause96() {
        // payload container claims 65535 octets, 2 present
        assertThat(error("7e006701ffff0102").gmmCause().code).isEqualTo(96);
    }
}
