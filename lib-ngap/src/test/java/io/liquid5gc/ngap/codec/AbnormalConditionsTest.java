package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.TestMessages;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.TypeOfError;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.MessageType;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UnknownMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TS 38.413 10 (handling of unknown, unforeseen and erroneous protocol data) as seen by the decoder. */
class AbnormalConditionsTest {

    private static NasTransport.InitialUeMessage withRaw(RawIe... raw) {
        NasTransport.InitialUeMessage m = TestMessages.initialUeMessage();
        return new NasTransport.InitialUeMessage(m.ranUeNgapId(), m.nasPdu(), m.userLocationInformation(),
                m.rrcEstablishmentCause(), m.fiveGSTmsi(), m.amfSetId(), m.ueContextRequested(), m.allowedNssai(),
                List.of(raw));
    }

    /** An InitialUEMessage PDU (procedure 15) whose container holds exactly the given IEs. */
    private static byte[] initialUeMessageWith(RawIe... ies) {
        AperWriter w = new AperWriter();
        w.writeBit(false);
        w.writeConstrained(ies.length, 0, 65535);
        for (RawIe ie : ies) {
            w.writeConstrained(ie.id(), 0, 65535);
            w.writeConstrained(ie.criticality().code(), 0, 2);
            w.writeOpenType(ie.value().unsafeArray());
        }
        return NgapCodec.encode(new UnknownMessage(MessageType.INITIATING_MESSAGE, 15, Criticality.IGNORE,
                Octets.wrap(w.toByteArray())));
    }

    @Test
    void whenUndefinedIeHasCriticalityReject_thenMessageRejectedWithDiagnostics() {
        byte[] pdu = NgapCodec.encode(withRaw(new RawIe(400, Criticality.REJECT, Octets.of(1))));
        DecodeResult r = NgapCodec.decode(pdu);
        assertThat(r).isInstanceOf(DecodeResult.DecodeError.class);
        DecodeResult.DecodeError e = (DecodeResult.DecodeError) r;
        assertThat(e.cause()).isEqualTo(CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT);
        assertThat(e.procedureCode()).isEqualTo(15);
        assertThat(e.messageType()).isEqualTo(MessageType.INITIATING_MESSAGE);
        assertThat(e.ranUeNgapId()).isEqualTo(TestMessages.RAN_ID);
        assertThat(e.diagnostics().ies()).singleElement().satisfies(d -> {
            assertThat(d.ieId()).isEqualTo(400);
            assertThat(d.typeOfError()).isEqualTo(TypeOfError.NOT_UNDERSTOOD);
        });
        ErrorIndication ei = e.errorIndication();
        assertThat(ei.ranUeNgapId()).isEqualTo(TestMessages.RAN_ID);
        assertThat(ei.cause()).isEqualTo(CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT);
        assertThat(((DecodeResult.Decoded) NgapCodec.decode(NgapCodec.encode(ei))).message()).isEqualTo(ei);
    }

    @Test
    void whenUndefinedIeHasCriticalityIgnore_thenDecodedAndReportedWithoutNotification() {
        DecodeResult r = NgapCodec.decode(NgapCodec.encode(withRaw(new RawIe(401, Criticality.IGNORE, Octets.of(1)))));
        DecodeResult.Decoded d = (DecodeResult.Decoded) r;
        assertThat(d.message()).isEqualTo(TestMessages.initialUeMessage());
        assertThat(d.reports()).singleElement().satisfies(rep -> assertThat(rep.ieId()).isEqualTo(401));
        assertThat(d.mustNotifySender()).isFalse();
        assertThat(d.notificationDiagnostics()).isNull();
    }

    @Test
    void whenUndefinedIeHasCriticalityNotify_thenDecodedAndDiagnosticsReadyForErrorIndication() {
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(
                NgapCodec.encode(withRaw(new RawIe(402, Criticality.NOTIFY, Octets.of(1)))));
        assertThat(d.mustNotifySender()).isTrue();
        assertThat(d.notificationDiagnostics().procedureCode()).isEqualTo(15);
        assertThat(d.notificationDiagnostics().ies()).singleElement()
                .satisfies(x -> assertThat(x.ieId()).isEqualTo(402));
        ErrorIndication ei = d.notificationErrorIndication();
        assertThat(ei.ranUeNgapId()).isEqualTo(TestMessages.RAN_ID);
        assertThat(ei.amfUeNgapId()).isEqualTo(NgapMessage.ABSENT);
        assertThat(ei.cause()).isEqualTo(CauseProtocol.ABSTRACT_SYNTAX_ERROR_IGNORE_AND_NOTIFY);
    }

    @Test
    void whenDefinedButUnmodelledIeArrives_thenItIsKeptRawAndReencodedLosslessly() {
        // id 171 SourceToTarget-AMFInformationReroute is defined for INITIAL UE MESSAGE but not modelled
        NasTransport.InitialUeMessage m = withRaw(new RawIe(171, Criticality.IGNORE, Octets.ofHex("0102030405")));
        byte[] pdu = NgapCodec.encode(m);
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(pdu);
        assertThat(d.reports()).isEmpty();
        assertThat(d.message().rawIes()).containsExactly(new RawIe(171, Criticality.IGNORE, Octets.ofHex("0102030405")));
        assertThat(NgapCodec.encode(d.message())).isEqualTo(pdu);
    }

    @Test
    void whenMandatoryIeIsMissing_thenRejectedWithTypeOfErrorMissing() {
        AperWriter v = new AperWriter();
        v.writeConstrained(7, 0, 4294967295L);
        byte[] pdu = initialUeMessageWith(new RawIe(IeIds.RAN_UE_NGAP_ID, Criticality.REJECT, Octets.wrap(v.toByteArray())));
        DecodeResult.DecodeError e = (DecodeResult.DecodeError) NgapCodec.decode(pdu);
        assertThat(e.cause()).isEqualTo(CauseProtocol.ABSTRACT_SYNTAX_ERROR_REJECT);
        assertThat(e.diagnostics().ies()).singleElement().satisfies(x -> {
            assertThat(x.ieId()).isEqualTo(IeIds.NAS_PDU);
            assertThat(x.typeOfError()).isEqualTo(TypeOfError.MISSING);
        });
        assertThat(e.ranUeNgapId()).isEqualTo(7);
    }

    @Test
    void whenTypedIeIsRepeated_thenMessageIsFalselyConstructed() {
        AperWriter v = new AperWriter();
        v.writeConstrained(7, 0, 4294967295L);
        Octets ran = Octets.wrap(v.toByteArray());
        byte[] pdu = initialUeMessageWith(new RawIe(IeIds.RAN_UE_NGAP_ID, Criticality.REJECT, ran),
                new RawIe(IeIds.RAN_UE_NGAP_ID, Criticality.REJECT, ran));
        DecodeResult.DecodeError e = (DecodeResult.DecodeError) NgapCodec.decode(pdu);
        assertThat(e.cause()).isEqualTo(CauseProtocol.ABSTRACT_SYNTAX_ERROR_FALSELY_CONSTRUCTED_MESSAGE);
    }

    @Test
    void whenOptionalIgnoreIeValueIsGarbage_thenIeDroppedAndReported() {
        NasTransport.InitialUeMessage base = TestMessages.initialUeMessage();
        NasTransport.InitialUeMessage noCtx = new NasTransport.InitialUeMessage(base.ranUeNgapId(), base.nasPdu(),
                base.userLocationInformation(), base.rrcEstablishmentCause(), base.fiveGSTmsi(), base.amfSetId(), false,
                null, List.of(new RawIe(IeIds.UE_CONTEXT_REQUEST, Criticality.IGNORE, Octets.ofHex("ff"))));
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(NgapCodec.encode(noCtx));
        assertThat(((NasTransport.InitialUeMessage) d.message()).ueContextRequested()).isFalse();
        assertThat(d.reports()).singleElement().satisfies(x -> assertThat(x.ieId()).isEqualTo(IeIds.UE_CONTEXT_REQUEST));
    }

    @Test
    void whenProcedureIsNotModelled_thenUnknownMessageKeepsTheValueForRelay() {
        NgapMessage unknown = new UnknownMessage(MessageType.INITIATING_MESSAGE, 2, Criticality.IGNORE, Octets.ofHex("00000100"));
        byte[] pdu = NgapCodec.encode(unknown);
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(pdu);
        assertThat(d.message()).isEqualTo(unknown);
        assertThat(NgapCodec.encode(d.message())).isEqualTo(pdu);
    }

    @Test
    void whenAnyPrefixOfAnyMessageIsDecoded_thenResultIsAValueNeverAnException() {
        for (NgapMessage m : TestMessages.all()) {
            byte[] pdu = NgapCodec.encode(m);
            for (int n = 0; n < pdu.length; n++) {
                DecodeResult r = NgapCodec.decode(pdu, 0, n);
                assertThat(r).isNotNull();
                if (r instanceof DecodeResult.DecodeError e) {
                    assertThat(e.cause()).isNotNull();
                    assertThat(e.detail()).doesNotStartWith("decoder fault");
                }
            }
        }
    }

    @Test
    void whenBitsAreFlipped_thenDecoderStaysTotal() {
        List<byte[]> mutants = new ArrayList<>();
        for (NgapMessage m : TestMessages.all()) {
            byte[] pdu = NgapCodec.encode(m);
            for (int bit = 0; bit < pdu.length * 8; bit += 3) {
                byte[] x = pdu.clone();
                x[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
                mutants.add(x);
            }
        }
        for (byte[] x : mutants) {
            DecodeResult r = NgapCodec.decode(x);
            assertThat(r).isNotNull();
            if (r instanceof DecodeResult.DecodeError e) {
                assertThat(e.detail()).as(java.util.HexFormat.of().formatHex(x)).doesNotStartWith("decoder fault");
            }
        }
    }

    @Test
    void whenMessageSequenceIsExtended_thenUnknownAdditionsAreSkipped() {
        byte[] pdu = NgapCodec.encode(TestMessages.initialUeMessage());
        // rebuild the value with the SEQUENCE extension bit set and one unknown addition
        DecodeResult.Decoded d0 = (DecodeResult.Decoded) NgapCodec.decode(pdu);
        AperReader r = new AperReader(pdu);
        r.readBits(3);
        r.readConstrained(0, 255);
        r.readConstrained(0, 2);
        byte[] value = r.readOpenTypeBytes();
        AperWriter w = new AperWriter();
        w.writeBits((value[0] & 0xFF) | 0x80, 8); // extension bit of the message SEQUENCE
        w.writeOctetsRaw(value, 1, value.length - 1);
        w.writeBit(false);
        w.writeBits(0, 6);    // one extension addition
        w.writeBit(true);     // present
        w.writeOpenType(new byte[] {0x42});
        byte[] extended = NgapCodec.encode(new UnknownMessage(MessageType.INITIATING_MESSAGE, 15, Criticality.IGNORE,
                Octets.wrap(w.toByteArray())));
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(extended);
        assertThat(d.message()).isEqualTo(d0.message());
    }

    @Test
    void whenIeValueCarriesAnExtensionContainer_thenItIsSkipped() {
        Guami g = TestMessages.GUAMI;
        AperWriter w = new AperWriter();
        w.writeBit(false);
        w.writeBit(true); // iE-Extensions present
        w.align();
        w.writeBits(g.plmn().value(), 24);
        w.writeBits(g.amfRegionId(), 8);
        w.writeBits(g.amfSetId(), 10);
        w.writeBits(g.amfPointer(), 6);
        w.writeConstrained(1, 1, 65535);    // ProtocolExtensionContainer with one field
        w.writeConstrained(999, 0, 65535);
        w.writeConstrained(1, 0, 2);
        w.writeOpenType(new byte[] {1, 2, 3});
        w.writeBits(0x77, 8);
        AperReader r = new AperReader(w.toByteArray());
        assertThat(Ies.GUAMI.decode(r)).isEqualTo(g);
        assertThat(r.readBits(8)).isEqualTo(0x77);
    }
}
