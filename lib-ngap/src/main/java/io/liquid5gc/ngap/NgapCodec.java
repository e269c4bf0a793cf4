package io.liquid5gc.ngap;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.codec.DecodeContext;
import io.liquid5gc.ngap.codec.DecodeFailure;
import io.liquid5gc.ngap.codec.MessageCodec;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.TriggeringMessage;
import io.liquid5gc.ngap.message.MessageType;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UnknownMessage;
import java.util.List;

/**
 * NGAP-PDU codec (TS 38.413 9.4, APER per X.691). {@code decode} is total: whatever the input it returns a
 * {@link DecodeResult} — never throws, never loops on its input, and allocates at most in proportion to it.
 * {@code encode} throws {@link IllegalArgumentException} for a message that breaks its own constraints.
 * Stateless and thread-safe.
 */
public final class NgapCodec {
    private NgapCodec() {
    }

    public static DecodeResult decode(byte[] pdu) {
        return decode(pdu, 0, pdu.length);
    }

    public static DecodeResult decode(byte[] pdu, int offset, int length) {
        DecodeContext ctx = new DecodeContext();
        MessageType type = null;
        int pc = -1;
        Criticality crit = null;
        try {
            AperReader r = new AperReader(pdu, offset, length);
            // NGAP-PDU ::= CHOICE { initiatingMessage, successfulOutcome, unsuccessfulOutcome, ... } (9.4.2)
            int alt = r.readChoiceIndex(3, true);
            if (alt >= 3) {
                return error(CauseProtocol.ABSTRACT_SYNTAX_ERROR_FALSELY_CONSTRUCTED_MESSAGE, null, -1, null, null, ctx,
                        "NGAP-PDU extension alternative " + alt + " not comprehended");
            }
            type = MessageType.fromIndex(alt);
            if (type == null) {
                return error(CauseProtocol.TRANSFER_SYNTAX_ERROR, null, -1, null, null, ctx, "bad NGAP-PDU choice " + alt);
            }
            // InitiatingMessage ::= SEQUENCE { procedureCode (0..255), criticality, value open type }
            pc = (int) r.readConstrained(0, 255);
            crit = Criticality.fromCode((int) r.readConstrained(0, 2));
            if (crit == null) {
                return error(CauseProtocol.TRANSFER_SYNTAX_ERROR, type, pc, null, null, ctx, "criticality out of range");
            }
            r.beginOpenType();
            NgapMessage m = MessageCodec.decodeValue(r, type, pc, ctx);
            if (m == null) {
                m = new UnknownMessage(type, pc, crit, Octets.wrap(r.readRemainingOctets()));
            }
            r.endOpenType();
            return new DecodeResult.Decoded(m, ctx.reports(), r.firstNote());
        } catch (DecodeFailure f) {
            return error(f.cause, type, pc, crit, f.ie, ctx, f.getMessage());
        } catch (AperException e) {
            return error(CauseProtocol.TRANSFER_SYNTAX_ERROR, type, pc, crit, null, ctx, e.getMessage());
        } catch (RuntimeException e) { // defensive: the decoder must stay total
            return error(CauseProtocol.UNSPECIFIED, type, pc, crit, null, ctx, "decoder fault: " + e);
        }
    }

    private static DecodeResult error(Cause cause, MessageType type, int pc, Criticality crit,
                                      CriticalityDiagnostics.IeDiagnostic ie, DecodeContext ctx, String detail) {
        CriticalityDiagnostics diag = new CriticalityDiagnostics(pc,
                type == null ? null : TriggeringMessage.fromIndex(type.ordinal()), crit, ie == null ? null : List.of(ie));
        return new DecodeResult.DecodeError(cause, pc, type, crit, diag, ctx.amfUeNgapId(), ctx.ranUeNgapId(), detail);
    }

    /** Encodes into a new array. */
    public static byte[] encode(NgapMessage message) {
        AperWriter w = new AperWriter(256);
        encode(message, w);
        return w.toByteArray();
    }

    /**
     * Encodes into a reusable writer (call {@link AperWriter#reset()} first); the encoding is
     * {@code w.buffer()[0 .. w.length())}.
     */
    public static void encode(NgapMessage message, AperWriter w) {
        w.writeChoiceIndex(message.messageType().ordinal(), 3, true);
        int pc;
        Criticality crit;
        if (message instanceof UnknownMessage u) {
            pc = u.procedureCodeValue();
            crit = u.criticality();
        } else {
            pc = message.procedureCode().code();
            crit = message.procedureCode().criticality();
        }
        w.writeConstrained(pc, 0, 255);
        w.writeConstrained(crit.code(), 0, 2);
        int mark = w.beginOpenType();
        if (message instanceof UnknownMessage u) {
            w.writeOctetsRaw(u.value().unsafeArray(), 0, u.value().length());
        } else {
            MessageCodec.encodeValue(w, message);
        }
        w.endOpenType(mark);
    }
}
