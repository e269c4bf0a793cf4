package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** 5GS mobile identity, TS 24.501 9.11.3.4. The value part (octet 4 onwards) of the IE. */
public sealed interface MobileIdentity {

    /** Type of identity, bits 3-1 of octet 4. */
    int TYPE_NONE = 0, TYPE_SUCI = 1, TYPE_GUTI = 2, TYPE_IMEI = 3, TYPE_S_TMSI = 4, TYPE_IMEISV = 5,
            TYPE_MAC = 6, TYPE_EUI64 = 7;

    /** Identity type code (TS 24.501 9.11.3.4, octet 4 bits 3-1). */
    int typeCode();

    void encode(NasWriter w);

    /** No identity (type 000). */
    record NoIdentity() implements MobileIdentity {
        public int typeCode() {
            return TYPE_NONE;
        }

        public void encode(NasWriter w) {
            w.u8(0x00);
        }
    }

    /**
     * SUCI in IMSI format (SUPI format 000). {@code routingIndicator} is 1-4 digits; the protection
     * scheme is 0 (null), 1 (profile A), 2 (profile B) or another value; the scheme output is typed.
     */
    record Suci(PlmnId plmn, String routingIndicator, int protectionScheme, int homeNetworkPublicKeyId,
                SchemeOutput schemeOutput) implements MobileIdentity {
        public Suci {
            if (!Bcd.isDigits(routingIndicator, 1, 4) || protectionScheme < 0 || protectionScheme > 15
                    || homeNetworkPublicKeyId < 0 || homeNetworkPublicKeyId > 255) {
                throw new IllegalArgumentException("bad SUCI fields");
            }
        }

        public int typeCode() {
            return TYPE_SUCI;
        }

        /** The SUPI this SUCI conceals, when the null scheme is used: "imsi-" + MCC + MNC + MSIN. */
        public String nullSchemeSupi() {
            return schemeOutput instanceof SchemeOutput.NullScheme n ? "imsi-" + plmn.mcc() + plmn.mnc() + n.msin() : null;
        }

        public void encode(NasWriter w) {
            w.u8(TYPE_SUCI);
            plmn.encode(w);
            // routing indicator: digit 2|1, digit 4|3, missing digits filled with 0xF (TS 24.501 9.11.3.4)
            int[] d = {0xF, 0xF, 0xF, 0xF};
            for (int i = 0; i < routingIndicator.length(); i++) {
                d[i] = routingIndicator.charAt(i) - '0';
            }
            w.u8((d[1] << 4) | d[0]).u8((d[3] << 4) | d[2]);
            w.u8(protectionScheme & 0x0F).u8(homeNetworkPublicKeyId);
            schemeOutput.encode(w);
        }
    }

    /** SUCI in NAI format (SUPI format 001): the NAI string as octets. */
    record SuciNai(byte[] nai) implements MobileIdentity {
        public int typeCode() {
            return TYPE_SUCI;
        }

        public void encode(NasWriter w) {
            w.u8(0x10 | TYPE_SUCI).bytes(nai);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SuciNai s && Arrays.equals(s.nai, nai);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(nai);
        }

        @Override
        public String toString() {
            return "SuciNai[" + new String(nai, StandardCharsets.UTF_8) + "]";
        }
    }

    /** Scheme output of a SUCI (TS 24.501 9.11.3.4, TS 33.501 C.3). */
    sealed interface SchemeOutput {
        void encode(NasWriter w);

        /** An MSIN has at most 10 digits (IMSI of at most 15 digits, TS 23.003 2.2). */
        int MAX_MSIN_DIGITS = 10;

        /** Null scheme: the MSIN as BCD digits. */
        record NullScheme(String msin) implements SchemeOutput {
            public NullScheme {
                if (!Bcd.isDigits(msin, 1, MAX_MSIN_DIGITS)) {
                    throw new IllegalArgumentException("bad MSIN");
                }
            }

            public void encode(NasWriter w) {
                Bcd.encode(msin, w);
            }
        }

        /**
         * ECIES profile A (X25519, 32-octet public key) or B (P-256, 33-octet compressed key):
         * ephemeral public key, ciphertext, 8-octet MAC tag (TS 33.501 C.3.4).
         */
        record Ecies(int profile, byte[] ephemeralPublicKey, byte[] cipherText, byte[] macTag) implements SchemeOutput {
            public void encode(NasWriter w) {
                w.bytes(ephemeralPublicKey).bytes(cipherText).bytes(macTag);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Ecies e && e.profile == profile && Arrays.equals(e.ephemeralPublicKey, ephemeralPublicKey)
                        && Arrays.equals(e.cipherText, cipherText) && Arrays.equals(e.macTag, macTag);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(cipherText);
            }

            @Override
            public String toString() {
                HexFormat h = HexFormat.of();
                return "Ecies[profile=" + profile + ", key=" + h.formatHex(ephemeralPublicKey) + ", ct="
                        + h.formatHex(cipherText) + ", mac=" + h.formatHex(macTag) + "]";
            }
        }

        /** Any other protection scheme: opaque octets. */
        record Opaque(byte[] octets) implements SchemeOutput {
            public void encode(NasWriter w) {
                w.bytes(octets);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Opaque p && Arrays.equals(p.octets, octets);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(octets);
            }
        }
    }

    /** 5G-GUTI (type 010). {@code amfSetId} is 10 bits, {@code amfPointer} 6 bits. */
    record Guti(PlmnId plmn, int amfRegionId, int amfSetId, int amfPointer, int tmsi) implements MobileIdentity {
        public Guti {
            checkAmf(amfRegionId, amfSetId, amfPointer);
        }

        public int typeCode() {
            return TYPE_GUTI;
        }

        public STmsi toSTmsi() {
            return new STmsi(amfSetId, amfPointer, tmsi);
        }

        public void encode(NasWriter w) {
            w.u8(0xF0 | TYPE_GUTI);
            plmn.encode(w);
            w.u8(amfRegionId).u16((amfSetId << 6) | amfPointer).u32(tmsi);
        }
    }

    /** 5G-S-TMSI (type 100). */
    record STmsi(int amfSetId, int amfPointer, int tmsi) implements MobileIdentity {
        public STmsi {
            checkAmf(0, amfSetId, amfPointer);
        }

        public int typeCode() {
            return TYPE_S_TMSI;
        }

        public void encode(NasWriter w) {
            w.u8(0xF0 | TYPE_S_TMSI).u16((amfSetId << 6) | amfPointer).u32(tmsi);
        }
    }

    /** IMEI (15 digits) or IMEISV (16 digits). */
    record Imei(String digits, boolean softwareVersion) implements MobileIdentity {
        public Imei {
            if (!Bcd.isDigits(digits, softwareVersion ? 16 : 15, softwareVersion ? 16 : 15)) {
                throw new IllegalArgumentException("bad IMEI(SV) " + digits);
            }
        }

        public int typeCode() {
            return softwareVersion ? TYPE_IMEISV : TYPE_IMEI;
        }

        public void encode(NasWriter w) {
            encodeDigits(digits, typeCode(), w);
        }
    }

    /** MAC address (type 110) or EUI-64 (type 111), or any other type: octets after octet 4. */
    record Other(int typeCode, int octet4, byte[] octets) implements MobileIdentity {
        public void encode(NasWriter w) {
            w.u8(octet4).bytes(octets);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && x.octet4 == octet4 && Arrays.equals(x.octets, octets);
        }

        @Override
        public int hashCode() {
            return octet4 * 31 + Arrays.hashCode(octets);
        }
    }

    private static void checkAmf(int region, int set, int pointer) {
        if (region < 0 || region > 255 || set < 0 || set > 1023 || pointer < 0 || pointer > 63) {
            throw new IllegalArgumentException("bad AMF identifier");
        }
    }

    /** Digits with odd/even indicator, first digit in octet 4 bits 8-5 (TS 24.501 9.11.3.4). */
    private static void encodeDigits(String digits, int type, NasWriter w) {
        boolean odd = (digits.length() & 1) == 1;
        w.u8(((digits.charAt(0) - '0') << 4) | (odd ? 0x08 : 0) | type);
        for (int i = 1; i < digits.length(); i += 2) {
            int lo = digits.charAt(i) - '0';
            int hi = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0xF;
            w.u8((hi << 4) | lo);
        }
    }

    /** Decodes the whole value part (octet 4 onwards). */
    static MobileIdentity decode(NasReader r) throws NasDecodeException {
        int o4 = r.u8();
        int type = o4 & 0x07;
        switch (type) {
            case TYPE_NONE -> {
                r.rest();
                return new NoIdentity();
            }
            case TYPE_SUCI -> {
                int supiFormat = (o4 >> 4) & 0x07;
                if (supiFormat == 1) {
                    return new SuciNai(r.rest());
                }
                if (supiFormat != 0) {
                    return new Other(type, o4, r.rest());
                }
                PlmnId plmn = PlmnId.decode(r);
                int ri1 = r.u8(), ri2 = r.u8();
                int[] d = {ri1 & 0x0F, ri1 >> 4, ri2 & 0x0F, ri2 >> 4};
                StringBuilder ri = new StringBuilder(4);
                for (int i = 0; i < 4; i++) {
                    if (d[i] == 0xF) {
                        break;
                    }
                    if (d[i] > 9) {
                        throw NasReader.invalid("routing indicator digit");
                    }
                    ri.append((char) ('0' + d[i]));
                }
                if (ri.isEmpty()) {
                    throw NasReader.invalid("empty routing indicator");
                }
                int scheme = r.u8() & 0x0F;
                int keyId = r.u8();
                SchemeOutput out;
                if (scheme == 0) {
                    String msin = Bcd.decode(r);
                    if (msin.isEmpty() || msin.length() > SchemeOutput.MAX_MSIN_DIGITS) {
                        throw NasReader.invalid("MSIN of " + msin.length() + " digits");
                    }
                    out = new SchemeOutput.NullScheme(msin);
                } else if ((scheme == 1 || scheme == 2)) {
                    int keyLen = scheme == 1 ? 32 : 33;
                    if (r.remaining() < keyLen + 8) {
                        throw NasReader.invalid("ECIES scheme output too short");
                    }
                    byte[] key = r.bytes(keyLen);
                    byte[] ct = r.bytes(r.remaining() - 8);
                    out = new SchemeOutput.Ecies(scheme, key, ct, r.bytes(8));
                } else {
                    out = new SchemeOutput.Opaque(r.rest());
                }
                return new Suci(plmn, ri.toString(), scheme, keyId, out);
            }
            case TYPE_GUTI -> {
                PlmnId plmn = PlmnId.decode(r);
                int region = r.u8();
                int setPtr = r.u16();
                int tmsi = r.u32();
                r.expectEnd("5G-GUTI");
                return new Guti(plmn, region, setPtr >> 6, setPtr & 0x3F, tmsi);
            }
            case TYPE_S_TMSI -> {
                int setPtr = r.u16();
                int tmsi = r.u32();
                r.expectEnd("5G-S-TMSI");
                return new STmsi(setPtr >> 6, setPtr & 0x3F, tmsi);
            }
            case TYPE_IMEI, TYPE_IMEISV -> {
                int first = o4 >> 4;
                if (first > 9) {
                    throw NasReader.invalid("IMEI digit");
                }
                String digits = (char) ('0' + first) + Bcd.decode(r);
                boolean sv = type == TYPE_IMEISV;
                if (digits.length() != (sv ? 16 : 15)) {
                    throw NasReader.invalid("IMEI(SV) length " + digits.length());
                }
                return new Imei(digits, sv);
            }
            default -> {
                return new Other(type, o4, r.rest());
            }
        }
    }
}
