package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.Codecs.constrained;
import static io.liquid5gc.ngap.codec.Codecs.constrainedExt;
import static io.liquid5gc.ngap.codec.Codecs.enumerated;
import static io.liquid5gc.ngap.codec.Codecs.listOf;
import static io.liquid5gc.ngap.codec.Codecs.readSingleContainer;
import static io.liquid5gc.ngap.codec.Codecs.writeSingleContainer;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.EutraCgi;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PagingPriority;
import io.liquid5gc.ngap.ie.PduSessionType;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.RrcState;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.TimeToWait;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.List;

/**
 * APER codecs of the NGAP identity IEs and the building blocks the other IE families use (TS 38.413 9.3.1 /
 * 9.3.3): UE NGAP ids, OCTET STRINGs and names, PLMN, TAC, TAI, NR/E-UTRA CGI, transport layer address, user
 * location information, GUAMI, 5G-S-TMSI, S-NSSAI and allowed NSSAI, and the plain ENUMERATED IEs. The other
 * families: {@link CauseIes},
 * {@link RanNodeIes}, {@link UeContextIes}, {@link MobilityIes}, {@link PduSessionIes}, {@link QosIes}; the builders
 * are in {@link Codecs}.
 */
final class Ies {
    private Ies() {
    }

    /** AMF-UE-NGAP-ID ::= INTEGER (0..1099511627775) (9.3.3.1). */
    static final LongCodec AMF_UE_NGAP_ID = constrained(0, 1099511627775L);
    /** RAN-UE-NGAP-ID ::= INTEGER (0..4294967295) (9.3.3.2). */
    static final LongCodec RAN_UE_NGAP_ID = constrained(0, 4294967295L);
    /** RelativeAMFCapacity ::= INTEGER (0..255) (9.3.1.32). */
    static final LongCodec RELATIVE_AMF_CAPACITY = constrained(0, 255);
    /** RANPagingPriority ::= INTEGER (1..256) (9.3.3.15). */
    static final LongCodec RAN_PAGING_PRIORITY = constrained(1, 256);
    /** IndexToRFSP ::= INTEGER (1..256, ...) (9.3.1.61). */
    static final LongCodec INDEX_TO_RFSP = constrainedExt(1, 256);
    /** NetworkInstance ::= INTEGER (1..256, ...) (9.3.1.113). */
    static final LongCodec NETWORK_INSTANCE = constrainedExt(1, 256);
    /** AMFSetID ::= BIT STRING (SIZE(10)) (9.3.3.12). */
    static final LongCodec AMF_SET_ID = new LongCodec() {
        @Override
        public long decode(AperReader r) {
            return r.readFixedBitString(10);
        }

        @Override
        public void encode(AperWriter w, long value) {
            w.writeFixedBitString(value, 10);
        }
    };

    /** OCTET STRING without size constraint (NAS-PDU 9.3.3.4, transparent containers, UE radio capability). */
    static final ValueCodec<Octets> OCTETS = new ValueCodec<>() {
        @Override
        public Octets decode(AperReader r) {
            return Octets.wrap(r.readUnboundedOctets());
        }

        @Override
        public void encode(AperWriter w, Octets v) {
            byte[] b = v.unsafeArray();
            w.writeUnboundedOctets(b, 0, b.length);
        }
    };

    /** An IE value kept as its APER encoding (the whole open-type contents). */
    static final ValueCodec<Octets> OPEN_TYPE_CONTENTS = new ValueCodec<>() {
        @Override
        public Octets decode(AperReader r) {
            return Octets.wrap(r.readRemainingOctets());
        }

        @Override
        public void encode(AperWriter w, Octets v) {
            w.align();
            byte[] b = v.unsafeArray();
            w.writeOctetsRaw(b, 0, b.length);
        }
    };

    /** SecurityKey ::= BIT STRING (SIZE(256)) (9.3.1.87), as 32 octets (aligned, X.691 16.10). */
    static final ValueCodec<Octets> SECURITY_KEY = fixedBitOctets(32);
    /** MaskedIMEISV ::= BIT STRING (SIZE(64)) (9.3.1.54). */
    static final ValueCodec<Octets> MASKED_IMEISV = fixedBitOctets(8);

    static ValueCodec<Octets> fixedBitOctets(int octets) {
        return new ValueCodec<>() {
            @Override
            public Octets decode(AperReader r) {
                r.align();
                return Octets.wrap(r.readOctetsRaw(octets));
            }

            @Override
            public void encode(AperWriter w, Octets v) {
                if (v.length() != octets) {
                    throw new IllegalArgumentException("expected " + octets + " octets");
                }
                w.align();
                w.writeOctetsRaw(v.unsafeArray(), 0, octets);
            }
        };
    }

    /** AMFName / RANNodeName ::= PrintableString (SIZE(1..150, ...)) (9.3.3.21, 9.3.1.x). */
    static final ValueCodec<String> NAME = new ValueCodec<>() {
        @Override
        public String decode(AperReader r) {
            return r.readKnownMultiplierString(1, 150, true);
        }

        @Override
        public void encode(AperWriter w, String v) {
            w.writeKnownMultiplierString(v, 1, 150, true);
        }
    };

    static PlmnIdentity readPlmn(AperReader r) {
        r.align();
        return new PlmnIdentity((int) r.readBits(24));
    }

    static void writePlmn(AperWriter w, PlmnIdentity p) {
        w.align();
        w.writeBits(p.value(), 24);
    }

    /** PLMNIdentity ::= OCTET STRING (SIZE(3)) (9.3.3.5). */
    static final ValueCodec<PlmnIdentity> PLMN = new ValueCodec<>() {
        @Override
        public PlmnIdentity decode(AperReader r) {
            return readPlmn(r);
        }

        @Override
        public void encode(AperWriter w, PlmnIdentity v) {
            writePlmn(w, v);
        }
    };

    static int readTac(AperReader r) {
        r.align();
        return (int) r.readBits(24);
    }

    static void writeTac(AperWriter w, int tac) {
        w.align();
        w.writeBits(tac, 24);
    }

    /** TAI (9.3.3.11). */
    static final ValueCodec<Tai> TAI = new ValueCodec<>() {
        @Override
        public Tai decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            PlmnIdentity p = readPlmn(r);
            int tac = readTac(r);
            seq.skipEnd(r);
            return new Tai(p, tac);
        }

        @Override
        public void encode(AperWriter w, Tai v) {
            Sequence.write(w, List.of());
            writePlmn(w, v.plmn());
            writeTac(w, v.tac());
        }
    };

    /** NR-CGI (9.3.1.7): NRCellIdentity ::= BIT STRING (SIZE(36)). */
    static final ValueCodec<NrCgi> NR_CGI = new ValueCodec<>() {
        @Override
        public NrCgi decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            PlmnIdentity p = readPlmn(r);
            long cell = r.readFixedBitString(36);
            seq.skipEnd(r);
            return new NrCgi(p, cell);
        }

        @Override
        public void encode(AperWriter w, NrCgi v) {
            Sequence.write(w, List.of());
            writePlmn(w, v.plmn());
            w.writeFixedBitString(v.cellIdentity(), 36);
        }
    };

    /** EUTRA-CGI (9.3.1.9): EUTRACellIdentity ::= BIT STRING (SIZE(28)). */
    static final ValueCodec<EutraCgi> EUTRA_CGI = new ValueCodec<>() {
        @Override
        public EutraCgi decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            PlmnIdentity p = readPlmn(r);
            int cell = (int) r.readFixedBitString(28);
            seq.skipEnd(r);
            return new EutraCgi(p, cell);
        }

        @Override
        public void encode(AperWriter w, EutraCgi v) {
            Sequence.write(w, List.of());
            writePlmn(w, v.plmn());
            w.writeFixedBitString(v.cellIdentity(), 28);
        }
    };

    /** TransportLayerAddress ::= BIT STRING (SIZE(1..160, ...)) (9.3.2.4). */
    static final ValueCodec<TransportLayerAddress> TRANSPORT_LAYER_ADDRESS = new ValueCodec<>() {
        @Override
        public TransportLayerAddress decode(AperReader r) {
            int n = r.readBitStringLength(1, 160, true);
            if (n < 1) {
                throw new AperException("empty transport layer address");
            }
            return new TransportLayerAddress(Octets.wrap(r.readBitStringContents(n)), n);
        }

        @Override
        public void encode(AperWriter w, TransportLayerAddress v) {
            w.writeBitString(v.bits().unsafeArray(), v.bitLength(), 1, 160, true);
        }
    };

    /** UserLocationInformation CHOICE (9.3.1.16): EUTRA, NR, N3IWF, choice-Extensions. */
    static final ValueCodec<UserLocationInformation> USER_LOCATION_INFORMATION = new ValueCodec<>() {
        @Override
        public UserLocationInformation decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 3);
            switch (alt) {
                case 0: {
                    Sequence seq = Sequence.read(r, 1);
                    EutraCgi cgi = EUTRA_CGI.decode(r);
                    Tai tai = TAI.decode(r);
                    Octets stamp = seq.has(0) ? Octets.wrap(r.readOctetString(4, 4, false)) : null;
                    return new UserLocationInformation.Eutra(cgi, tai, stamp, seq.end(r));
                }
                case 1: {
                    Sequence seq = Sequence.read(r, 1);
                    NrCgi cgi = NR_CGI.decode(r);
                    Tai tai = TAI.decode(r);
                    Octets stamp = seq.has(0) ? Octets.wrap(r.readOctetString(4, 4, false)) : null;
                    return new UserLocationInformation.Nr(cgi, tai, stamp, seq.end(r));
                }
                case 2: {
                    Sequence seq = Sequence.read(r, 0);
                    TransportLayerAddress ip = TRANSPORT_LAYER_ADDRESS.decode(r);
                    Octets port = Octets.wrap(r.readOctetString(2, 2, false));
                    return new UserLocationInformation.N3iwf(ip, port, seq.end(r));
                }
                default:
                    return new UserLocationInformation.Extension(readSingleContainer(r));
            }
        }

        @Override
        public void encode(AperWriter w, UserLocationInformation v) {
            switch (v) {
                case UserLocationInformation.Eutra e -> {
                    w.writeConstrained(0, 0, 3);
                    Sequence.write(w, e.extensions(), e.timeStamp() != null);
                    EUTRA_CGI.encode(w, e.eutraCgi());
                    TAI.encode(w, e.tai());
                    if (e.timeStamp() != null) {
                        w.writeOctetString(e.timeStamp().unsafeArray(), 4, 4, false);
                    }
                    Sequence.writeEnd(w, e.extensions());
                }
                case UserLocationInformation.Nr n -> {
                    w.writeConstrained(1, 0, 3);
                    Sequence.write(w, n.extensions(), n.timeStamp() != null);
                    NR_CGI.encode(w, n.nrCgi());
                    TAI.encode(w, n.tai());
                    if (n.timeStamp() != null) {
                        w.writeOctetString(n.timeStamp().unsafeArray(), 4, 4, false);
                    }
                    Sequence.writeEnd(w, n.extensions());
                }
                case UserLocationInformation.N3iwf n -> {
                    w.writeConstrained(2, 0, 3);
                    Sequence.write(w, n.extensions());
                    TRANSPORT_LAYER_ADDRESS.encode(w, n.ipAddress());
                    w.writeOctetString(n.portNumber().unsafeArray(), 2, 2, false);
                    Sequence.writeEnd(w, n.extensions());
                }
                case UserLocationInformation.Extension x -> {
                    w.writeConstrained(3, 0, 3);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    /** GUAMI (9.3.3.3): PLMN, AMFRegionID BIT STRING(8), AMFSetID BIT STRING(10), AMFPointer BIT STRING(6). */
    static final ValueCodec<Guami> GUAMI = new ValueCodec<>() {
        @Override
        public Guami decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            PlmnIdentity p = readPlmn(r);
            int region = (int) r.readFixedBitString(8);
            int set = (int) r.readFixedBitString(10);
            int pointer = (int) r.readFixedBitString(6);
            seq.skipEnd(r);
            return new Guami(p, region, set, pointer);
        }

        @Override
        public void encode(AperWriter w, Guami v) {
            Sequence.write(w, List.of());
            writePlmn(w, v.plmn());
            w.writeFixedBitString(v.amfRegionId(), 8);
            w.writeFixedBitString(v.amfSetId(), 10);
            w.writeFixedBitString(v.amfPointer(), 6);
        }
    };

    /** FiveG-S-TMSI (9.3.3.20): AMFSetID, AMFPointer, FiveG-TMSI OCTET STRING (SIZE(4)). */
    static final ValueCodec<FiveGSTmsi> FIVEG_S_TMSI = new ValueCodec<>() {
        @Override
        public FiveGSTmsi decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            int set = (int) r.readFixedBitString(10);
            int pointer = (int) r.readFixedBitString(6);
            r.align();
            long tmsi = r.readBits(32);
            seq.skipEnd(r);
            return new FiveGSTmsi(set, pointer, tmsi);
        }

        @Override
        public void encode(AperWriter w, FiveGSTmsi v) {
            Sequence.write(w, List.of());
            w.writeFixedBitString(v.amfSetId(), 10);
            w.writeFixedBitString(v.amfPointer(), 6);
            w.align();
            w.writeBits(v.fiveGTmsi(), 32);
        }
    };

    /** S-NSSAI (9.3.1.24): SST OCTET STRING (SIZE(1)), SD OCTET STRING (SIZE(3)) OPTIONAL. */
    static final ValueCodec<SNssai> S_NSSAI = new ValueCodec<>() {
        @Override
        public SNssai decode(AperReader r) {
            Sequence seq = Sequence.read(r, 1);
            int sst = (int) r.readBits(8);
            int sd = SNssai.NO_SD;
            if (seq.has(0)) {
                r.align();
                sd = (int) r.readBits(24);
            }
            seq.skipEnd(r);
            return new SNssai(sst, sd);
        }

        @Override
        public void encode(AperWriter w, SNssai v) {
            Sequence.write(w, List.of(), v.hasSd());
            w.writeBits(v.sst(), 8);
            if (v.hasSd()) {
                w.align();
                w.writeBits(v.sd(), 24);
            }
        }
    };

    /** An item SEQUENCE { s-NSSAI, iE-Extensions OPTIONAL, ... } (AllowedNSSAI-Item, SliceSupportItem). */
    static final ValueCodec<SNssai> S_NSSAI_ITEM = new ValueCodec<>() {
        @Override
        public SNssai decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            SNssai s = S_NSSAI.decode(r);
            seq.skipEnd(r);
            return s;
        }

        @Override
        public void encode(AperWriter w, SNssai v) {
            Sequence.write(w, List.of());
            S_NSSAI.encode(w, v);
        }
    };

    /** AllowedNSSAI ::= SEQUENCE (SIZE(1..maxnoofAllowedS-NSSAIs = 8)) OF AllowedNSSAI-Item (9.3.1.31). */
    static final ValueCodec<List<SNssai>> ALLOWED_NSSAI = listOf(1, 8, S_NSSAI_ITEM, 13);
    /** SliceSupportList ::= SEQUENCE (SIZE(1..maxnoofSliceItems = 1024)) OF SliceSupportItem (9.3.1.17). */
    static final ValueCodec<List<SNssai>> SLICE_SUPPORT_LIST = listOf(1, 1024, S_NSSAI_ITEM, 13);

    // The plain ENUMERATED IEs, each extensible with its root values in the Java enum.
    static final ValueCodec<TimeToWait> TIME_TO_WAIT =
            enumerated(TimeToWait.values(), TimeToWait.ROOT_COUNT, true);
    static final ValueCodec<RrcEstablishmentCause> RRC_ESTABLISHMENT_CAUSE =
            enumerated(RrcEstablishmentCause.values(), RrcEstablishmentCause.ROOT_COUNT, true);
    static final ValueCodec<PagingDrx> PAGING_DRX = enumerated(PagingDrx.values(), PagingDrx.ROOT_COUNT, true);
    static final ValueCodec<PagingPriority> PAGING_PRIORITY =
            enumerated(PagingPriority.values(), PagingPriority.ROOT_COUNT, true);
    static final ValueCodec<RrcState> RRC_STATE = enumerated(RrcState.values(), RrcState.ROOT_COUNT, true);
    static final ValueCodec<HandoverType> HANDOVER_TYPE =
            enumerated(HandoverType.values(), HandoverType.ROOT_COUNT, true);
    static final ValueCodec<PduSessionType> PDU_SESSION_TYPE =
            enumerated(PduSessionType.values(), PduSessionType.ROOT_COUNT, true);
}
