package io.liquid5gc.nas.codec;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.mm.GmmMessageType;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.security.SecurityProtectedNasMessage;
import io.liquid5gc.nas.sm.SmMessage;
import io.liquid5gc.nas.sm.SmMessageType;

/**
 * The NAS-5GS codec entry point (TS 24.501 clauses 8 and 9). All decode methods are total: they
 * return a {@link DecodeResult} and never throw. Stateless and thread-safe.
 */
public final class NasCodec {
    private NasCodec() {
    }

    // ---- decode ----

    /**
     * Decodes what an NGAP NAS-PDU carries: a plain 5GMM/5GSM message, or a security protected
     * 5GMM message (header only; the inner octets are verified/deciphered by the caller and then
     * passed to {@link #decode(byte[])}).
     */
    public static DecodeResult<NasPdu> decodePdu(byte[] pdu) {
        if (pdu == null || pdu.length < 3) {
            return tooShort(pdu);
        }
        if ((pdu[0] & 0xFF) == NasMessage.EPD_5GMM && (pdu[1] & 0x0F) != 0) {
            return decodeProtected(pdu).map(NasPdu.Protected::new);
        }
        return decode(pdu).map(NasPdu.Plain::new);
    }

    /** Decodes a plain NAS message (security header type 0), dispatching on the EPD. */
    public static DecodeResult<NasMessage> decode(byte[] plain) {
        if (plain == null || plain.length < 3) {
            return tooShort(plain);
        }
        return switch (plain[0] & 0xFF) {
            case NasMessage.EPD_5GMM -> widen(decodeGmm(plain));
            case NasMessage.EPD_5GSM -> widen(decodeSm(plain));
            default -> DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.UNKNOWN_PROTOCOL_DISCRIMINATOR,
                    "EPD 0x" + Integer.toHexString(plain[0] & 0xFF), 0));
        };
    }

    /** Decodes a plain 5GMM message (TS 24.501 8.2). */
    public static DecodeResult<GmmMessage> decodeGmm(byte[] plain) {
        if (plain == null || plain.length < 3) {
            return tooShort(plain);
        }
        try {
            NasReader r = new NasReader(plain);
            if (r.u8() != NasMessage.EPD_5GMM) {
                return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.UNKNOWN_PROTOCOL_DISCRIMINATOR,
                        "not a 5GMM message", 0));
            }
            int sht = r.u8() & 0x0F;
            if (sht != 0) {
                return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.PROTOCOL_ERROR_UNSPECIFIED,
                        "security protected message (header type " + sht + "): use decodePdu", 1));
            }
            int code = r.u8();
            GmmMessageType type = GmmMessageType.fromCode(code);
            if (type == null) {
                return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.MESSAGE_TYPE_NON_EXISTENT,
                        "5GMM message type 0x" + Integer.toHexString(code), 2));
            }
            return DecodeResult.ok(GmmCodec.decodeBody(type, r));
        } catch (NasDecodeException e) {
            return DecodeResult.err(e.toError());
        } catch (RuntimeException e) {
            return internal(e);
        }
    }

    /** Decodes a plain 5GSM message (TS 24.501 8.3). */
    public static DecodeResult<SmMessage> decodeSm(byte[] plain) {
        if (plain == null || plain.length < 4) {
            return tooShort(plain);
        }
        try {
            NasReader r = new NasReader(plain);
            if (r.u8() != NasMessage.EPD_5GSM) {
                return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.UNKNOWN_PROTOCOL_DISCRIMINATOR,
                        "not a 5GSM message", 0));
            }
            int psi = r.u8();
            int pti = r.u8();
            int code = r.u8();
            SmMessageType type = SmMessageType.fromCode(code);
            if (type == null) {
                return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.MESSAGE_TYPE_NON_EXISTENT,
                        "5GSM message type 0x" + Integer.toHexString(code), 3));
            }
            return DecodeResult.ok(SmCodec.decodeBody(type, psi, pti, r));
        } catch (NasDecodeException e) {
            return DecodeResult.err(e.toError());
        } catch (RuntimeException e) {
            return internal(e);
        }
    }

    /** Parses the security protected header, TS 24.501 9.1.1; the inner octets stay opaque. */
    public static DecodeResult<SecurityProtectedNasMessage> decodeProtected(byte[] pdu) {
        if (pdu == null || pdu.length < SecurityProtectedNasMessage.HEADER_LENGTH + 3) {
            return tooShort(pdu);
        }
        if ((pdu[0] & 0xFF) != NasMessage.EPD_5GMM) {
            return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.UNKNOWN_PROTOCOL_DISCRIMINATOR,
                    "security protected messages are 5GMM only", 0));
        }
        SecurityHeaderType sht = SecurityHeaderType.fromCode(pdu[1] & 0x0F);
        if (sht == null || sht == SecurityHeaderType.PLAIN) {
            // TS 24.501 9.3.1: reserved security header types; treat as non-decodable
            return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.PROTOCOL_ERROR_UNSPECIFIED,
                    "security header type " + (pdu[1] & 0x0F), 1));
        }
        byte[] mac = new byte[4];
        System.arraycopy(pdu, 2, mac, 0, 4);
        int sqn = pdu[6] & 0xFF;
        byte[] inner = new byte[pdu.length - SecurityProtectedNasMessage.HEADER_LENGTH];
        System.arraycopy(pdu, SecurityProtectedNasMessage.HEADER_LENGTH, inner, 0, inner.length);
        return DecodeResult.ok(new SecurityProtectedNasMessage(sht, mac, sqn, inner));
    }

    /** DecodeResult is an immutable producer of T, so widening to a supertype is safe (saves a copy). */
    @SuppressWarnings("unchecked")
    private static DecodeResult<NasMessage> widen(DecodeResult<? extends NasMessage> r) {
        return (DecodeResult<NasMessage>) r;
    }

    private static <T> DecodeResult<T> tooShort(byte[] b) {
        return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.MESSAGE_TOO_SHORT,
                "message of " + (b == null ? 0 : b.length) + " octets", 0));
    }

    private static <T> DecodeResult<T> internal(RuntimeException e) {
        return DecodeResult.err(new NasDecodeError(NasDecodeError.Kind.PROTOCOL_ERROR_UNSPECIFIED,
                INTERNAL_ERROR_PREFIX + e, -1));
    }

    /** Prefix of {@link NasDecodeError#detail()} when a decoder bug was caught (fuzz tests look for it). */
    public static final String INTERNAL_ERROR_PREFIX = "internal decoder error: ";

    /**
     * The status message answering a PDU that failed to decode (TS 24.501 7.1): a 5GMM STATUS, or a
     * 5GSM STATUS carrying the PDU session identity and PTI of the offending 5GSM header; null when
     * the message is to be ignored.
     */
    public static NasMessage statusFor(byte[] pdu, NasDecodeError error) {
        if (error.ignoreMessage()) {
            return null;
        }
        if (pdu != null && pdu.length >= 3 && (pdu[0] & 0xFF) == NasMessage.EPD_5GSM) {
            return new io.liquid5gc.nas.sm.SmMessage.SmStatus(pdu[1] & 0xFF, pdu[2] & 0xFF, error.smCause());
        }
        return new GmmMessage.GmmStatus(error.gmmCause());
    }

    // ---- encode ----

    /** Encodes a plain NAS message (5GMM with security header type 0, or 5GSM). */
    public static byte[] encode(NasMessage m) {
        NasWriter w = new NasWriter(64);
        encode(m, w);
        return w.toByteArray();
    }

    public static void encode(NasMessage m, NasWriter w) {
        switch (m) {
            case GmmMessage g -> {
                w.u8(NasMessage.EPD_5GMM).u8(0).u8(g.messageTypeCode());
                GmmCodec.encodeBody(g, w);
            }
            case SmMessage s -> {
                w.u8(NasMessage.EPD_5GSM).u8(s.pduSessionId()).u8(s.pti()).u8(s.messageTypeCode());
                SmCodec.encodeBody(s, w);
            }
            default -> throw new IllegalArgumentException("unknown NAS message class " + m.getClass());
        }
    }

    /** Encodes a security protected message (header and opaque inner octets). */
    public static byte[] encode(SecurityProtectedNasMessage m) {
        return m.encode();
    }

    /**
     * Wraps already encoded (and, if required, ciphered) plain octets in a security header. The
     * caller computes the MAC over {@code sqn || inner} with the NAS integrity algorithm.
     */
    public static byte[] protect(SecurityHeaderType sht, byte[] mac, int sqn, byte[] inner) {
        return new SecurityProtectedNasMessage(sht, mac, sqn, inner).encode();
    }
}
