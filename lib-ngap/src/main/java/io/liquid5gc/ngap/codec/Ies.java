package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.AllocationAndRetentionPriority;
import io.liquid5gc.ngap.ie.AssociatedQosFlow;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.CriticalityDiagnostics;
import io.liquid5gc.ngap.ie.EutraCgi;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.GbrQosInformation;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.MaximumIntegrityProtectedDataRate;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PagingPriority;
import io.liquid5gc.ngap.ie.PduSessionAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.PduSessionType;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.PlmnSupportItem;
import io.liquid5gc.ngap.ie.PreEmptionCapability;
import io.liquid5gc.ngap.ie.PreEmptionVulnerability;
import io.liquid5gc.ngap.ie.ProtectionIndication;
import io.liquid5gc.ngap.ie.ProtectionResult;
import io.liquid5gc.ngap.ie.QosCharacteristics;
import io.liquid5gc.ngap.ie.QosFlowLevelQosParameters;
import io.liquid5gc.ngap.ie.QosFlowPerTnlInformation;
import io.liquid5gc.ngap.ie.QosFlowSetupRequestItem;
import io.liquid5gc.ngap.ie.QosFlowWithCause;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.ResetType;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.RrcState;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.SecurityContext;
import io.liquid5gc.ngap.ie.SecurityIndication;
import io.liquid5gc.ngap.ie.SecurityResult;
import io.liquid5gc.ngap.ie.ServedGuamiItem;
import io.liquid5gc.ngap.ie.SupportedTaItem;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.TargetId;
import io.liquid5gc.ngap.ie.TimeToWait;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.ie.TriggeringMessage;
import io.liquid5gc.ngap.ie.TypeOfError;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UeAssociatedConnection;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.ngap.ie.UlNguUpTnlModifyItem;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import java.util.ArrayList;
import java.util.List;

/**
 * APER codecs of the NGAP IE value types (TS 38.413 9.3, ASN.1 NGAP-IEs), hand-written from the R17.9
 * definitions. Each SEQUENCE codec reads its extension bit and optional-component bitmap (X.691 19), skips any
 * ProtocolExtensionContainer and extension additions, and never fails on them.
 */
public final class Ies {
    private Ies() {
    }

    // ------------------------------------------------------------------ generic helpers

    /** BitRate ::= INTEGER (0..4000000000000, ...) (TS 38.413 9.3.1.4). */
    static final long MAX_BIT_RATE = 4_000_000_000_000L;

    /** Skips a ProtocolExtensionContainer: SEQUENCE (SIZE(1..65535)) OF ProtocolExtensionField (9.4.5). */
    public static void skipExtensionContainer(AperReader r) {
        int n = (int) r.readConstrained(1, 65535);
        r.checkCount(n, 32);
        for (int i = 0; i < n; i++) {
            r.readConstrained(0, 65535);
            r.readConstrained(0, 2);
            r.skipOpenType();
        }
    }

    /** End of a SEQUENCE: skip the extension container (if flagged) and extension additions (if extended). */
    static void endSequence(AperReader r, boolean hasIeExtensions, boolean extended) {
        if (hasIeExtensions) {
            skipExtensionContainer(r);
        }
        if (extended) {
            r.skipExtensionAdditions();
        }
    }

    /** Reads a ProtocolIE-SingleContainer (choice-Extensions alternatives) as a raw IE. */
    static RawIe readSingleContainer(AperReader r) {
        int id = (int) r.readConstrained(0, 65535);
        Criticality c = Criticality.fromCode((int) r.readConstrained(0, 2));
        return new RawIe(id, c, Octets.wrap(r.readOpenTypeBytes()));
    }

    static void writeSingleContainer(AperWriter w, RawIe ie) {
        w.writeConstrained(ie.id(), 0, 65535);
        w.writeConstrained(ie.criticality().code(), 0, 2);
        w.writeOpenType(ie.value().unsafeArray());
    }

    /** SEQUENCE (SIZE(lb..ub)) OF item. */
    static <T> ValueCodec<List<T>> listOf(int lb, int ub, ValueCodec<T> item, int minItemBits) {
        return new ValueCodec<>() {
            @Override
            public List<T> decode(AperReader r) {
                int n = r.readSizeOf(lb, ub, false, minItemBits);
                List<T> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(item.decode(r));
                }
                return List.copyOf(out);
            }

            @Override
            public void encode(AperWriter w, List<T> v) {
                w.writeSizeOf(v.size(), lb, ub, false);
                for (T t : v) {
                    item.encode(w, t);
                }
            }
        };
    }

    /** An extensible ENUMERATED whose values are the Java enum's constants in order. */
    static <E extends Enum<E>> ValueCodec<E> enumerated(E[] values, int rootCount, boolean extensible) {
        return new ValueCodec<>() {
            @Override
            public E decode(AperReader r) {
                int i = r.readEnumerated(rootCount, extensible);
                if (i >= values.length) {
                    throw new AperException("enumeration value " + i + " unknown");
                }
                return values[i];
            }

            @Override
            public void encode(AperWriter w, E v) {
                w.writeEnumerated(v.ordinal(), rootCount, extensible);
            }
        };
    }

    /** A single-value extensible ENUMERATED used as a flag (e.g. UEContextRequest ::= ENUMERATED {requested, ...}). */
    static final LongCodec FLAG = new LongCodec() {
        @Override
        public long decode(AperReader r) {
            int i = r.readEnumerated(1, true);
            if (i != 0) {
                throw new AperException("unknown extension value of a flag enumeration");
            }
            return 0;
        }

        @Override
        public void encode(AperWriter w, long value) {
            w.writeEnumerated(0, 1, true);
        }
    };

    static LongCodec constrained(long lb, long ub) {
        return new LongCodec() {
            @Override
            public long decode(AperReader r) {
                return r.readConstrained(lb, ub);
            }

            @Override
            public void encode(AperWriter w, long value) {
                w.writeConstrained(value, lb, ub);
            }
        };
    }

    /** INTEGER (lb..ub, ...) — extension values are not comprehended. */
    static LongCodec constrainedExt(long lb, long ub) {
        return new LongCodec() {
            @Override
            public long decode(AperReader r) {
                return readIntExt(r, lb, ub);
            }

            @Override
            public void encode(AperWriter w, long value) {
                w.writeBit(false);
                w.writeConstrained(value, lb, ub);
            }
        };
    }

    static long readIntExt(AperReader r, long lb, long ub) {
        if (r.readBit()) {
            throw new AperException("integer extension value not comprehended");
        }
        return r.readConstrained(lb, ub);
    }

    static void writeIntExt(AperWriter w, long v, long lb, long ub) {
        w.writeBit(false);
        w.writeConstrained(v, lb, ub);
    }

    // ------------------------------------------------------------------ identities

    /** AMF-UE-NGAP-ID ::= INTEGER (0..1099511627775) (9.3.3.1). */
    public static final LongCodec AMF_UE_NGAP_ID = constrained(0, 1099511627775L);
    /** RAN-UE-NGAP-ID ::= INTEGER (0..4294967295) (9.3.3.2). */
    public static final LongCodec RAN_UE_NGAP_ID = constrained(0, 4294967295L);
    /** RelativeAMFCapacity ::= INTEGER (0..255) (9.3.1.32). */
    public static final LongCodec RELATIVE_AMF_CAPACITY = constrained(0, 255);
    /** RANPagingPriority ::= INTEGER (1..256) (9.3.3.15). */
    public static final LongCodec RAN_PAGING_PRIORITY = constrained(1, 256);
    /** IndexToRFSP ::= INTEGER (1..256, ...) (9.3.1.61). */
    public static final LongCodec INDEX_TO_RFSP = constrainedExt(1, 256);
    /** NetworkInstance ::= INTEGER (1..256, ...) (9.3.1.113). */
    public static final LongCodec NETWORK_INSTANCE = constrainedExt(1, 256);
    /** AMFSetID ::= BIT STRING (SIZE(10)) (9.3.3.12). */
    public static final LongCodec AMF_SET_ID = new LongCodec() {
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
    public static final ValueCodec<Octets> OCTETS = new ValueCodec<>() {
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
    public static final ValueCodec<Octets> OPEN_TYPE_CONTENTS = new ValueCodec<>() {
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
    public static final ValueCodec<Octets> SECURITY_KEY = fixedBitOctets(32);
    /** MaskedIMEISV ::= BIT STRING (SIZE(64)) (9.3.1.54). */
    public static final ValueCodec<Octets> MASKED_IMEISV = fixedBitOctets(8);

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
    public static final ValueCodec<String> NAME = new ValueCodec<>() {
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
    public static final ValueCodec<PlmnIdentity> PLMN = new ValueCodec<>() {
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
    public static final ValueCodec<Tai> TAI = new ValueCodec<>() {
        @Override
        public Tai decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            int tac = readTac(r);
            endSequence(r, ies, ext);
            return new Tai(p, tac);
        }

        @Override
        public void encode(AperWriter w, Tai v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            writeTac(w, v.tac());
        }
    };

    /** NR-CGI (9.3.1.7): NRCellIdentity ::= BIT STRING (SIZE(36)). */
    public static final ValueCodec<NrCgi> NR_CGI = new ValueCodec<>() {
        @Override
        public NrCgi decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            long cell = r.readFixedBitString(36);
            endSequence(r, ies, ext);
            return new NrCgi(p, cell);
        }

        @Override
        public void encode(AperWriter w, NrCgi v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            w.writeFixedBitString(v.cellIdentity(), 36);
        }
    };

    /** EUTRA-CGI (9.3.1.9): EUTRACellIdentity ::= BIT STRING (SIZE(28)). */
    public static final ValueCodec<EutraCgi> EUTRA_CGI = new ValueCodec<>() {
        @Override
        public EutraCgi decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            int cell = (int) r.readFixedBitString(28);
            endSequence(r, ies, ext);
            return new EutraCgi(p, cell);
        }

        @Override
        public void encode(AperWriter w, EutraCgi v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            w.writeFixedBitString(v.cellIdentity(), 28);
        }
    };

    /** TransportLayerAddress ::= BIT STRING (SIZE(1..160, ...)) (9.3.2.4). */
    public static final ValueCodec<TransportLayerAddress> TRANSPORT_LAYER_ADDRESS = new ValueCodec<>() {
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
    public static final ValueCodec<UserLocationInformation> USER_LOCATION_INFORMATION = new ValueCodec<>() {
        @Override
        public UserLocationInformation decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 3);
            switch (alt) {
                case 0: {
                    boolean ext = r.readBit();
                    boolean ts = r.readBit();
                    boolean ies = r.readBit();
                    EutraCgi cgi = EUTRA_CGI.decode(r);
                    Tai tai = TAI.decode(r);
                    Octets stamp = ts ? Octets.wrap(r.readOctetString(4, 4, false)) : null;
                    endSequence(r, ies, ext);
                    return new UserLocationInformation.Eutra(cgi, tai, stamp);
                }
                case 1: {
                    boolean ext = r.readBit();
                    boolean ts = r.readBit();
                    boolean ies = r.readBit();
                    NrCgi cgi = NR_CGI.decode(r);
                    Tai tai = TAI.decode(r);
                    Octets stamp = ts ? Octets.wrap(r.readOctetString(4, 4, false)) : null;
                    endSequence(r, ies, ext);
                    return new UserLocationInformation.Nr(cgi, tai, stamp);
                }
                case 2: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    TransportLayerAddress ip = TRANSPORT_LAYER_ADDRESS.decode(r);
                    Octets port = Octets.wrap(r.readOctetString(2, 2, false));
                    endSequence(r, ies, ext);
                    return new UserLocationInformation.N3iwf(ip, port);
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
                    w.writeBit(false);
                    w.writeBit(e.timeStamp() != null);
                    w.writeBit(false);
                    EUTRA_CGI.encode(w, e.eutraCgi());
                    TAI.encode(w, e.tai());
                    if (e.timeStamp() != null) {
                        w.writeOctetString(e.timeStamp().unsafeArray(), 4, 4, false);
                    }
                }
                case UserLocationInformation.Nr n -> {
                    w.writeConstrained(1, 0, 3);
                    w.writeBit(false);
                    w.writeBit(n.timeStamp() != null);
                    w.writeBit(false);
                    NR_CGI.encode(w, n.nrCgi());
                    TAI.encode(w, n.tai());
                    if (n.timeStamp() != null) {
                        w.writeOctetString(n.timeStamp().unsafeArray(), 4, 4, false);
                    }
                }
                case UserLocationInformation.N3iwf n -> {
                    w.writeConstrained(2, 0, 3);
                    w.writeBits(0, 2);
                    TRANSPORT_LAYER_ADDRESS.encode(w, n.ipAddress());
                    w.writeOctetString(n.portNumber().unsafeArray(), 2, 2, false);
                }
                case UserLocationInformation.Extension x -> {
                    w.writeConstrained(3, 0, 3);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    /** GUAMI (9.3.3.3): PLMN, AMFRegionID BIT STRING(8), AMFSetID BIT STRING(10), AMFPointer BIT STRING(6). */
    public static final ValueCodec<Guami> GUAMI = new ValueCodec<>() {
        @Override
        public Guami decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            int region = (int) r.readFixedBitString(8);
            int set = (int) r.readFixedBitString(10);
            int pointer = (int) r.readFixedBitString(6);
            endSequence(r, ies, ext);
            return new Guami(p, region, set, pointer);
        }

        @Override
        public void encode(AperWriter w, Guami v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            w.writeFixedBitString(v.amfRegionId(), 8);
            w.writeFixedBitString(v.amfSetId(), 10);
            w.writeFixedBitString(v.amfPointer(), 6);
        }
    };

    /** FiveG-S-TMSI (9.3.3.20): AMFSetID, AMFPointer, FiveG-TMSI OCTET STRING (SIZE(4)). */
    public static final ValueCodec<FiveGSTmsi> FIVEG_S_TMSI = new ValueCodec<>() {
        @Override
        public FiveGSTmsi decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int set = (int) r.readFixedBitString(10);
            int pointer = (int) r.readFixedBitString(6);
            r.align();
            long tmsi = r.readBits(32);
            endSequence(r, ies, ext);
            return new FiveGSTmsi(set, pointer, tmsi);
        }

        @Override
        public void encode(AperWriter w, FiveGSTmsi v) {
            w.writeBits(0, 2);
            w.writeFixedBitString(v.amfSetId(), 10);
            w.writeFixedBitString(v.amfPointer(), 6);
            w.align();
            w.writeBits(v.fiveGTmsi(), 32);
        }
    };

    /** S-NSSAI (9.3.1.24): SST OCTET STRING (SIZE(1)), SD OCTET STRING (SIZE(3)) OPTIONAL. */
    public static final ValueCodec<SNssai> S_NSSAI = new ValueCodec<>() {
        @Override
        public SNssai decode(AperReader r) {
            boolean ext = r.readBit();
            boolean hasSd = r.readBit();
            boolean ies = r.readBit();
            int sst = (int) r.readBits(8);
            int sd = SNssai.NO_SD;
            if (hasSd) {
                r.align();
                sd = (int) r.readBits(24);
            }
            endSequence(r, ies, ext);
            return new SNssai(sst, sd);
        }

        @Override
        public void encode(AperWriter w, SNssai v) {
            w.writeBit(false);
            w.writeBit(v.hasSd());
            w.writeBit(false);
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
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            SNssai s = S_NSSAI.decode(r);
            endSequence(r, ies, ext);
            return s;
        }

        @Override
        public void encode(AperWriter w, SNssai v) {
            w.writeBits(0, 2);
            S_NSSAI.encode(w, v);
        }
    };

    /** AllowedNSSAI ::= SEQUENCE (SIZE(1..maxnoofAllowedS-NSSAIs = 8)) OF AllowedNSSAI-Item (9.3.1.31). */
    public static final ValueCodec<List<SNssai>> ALLOWED_NSSAI = listOf(1, 8, S_NSSAI_ITEM, 13);
    /** SliceSupportList ::= SEQUENCE (SIZE(1..maxnoofSliceItems = 1024)) OF SliceSupportItem (9.3.1.17). */
    public static final ValueCodec<List<SNssai>> SLICE_SUPPORT_LIST = listOf(1, 1024, S_NSSAI_ITEM, 13);

    // ------------------------------------------------------------------ cause and diagnostics

    private static final Cause.Group[] GROUPS = Cause.Group.values();
    private static final int[] GROUP_ROOTS = {45, 2, 4, 7, 6};

    /** Cause CHOICE (9.3.1.2): five extensible enumerations and choice-Extensions. */
    public static final ValueCodec<Cause> CAUSE = new ValueCodec<>() {
        @Override
        public Cause decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 5);
            if (alt == 5) {
                return new Cause.Extension(readSingleContainer(r));
            }
            int idx = r.readEnumerated(GROUP_ROOTS[alt], true);
            return Cause.of(GROUPS[alt], idx);
        }

        @Override
        public void encode(AperWriter w, Cause v) {
            if (v instanceof Cause.Extension x) {
                w.writeConstrained(5, 0, 5);
                writeSingleContainer(w, x.ie());
                return;
            }
            int g = v.group().ordinal();
            w.writeConstrained(g, 0, 5);
            w.writeEnumerated(v.index(), GROUP_ROOTS[g], true);
        }
    };

    private static final ValueCodec<CriticalityDiagnostics.IeDiagnostic> IE_DIAGNOSTIC = new ValueCodec<>() {
        @Override
        public CriticalityDiagnostics.IeDiagnostic decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            Criticality c = Criticality.fromCode((int) r.readConstrained(0, 2));
            int id = (int) r.readConstrained(0, 65535);
            int t = r.readEnumerated(2, true);
            endSequence(r, ies, ext);
            TypeOfError type = TypeOfError.fromIndex(t);
            if (type == null) {
                throw new AperException("unknown type of error");
            }
            return new CriticalityDiagnostics.IeDiagnostic(c, id, type);
        }

        @Override
        public void encode(AperWriter w, CriticalityDiagnostics.IeDiagnostic v) {
            w.writeBits(0, 2);
            w.writeConstrained(v.criticality().code(), 0, 2);
            w.writeConstrained(v.ieId(), 0, 65535);
            w.writeEnumerated(v.typeOfError().ordinal(), 2, true);
        }
    };
    private static final ValueCodec<List<CriticalityDiagnostics.IeDiagnostic>> IE_DIAGNOSTICS =
            listOf(1, 256, IE_DIAGNOSTIC, 22);

    /** CriticalityDiagnostics (9.3.1.3). */
    public static final ValueCodec<CriticalityDiagnostics> CRITICALITY_DIAGNOSTICS = new ValueCodec<>() {
        @Override
        public CriticalityDiagnostics decode(AperReader r) {
            boolean ext = r.readBit();
            int opts = (int) r.readBits(5);
            int pc = (opts & 0x10) != 0 ? (int) r.readConstrained(0, 255) : -1;
            TriggeringMessage tm = (opts & 0x08) != 0 ? TriggeringMessage.fromIndex((int) r.readConstrained(0, 2)) : null;
            Criticality c = (opts & 0x04) != 0 ? Criticality.fromCode((int) r.readConstrained(0, 2)) : null;
            List<CriticalityDiagnostics.IeDiagnostic> list = (opts & 0x02) != 0 ? IE_DIAGNOSTICS.decode(r) : null;
            endSequence(r, (opts & 0x01) != 0, ext);
            return new CriticalityDiagnostics(pc, tm, c, list);
        }

        @Override
        public void encode(AperWriter w, CriticalityDiagnostics v) {
            w.writeBit(false);
            w.writeBit(v.procedureCode() >= 0);
            w.writeBit(v.triggeringMessage() != null);
            w.writeBit(v.procedureCriticality() != null);
            w.writeBit(v.ies() != null);
            w.writeBit(false);
            if (v.procedureCode() >= 0) {
                w.writeConstrained(v.procedureCode(), 0, 255);
            }
            if (v.triggeringMessage() != null) {
                w.writeConstrained(v.triggeringMessage().ordinal(), 0, 2);
            }
            if (v.procedureCriticality() != null) {
                w.writeConstrained(v.procedureCriticality().code(), 0, 2);
            }
            if (v.ies() != null) {
                IE_DIAGNOSTICS.encode(w, v.ies());
            }
        }
    };

    public static final ValueCodec<TimeToWait> TIME_TO_WAIT =
            enumerated(TimeToWait.values(), TimeToWait.ROOT_COUNT, true);
    public static final ValueCodec<RrcEstablishmentCause> RRC_ESTABLISHMENT_CAUSE =
            enumerated(RrcEstablishmentCause.values(), RrcEstablishmentCause.ROOT_COUNT, true);
    public static final ValueCodec<PagingDrx> PAGING_DRX = enumerated(PagingDrx.values(), PagingDrx.ROOT_COUNT, true);
    public static final ValueCodec<PagingPriority> PAGING_PRIORITY =
            enumerated(PagingPriority.values(), PagingPriority.ROOT_COUNT, true);
    public static final ValueCodec<RrcState> RRC_STATE = enumerated(RrcState.values(), RrcState.ROOT_COUNT, true);
    public static final ValueCodec<HandoverType> HANDOVER_TYPE =
            enumerated(HandoverType.values(), HandoverType.ROOT_COUNT, true);
    public static final ValueCodec<PduSessionType> PDU_SESSION_TYPE =
            enumerated(PduSessionType.values(), PduSessionType.ROOT_COUNT, true);

    // ------------------------------------------------------------------ RAN node / AMF configuration

    private static GlobalRanNodeId.NgEnb readGlobalNgEnb(AperReader r) {
        boolean ext = r.readBit();
        boolean ies = r.readBit();
        PlmnIdentity p = readPlmn(r);
        int alt = (int) r.readConstrained(0, 3);
        int bits = switch (alt) {
            case 0 -> 20;
            case 1 -> 18;
            case 2 -> 21;
            default -> throw new AperException("ng-eNB ID choice extension not comprehended");
        };
        int id = (int) r.readFixedBitString(bits);
        endSequence(r, ies, ext);
        return new GlobalRanNodeId.NgEnb(p, id, bits);
    }

    private static void writeGlobalNgEnb(AperWriter w, GlobalRanNodeId.NgEnb e) {
        w.writeBits(0, 2);
        writePlmn(w, e.plmn());
        w.writeConstrained(e.enbIdBits() == 20 ? 0 : e.enbIdBits() == 18 ? 1 : 2, 0, 3);
        w.writeFixedBitString(e.enbId(), e.enbIdBits());
    }

    /** GlobalRANNodeID CHOICE (9.3.1.5): gNB, ng-eNB, N3IWF, choice-Extensions. */
    public static final ValueCodec<GlobalRanNodeId> GLOBAL_RAN_NODE_ID = new ValueCodec<>() {
        @Override
        public GlobalRanNodeId decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 3);
            switch (alt) {
                case 0: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    PlmnIdentity p = readPlmn(r);
                    if (r.readConstrained(0, 1) != 0) { // GNB-ID ::= CHOICE { gNB-ID BIT STRING (SIZE(22..32)), ext }
                        throw new AperException("gNB ID choice extension not comprehended");
                    }
                    int n = r.readBitStringLength(22, 32, false);
                    long id = r.readBits(n);
                    endSequence(r, ies, ext);
                    return new GlobalRanNodeId.Gnb(p, id, n);
                }
                case 1:
                    return readGlobalNgEnb(r);
                case 2: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    PlmnIdentity p = readPlmn(r);
                    if (r.readConstrained(0, 1) != 0) {
                        throw new AperException("N3IWF ID choice extension not comprehended");
                    }
                    int id = (int) r.readFixedBitString(16);
                    endSequence(r, ies, ext);
                    return new GlobalRanNodeId.N3iwf(p, id);
                }
                default:
                    return new GlobalRanNodeId.Extension(readSingleContainer(r));
            }
        }

        @Override
        public void encode(AperWriter w, GlobalRanNodeId v) {
            switch (v) {
                case GlobalRanNodeId.Gnb g -> {
                    w.writeConstrained(0, 0, 3);
                    w.writeBits(0, 2);
                    writePlmn(w, g.plmn());
                    w.writeConstrained(0, 0, 1);
                    w.writeConstrained(g.gnbIdBits(), 22, 32);
                    w.align();
                    w.writeBits(g.gnbId(), g.gnbIdBits());
                }
                case GlobalRanNodeId.NgEnb e -> {
                    w.writeConstrained(1, 0, 3);
                    writeGlobalNgEnb(w, e);
                }
                case GlobalRanNodeId.N3iwf n -> {
                    w.writeConstrained(2, 0, 3);
                    w.writeBits(0, 2);
                    writePlmn(w, n.plmn());
                    w.writeConstrained(0, 0, 1);
                    w.writeFixedBitString(n.n3iwfId(), 16);
                }
                case GlobalRanNodeId.Extension x -> {
                    w.writeConstrained(3, 0, 3);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    private static final ValueCodec<BroadcastPlmnItem> BROADCAST_PLMN_ITEM = new ValueCodec<>() {
        @Override
        public BroadcastPlmnItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            List<SNssai> slices = SLICE_SUPPORT_LIST.decode(r);
            endSequence(r, ies, ext);
            return new BroadcastPlmnItem(p, slices);
        }

        @Override
        public void encode(AperWriter w, BroadcastPlmnItem v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            SLICE_SUPPORT_LIST.encode(w, v.sliceSupport());
        }
    };

    private static final ValueCodec<SupportedTaItem> SUPPORTED_TA_ITEM = new ValueCodec<>() {
        @Override
        public SupportedTaItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int tac = readTac(r);
            List<BroadcastPlmnItem> plmns = listOf(1, 12, BROADCAST_PLMN_ITEM, 40).decode(r);
            endSequence(r, ies, ext);
            return new SupportedTaItem(tac, plmns);
        }

        @Override
        public void encode(AperWriter w, SupportedTaItem v) {
            w.writeBits(0, 2);
            writeTac(w, v.tac());
            listOf(1, 12, BROADCAST_PLMN_ITEM, 40).encode(w, v.broadcastPlmns());
        }
    };

    /** SupportedTAList ::= SEQUENCE (SIZE(1..maxnoofTACs = 256)) OF SupportedTAItem (9.3.1.x). */
    public static final ValueCodec<List<SupportedTaItem>> SUPPORTED_TA_LIST = listOf(1, 256, SUPPORTED_TA_ITEM, 32);

    private static final ValueCodec<ServedGuamiItem> SERVED_GUAMI_ITEM = new ValueCodec<>() {
        @Override
        public ServedGuamiItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean hasBackup = r.readBit();
            boolean ies = r.readBit();
            Guami g = GUAMI.decode(r);
            String backup = hasBackup ? NAME.decode(r) : null;
            endSequence(r, ies, ext);
            return new ServedGuamiItem(g, backup);
        }

        @Override
        public void encode(AperWriter w, ServedGuamiItem v) {
            w.writeBit(false);
            w.writeBit(v.backupAmfName() != null);
            w.writeBit(false);
            GUAMI.encode(w, v.guami());
            if (v.backupAmfName() != null) {
                NAME.encode(w, v.backupAmfName());
            }
        }
    };

    /** ServedGUAMIList ::= SEQUENCE (SIZE(1..maxnoofServedGUAMIs = 256)) OF ServedGUAMIItem. */
    public static final ValueCodec<List<ServedGuamiItem>> SERVED_GUAMI_LIST = listOf(1, 256, SERVED_GUAMI_ITEM, 40);

    private static final ValueCodec<PlmnSupportItem> PLMN_SUPPORT_ITEM = new ValueCodec<>() {
        @Override
        public PlmnSupportItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            PlmnIdentity p = readPlmn(r);
            List<SNssai> slices = SLICE_SUPPORT_LIST.decode(r);
            endSequence(r, ies, ext);
            return new PlmnSupportItem(p, slices);
        }

        @Override
        public void encode(AperWriter w, PlmnSupportItem v) {
            w.writeBits(0, 2);
            writePlmn(w, v.plmn());
            SLICE_SUPPORT_LIST.encode(w, v.sliceSupport());
        }
    };

    /** PLMNSupportList ::= SEQUENCE (SIZE(1..maxnoofPLMNs = 12)) OF PLMNSupportItem. */
    public static final ValueCodec<List<PlmnSupportItem>> PLMN_SUPPORT_LIST = listOf(1, 12, PLMN_SUPPORT_ITEM, 40);

    // ------------------------------------------------------------------ UE context

    /** UESecurityCapabilities (9.3.1.86): four BIT STRING (SIZE(16, ...)). */
    public static final ValueCodec<UeSecurityCapabilities> UE_SECURITY_CAPABILITIES = new ValueCodec<>() {
        @Override
        public UeSecurityCapabilities decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int a = readAlgs(r);
            int b = readAlgs(r);
            int c = readAlgs(r);
            int d = readAlgs(r);
            endSequence(r, ies, ext);
            return new UeSecurityCapabilities(a, b, c, d);
        }

        @Override
        public void encode(AperWriter w, UeSecurityCapabilities v) {
            w.writeBits(0, 2);
            writeAlgs(w, v.nrEncryption());
            writeAlgs(w, v.nrIntegrity());
            writeAlgs(w, v.eutraEncryption());
            writeAlgs(w, v.eutraIntegrity());
        }
    };

    private static int readAlgs(AperReader r) {
        if (r.readBit()) {
            throw new AperException("algorithm bitmap extension not comprehended");
        }
        return (int) r.readBits(16);
    }

    private static void writeAlgs(AperWriter w, int v) {
        w.writeBit(false);
        w.writeBits(v, 16);
    }

    static long readBitRate(AperReader r) {
        return readIntExt(r, 0, MAX_BIT_RATE);
    }

    static void writeBitRate(AperWriter w, long v) {
        writeIntExt(w, v, 0, MAX_BIT_RATE);
    }

    /** UEAggregateMaximumBitRate (9.3.1.58). */
    public static final ValueCodec<UeAggregateMaximumBitRate> UE_AMBR = new ValueCodec<>() {
        @Override
        public UeAggregateMaximumBitRate decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            long dl = readBitRate(r);
            long ul = readBitRate(r);
            endSequence(r, ies, ext);
            return new UeAggregateMaximumBitRate(dl, ul);
        }

        @Override
        public void encode(AperWriter w, UeAggregateMaximumBitRate v) {
            w.writeBits(0, 2);
            writeBitRate(w, v.downlink());
            writeBitRate(w, v.uplink());
        }
    };

    /** PDUSessionAggregateMaximumBitRate (9.3.1.102). */
    public static final ValueCodec<PduSessionAggregateMaximumBitRate> PDU_SESSION_AMBR = new ValueCodec<>() {
        @Override
        public PduSessionAggregateMaximumBitRate decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            long dl = readBitRate(r);
            long ul = readBitRate(r);
            endSequence(r, ies, ext);
            return new PduSessionAggregateMaximumBitRate(dl, ul);
        }

        @Override
        public void encode(AperWriter w, PduSessionAggregateMaximumBitRate v) {
            w.writeBits(0, 2);
            writeBitRate(w, v.downlink());
            writeBitRate(w, v.uplink());
        }
    };

    /** SecurityContext (9.3.1.88): NextHopChainingCount INTEGER (0..7), NextHopNH SecurityKey. */
    public static final ValueCodec<SecurityContext> SECURITY_CONTEXT = new ValueCodec<>() {
        @Override
        public SecurityContext decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int ncc = (int) r.readConstrained(0, 7);
            Octets nh = SECURITY_KEY.decode(r);
            endSequence(r, ies, ext);
            return new SecurityContext(ncc, nh);
        }

        @Override
        public void encode(AperWriter w, SecurityContext v) {
            w.writeBits(0, 2);
            w.writeConstrained(v.nextHopChainingCount(), 0, 7);
            SECURITY_KEY.encode(w, v.nextHopNh());
        }
    };

    /** UE-NGAP-IDs CHOICE (9.3.3.x): pair, AMF id only, choice-Extensions. */
    public static final ValueCodec<UeNgapIds> UE_NGAP_IDS = new ValueCodec<>() {
        @Override
        public UeNgapIds decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 2);
            switch (alt) {
                case 0: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    long amf = AMF_UE_NGAP_ID.decode(r);
                    long ran = RAN_UE_NGAP_ID.decode(r);
                    endSequence(r, ies, ext);
                    return new UeNgapIds.Pair(amf, ran);
                }
                case 1:
                    return new UeNgapIds.AmfOnly(AMF_UE_NGAP_ID.decode(r));
                default:
                    return new UeNgapIds.Extension(readSingleContainer(r));
            }
        }

        @Override
        public void encode(AperWriter w, UeNgapIds v) {
            switch (v) {
                case UeNgapIds.Pair p -> {
                    w.writeConstrained(0, 0, 2);
                    w.writeBits(0, 2);
                    AMF_UE_NGAP_ID.encode(w, p.amfUeNgapId());
                    RAN_UE_NGAP_ID.encode(w, p.ranUeNgapId());
                }
                case UeNgapIds.AmfOnly a -> {
                    w.writeConstrained(1, 0, 2);
                    AMF_UE_NGAP_ID.encode(w, a.amfUeNgapId());
                }
                case UeNgapIds.Extension x -> {
                    w.writeConstrained(2, 0, 2);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    private static final ValueCodec<UeAssociatedConnection> UE_ASSOCIATED_CONNECTION = new ValueCodec<>() {
        @Override
        public UeAssociatedConnection decode(AperReader r) {
            boolean ext = r.readBit();
            boolean hasAmf = r.readBit();
            boolean hasRan = r.readBit();
            boolean ies = r.readBit();
            long amf = hasAmf ? AMF_UE_NGAP_ID.decode(r) : UeAssociatedConnection.ABSENT;
            long ran = hasRan ? RAN_UE_NGAP_ID.decode(r) : UeAssociatedConnection.ABSENT;
            endSequence(r, ies, ext);
            return new UeAssociatedConnection(amf, ran);
        }

        @Override
        public void encode(AperWriter w, UeAssociatedConnection v) {
            w.writeBit(false);
            w.writeBit(v.amfUeNgapId() >= 0);
            w.writeBit(v.ranUeNgapId() >= 0);
            w.writeBit(false);
            if (v.amfUeNgapId() >= 0) {
                AMF_UE_NGAP_ID.encode(w, v.amfUeNgapId());
            }
            if (v.ranUeNgapId() >= 0) {
                RAN_UE_NGAP_ID.encode(w, v.ranUeNgapId());
            }
        }
    };

    /** UE-associatedLogicalNG-connectionList ::= SEQUENCE (SIZE(1..maxnoofNGConnectionsToReset = 65536)) OF ... */
    public static final ValueCodec<List<UeAssociatedConnection>> UE_ASSOCIATED_CONNECTION_LIST =
            listOf(1, 65536, UE_ASSOCIATED_CONNECTION, 4);

    /** ResetType CHOICE (9.3.1.x): nG-Interface ResetAll ::= ENUMERATED {reset-all, ...}, partOfNG-Interface, ext. */
    public static final ValueCodec<ResetType> RESET_TYPE = new ValueCodec<>() {
        @Override
        public ResetType decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 2);
            switch (alt) {
                case 0:
                    FLAG.decode(r);
                    return new ResetType.NgInterface();
                case 1:
                    return new ResetType.PartOfNgInterface(UE_ASSOCIATED_CONNECTION_LIST.decode(r));
                default:
                    return new ResetType.Extension(readSingleContainer(r));
            }
        }

        @Override
        public void encode(AperWriter w, ResetType v) {
            switch (v) {
                case ResetType.NgInterface a -> {
                    w.writeConstrained(0, 0, 2);
                    FLAG.encode(w, 0);
                }
                case ResetType.PartOfNgInterface p -> {
                    w.writeConstrained(1, 0, 2);
                    UE_ASSOCIATED_CONNECTION_LIST.encode(w, p.connections());
                }
                case ResetType.Extension x -> {
                    w.writeConstrained(2, 0, 2);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    // ------------------------------------------------------------------ mobility, paging

    /** TargetID CHOICE (9.3.1.25): targetRANNodeID, targeteNB-ID, choice-Extensions. */
    public static final ValueCodec<TargetId> TARGET_ID = new ValueCodec<>() {
        @Override
        public TargetId decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 2);
            switch (alt) {
                case 0: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    GlobalRanNodeId node = GLOBAL_RAN_NODE_ID.decode(r);
                    Tai tai = TAI.decode(r);
                    endSequence(r, ies, ext);
                    return new TargetId.RanNode(node, tai);
                }
                case 1: {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    GlobalRanNodeId.NgEnb enb = readGlobalNgEnb(r);
                    boolean tExt = r.readBit();
                    boolean tIes = r.readBit();
                    PlmnIdentity p = readPlmn(r);
                    int tac = (int) r.readBits(16); // EPS-TAC OCTET STRING (SIZE(2)): not aligned (X.691 17.6)
                    endSequence(r, tIes, tExt);
                    endSequence(r, ies, ext);
                    return new TargetId.Enb(enb, p, tac);
                }
                default:
                    return new TargetId.Extension(readSingleContainer(r));
            }
        }

        @Override
        public void encode(AperWriter w, TargetId v) {
            switch (v) {
                case TargetId.RanNode n -> {
                    w.writeConstrained(0, 0, 2);
                    w.writeBits(0, 2);
                    GLOBAL_RAN_NODE_ID.encode(w, n.globalRanNodeId());
                    TAI.encode(w, n.selectedTai());
                }
                case TargetId.Enb e -> {
                    w.writeConstrained(1, 0, 2);
                    w.writeBits(0, 2);
                    writeGlobalNgEnb(w, e.globalEnbId());
                    w.writeBits(0, 2);
                    writePlmn(w, e.epsTaiPlmn());
                    w.writeBits(e.epsTac(), 16);
                }
                case TargetId.Extension x -> {
                    w.writeConstrained(2, 0, 2);
                    writeSingleContainer(w, x.ie());
                }
            }
        }
    };

    /** DirectForwardingPathAvailability ::= ENUMERATED {direct-path-available, ...}, as a flag. */
    public static final LongCodec DIRECT_FORWARDING_PATH_AVAILABILITY = FLAG;
    /** UEContextRequest ::= ENUMERATED {requested, ...}, as a flag. */
    public static final LongCodec UE_CONTEXT_REQUEST = FLAG;

    /** UEPagingIdentity CHOICE { fiveG-S-TMSI, choice-Extensions } (9.3.3.18). */
    public static final ValueCodec<FiveGSTmsi> UE_PAGING_IDENTITY = new ValueCodec<>() {
        @Override
        public FiveGSTmsi decode(AperReader r) {
            if (r.readConstrained(0, 1) != 0) {
                throw new AperException("UE paging identity extension not comprehended");
            }
            return FIVEG_S_TMSI.decode(r);
        }

        @Override
        public void encode(AperWriter w, FiveGSTmsi v) {
            w.writeConstrained(0, 0, 1);
            FIVEG_S_TMSI.encode(w, v);
        }
    };

    private static final ValueCodec<Tai> TAI_ITEM = new ValueCodec<>() {
        @Override
        public Tai decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            Tai t = TAI.decode(r);
            endSequence(r, ies, ext);
            return t;
        }

        @Override
        public void encode(AperWriter w, Tai v) {
            w.writeBits(0, 2);
            TAI.encode(w, v);
        }
    };

    /** TAIListForPaging ::= SEQUENCE (SIZE(1..maxnoofTAIforPaging = 16)) OF TAIListForPagingItem. */
    public static final ValueCodec<List<Tai>> TAI_LIST_FOR_PAGING = listOf(1, 16, TAI_ITEM, 52);

    // ------------------------------------------------------------------ PDU session resource lists

    /** Which parts a PDU session resource item has, in order: id, [NAS-PDU OPTIONAL], [S-NSSAI], [transfer]. */
    static ValueCodec<PduSessionItem> pduSessionItem(boolean nas, boolean snssai, boolean transfer) {
        return new ValueCodec<>() {
            @Override
            public PduSessionItem decode(AperReader r) {
                boolean ext = r.readBit();
                boolean hasNas = nas && r.readBit();
                boolean ies = r.readBit();
                int id = (int) r.readConstrained(0, 255);
                Octets nasPdu = hasNas ? OCTETS.decode(r) : null;
                SNssai s = snssai ? S_NSSAI.decode(r) : null;
                Octets t = transfer ? OCTETS.decode(r) : null;
                endSequence(r, ies, ext);
                return new PduSessionItem(id, nasPdu, s, t);
            }

            @Override
            public void encode(AperWriter w, PduSessionItem v) {
                w.writeBit(false);
                if (nas) {
                    w.writeBit(v.nasPdu() != null);
                }
                w.writeBit(false);
                w.writeConstrained(v.pduSessionId(), 0, 255);
                if (nas && v.nasPdu() != null) {
                    OCTETS.encode(w, v.nasPdu());
                }
                if (snssai) {
                    S_NSSAI.encode(w, require(v.snssai(), "S-NSSAI"));
                }
                if (transfer) {
                    OCTETS.encode(w, require(v.transfer(), "transfer"));
                }
            }
        };
    }

    static <T> T require(T v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " missing");
        }
        return v;
    }

    /** SEQUENCE (SIZE(1..maxnoofPDUSessions = 256)) OF item. */
    static ValueCodec<List<PduSessionItem>> pduSessionList(boolean nas, boolean snssai, boolean transfer) {
        return listOf(1, 256, pduSessionItem(nas, snssai, transfer), 10);
    }

    /** Items of id, NAS-PDU OPTIONAL, S-NSSAI, transfer (SetupItemSUReq, SetupItemCxtReq). */
    public static final ValueCodec<List<PduSessionItem>> PDU_SETUP_REQUEST_LIST = pduSessionList(true, true, true);
    /** Items of id, S-NSSAI, transfer (SetupItemHOReq). */
    public static final ValueCodec<List<PduSessionItem>> PDU_HO_REQUEST_LIST = pduSessionList(false, true, true);
    /** Items of id, NAS-PDU OPTIONAL, transfer (ModifyItemModReq). */
    public static final ValueCodec<List<PduSessionItem>> PDU_MODIFY_REQUEST_LIST = pduSessionList(true, false, true);
    /** Items of id and transfer (most lists). */
    public static final ValueCodec<List<PduSessionItem>> PDU_TRANSFER_LIST = pduSessionList(false, false, true);
    /** Items of id only (ItemCxtRelReq, ItemCxtRelCpl). */
    public static final ValueCodec<List<PduSessionItem>> PDU_ID_LIST = pduSessionList(false, false, false);

    // ------------------------------------------------------------------ user plane and QoS (9.3.1.x, 9.3.2.x)

    /** UPTransportLayerInformation CHOICE { gTPTunnel, choice-Extensions } (9.3.2.2). */
    public static final ValueCodec<GtpTunnel> UP_TRANSPORT_LAYER_INFORMATION = new ValueCodec<>() {
        @Override
        public GtpTunnel decode(AperReader r) {
            if (r.readConstrained(0, 1) != 0) {
                throw new AperException("UP transport layer information extension not comprehended");
            }
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            TransportLayerAddress a = TRANSPORT_LAYER_ADDRESS.decode(r);
            r.align();
            int teid = (int) r.readBits(32);
            endSequence(r, ies, ext);
            return new GtpTunnel(a, teid);
        }

        @Override
        public void encode(AperWriter w, GtpTunnel v) {
            w.writeConstrained(0, 0, 1);
            w.writeBits(0, 2);
            TRANSPORT_LAYER_ADDRESS.encode(w, v.address());
            w.align();
            w.writeBits(v.teid() & 0xFFFFFFFFL, 32);
        }
    };

    static final ValueCodec<ProtectionIndication> PROTECTION_INDICATION =
            enumerated(ProtectionIndication.values(), ProtectionIndication.ROOT_COUNT, true);
    static final ValueCodec<ProtectionResult> PROTECTION_RESULT =
            enumerated(ProtectionResult.values(), ProtectionResult.ROOT_COUNT, true);
    static final ValueCodec<MaximumIntegrityProtectedDataRate> MAX_IP_DATA_RATE =
            enumerated(MaximumIntegrityProtectedDataRate.values(), MaximumIntegrityProtectedDataRate.ROOT_COUNT, true);

    /** SecurityIndication (9.3.1.27). */
    public static final ValueCodec<SecurityIndication> SECURITY_INDICATION = new ValueCodec<>() {
        @Override
        public SecurityIndication decode(AperReader r) {
            boolean ext = r.readBit();
            boolean hasRate = r.readBit();
            boolean ies = r.readBit();
            ProtectionIndication i = PROTECTION_INDICATION.decode(r);
            ProtectionIndication c = PROTECTION_INDICATION.decode(r);
            MaximumIntegrityProtectedDataRate rate = hasRate ? MAX_IP_DATA_RATE.decode(r) : null;
            endSequence(r, ies, ext);
            return new SecurityIndication(i, c, rate);
        }

        @Override
        public void encode(AperWriter w, SecurityIndication v) {
            w.writeBit(false);
            w.writeBit(v.maximumIntegrityProtectedDataRateUl() != null);
            w.writeBit(false);
            PROTECTION_INDICATION.encode(w, v.integrity());
            PROTECTION_INDICATION.encode(w, v.confidentiality());
            if (v.maximumIntegrityProtectedDataRateUl() != null) {
                MAX_IP_DATA_RATE.encode(w, v.maximumIntegrityProtectedDataRateUl());
            }
        }
    };

    /** SecurityResult (9.3.1.59). */
    public static final ValueCodec<SecurityResult> SECURITY_RESULT = new ValueCodec<>() {
        @Override
        public SecurityResult decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            ProtectionResult i = PROTECTION_RESULT.decode(r);
            ProtectionResult c = PROTECTION_RESULT.decode(r);
            endSequence(r, ies, ext);
            return new SecurityResult(i, c);
        }

        @Override
        public void encode(AperWriter w, SecurityResult v) {
            w.writeBits(0, 2);
            PROTECTION_RESULT.encode(w, v.integrity());
            PROTECTION_RESULT.encode(w, v.confidentiality());
        }
    };

    /** QosFlowIdentifier ::= INTEGER (0..63, ...) (9.3.1.51). */
    static int readQfi(AperReader r) {
        return (int) readIntExt(r, 0, 63);
    }

    static void writeQfi(AperWriter w, int qfi) {
        writeIntExt(w, qfi, 0, 63);
    }

    private static int optInt(AperReader r, boolean present, long lb, long ub) {
        return present ? (int) readIntExt(r, lb, ub) : QosCharacteristics.ABSENT;
    }

    /** MaximumDataBurstVolume ::= INTEGER (0..4095, ..., 4096..2000000): extension values are understood. */
    private static int readMdbv(AperReader r) {
        if (r.readBit()) {
            long v = r.readUnconstrained();
            if (v < 4096 || v > 2_000_000) {
                throw new AperException("maximum data burst volume out of range");
            }
            return (int) v;
        }
        return (int) r.readConstrained(0, 4095);
    }

    private static void writeMdbv(AperWriter w, int v) {
        w.writeConstrainedExt(v, 0, 4095);
    }

    static final ValueCodec<QosCharacteristics> QOS_CHARACTERISTICS = new ValueCodec<>() {
        @Override
        public QosCharacteristics decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 2);
            if (alt == 0) {
                boolean ext = r.readBit();
                int o = (int) r.readBits(4);
                int fiveQi = (int) readIntExt(r, 0, 255);
                int prio = optInt(r, (o & 8) != 0, 1, 127);
                int aw = optInt(r, (o & 4) != 0, 0, 4095);
                int mdbv = (o & 2) != 0 ? readMdbv(r) : QosCharacteristics.ABSENT;
                endSequence(r, (o & 1) != 0, ext);
                return new QosCharacteristics.NonDynamic(fiveQi, prio, aw, mdbv);
            }
            if (alt == 1) {
                boolean ext = r.readBit();
                int o = (int) r.readBits(5);
                int prio = (int) readIntExt(r, 1, 127);
                int pdb = (int) readIntExt(r, 0, 1023);
                boolean perExt = r.readBit();
                boolean perIes = r.readBit();
                int scalar = (int) readIntExt(r, 0, 9);
                int exponent = (int) readIntExt(r, 0, 9);
                endSequence(r, perIes, perExt);
                int fiveQi = optInt(r, (o & 16) != 0, 0, 255);
                int dc = (o & 8) != 0 ? r.readEnumerated(2, true) : QosCharacteristics.ABSENT;
                if (dc > 1) {
                    throw new AperException("delay critical value unknown");
                }
                int aw = optInt(r, (o & 4) != 0, 0, 4095);
                int mdbv = (o & 2) != 0 ? readMdbv(r) : QosCharacteristics.ABSENT;
                endSequence(r, (o & 1) != 0, ext);
                return new QosCharacteristics.Dynamic(prio, pdb, scalar, exponent, fiveQi, dc, aw, mdbv);
            }
            throw new AperException("QoS characteristics extension not comprehended");
        }

        @Override
        public void encode(AperWriter w, QosCharacteristics v) {
            switch (v) {
                case QosCharacteristics.NonDynamic n -> {
                    w.writeConstrained(0, 0, 2);
                    w.writeBit(false);
                    w.writeBit(n.priorityLevel() >= 0);
                    w.writeBit(n.averagingWindow() >= 0);
                    w.writeBit(n.maximumDataBurstVolume() >= 0);
                    w.writeBit(false);
                    writeIntExt(w, n.fiveQi(), 0, 255);
                    if (n.priorityLevel() >= 0) {
                        writeIntExt(w, n.priorityLevel(), 1, 127);
                    }
                    if (n.averagingWindow() >= 0) {
                        writeIntExt(w, n.averagingWindow(), 0, 4095);
                    }
                    if (n.maximumDataBurstVolume() >= 0) {
                        writeMdbv(w, n.maximumDataBurstVolume());
                    }
                }
                case QosCharacteristics.Dynamic d -> {
                    w.writeConstrained(1, 0, 2);
                    w.writeBit(false);
                    w.writeBit(d.fiveQi() >= 0);
                    w.writeBit(d.delayCritical() >= 0);
                    w.writeBit(d.averagingWindow() >= 0);
                    w.writeBit(d.maximumDataBurstVolume() >= 0);
                    w.writeBit(false);
                    writeIntExt(w, d.priorityLevel(), 1, 127);
                    writeIntExt(w, d.packetDelayBudget(), 0, 1023);
                    w.writeBits(0, 2);
                    writeIntExt(w, d.perScalar(), 0, 9);
                    writeIntExt(w, d.perExponent(), 0, 9);
                    if (d.fiveQi() >= 0) {
                        writeIntExt(w, d.fiveQi(), 0, 255);
                    }
                    if (d.delayCritical() >= 0) {
                        w.writeEnumerated(d.delayCritical(), 2, true);
                    }
                    if (d.averagingWindow() >= 0) {
                        writeIntExt(w, d.averagingWindow(), 0, 4095);
                    }
                    if (d.maximumDataBurstVolume() >= 0) {
                        writeMdbv(w, d.maximumDataBurstVolume());
                    }
                }
            }
        }
    };

    static final ValueCodec<AllocationAndRetentionPriority> ARP = new ValueCodec<>() {
        final ValueCodec<PreEmptionCapability> cap =
                enumerated(PreEmptionCapability.values(), PreEmptionCapability.ROOT_COUNT, true);
        final ValueCodec<PreEmptionVulnerability> vul =
                enumerated(PreEmptionVulnerability.values(), PreEmptionVulnerability.ROOT_COUNT, true);

        @Override
        public AllocationAndRetentionPriority decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int level = (int) r.readConstrained(1, 15);
            PreEmptionCapability c = cap.decode(r);
            PreEmptionVulnerability v = vul.decode(r);
            endSequence(r, ies, ext);
            return new AllocationAndRetentionPriority(level, c, v);
        }

        @Override
        public void encode(AperWriter w, AllocationAndRetentionPriority v) {
            w.writeBits(0, 2);
            w.writeConstrained(v.priorityLevel(), 1, 15);
            cap.encode(w, v.capability());
            vul.encode(w, v.vulnerability());
        }
    };

    static final ValueCodec<GbrQosInformation> GBR = new ValueCodec<>() {
        @Override
        public GbrQosInformation decode(AperReader r) {
            boolean ext = r.readBit();
            int o = (int) r.readBits(4);
            long mdl = readBitRate(r);
            long mul = readBitRate(r);
            long gdl = readBitRate(r);
            long gul = readBitRate(r);
            boolean notif = false;
            if ((o & 8) != 0) {
                FLAG.decode(r);
                notif = true;
            }
            int ldl = optInt(r, (o & 4) != 0, 0, 1000);
            int lul = optInt(r, (o & 2) != 0, 0, 1000);
            endSequence(r, (o & 1) != 0, ext);
            return new GbrQosInformation(mdl, mul, gdl, gul, notif, ldl, lul);
        }

        @Override
        public void encode(AperWriter w, GbrQosInformation v) {
            w.writeBit(false);
            w.writeBit(v.notificationRequested());
            w.writeBit(v.maximumPacketLossRateDl() >= 0);
            w.writeBit(v.maximumPacketLossRateUl() >= 0);
            w.writeBit(false);
            writeBitRate(w, v.maximumFlowBitRateDl());
            writeBitRate(w, v.maximumFlowBitRateUl());
            writeBitRate(w, v.guaranteedFlowBitRateDl());
            writeBitRate(w, v.guaranteedFlowBitRateUl());
            if (v.notificationRequested()) {
                FLAG.encode(w, 0);
            }
            if (v.maximumPacketLossRateDl() >= 0) {
                writeIntExt(w, v.maximumPacketLossRateDl(), 0, 1000);
            }
            if (v.maximumPacketLossRateUl() >= 0) {
                writeIntExt(w, v.maximumPacketLossRateUl(), 0, 1000);
            }
        }
    };

    /** QosFlowLevelQosParameters (9.3.1.12). */
    public static final ValueCodec<QosFlowLevelQosParameters> QOS_FLOW_LEVEL_QOS_PARAMETERS = new ValueCodec<>() {
        @Override
        public QosFlowLevelQosParameters decode(AperReader r) {
            boolean ext = r.readBit();
            int o = (int) r.readBits(4);
            QosCharacteristics qc = QOS_CHARACTERISTICS.decode(r);
            AllocationAndRetentionPriority arp = ARP.decode(r);
            GbrQosInformation gbr = (o & 8) != 0 ? GBR.decode(r) : null;
            boolean reflective = false;
            if ((o & 4) != 0) {
                FLAG.decode(r);
                reflective = true;
            }
            boolean moreLikely = false;
            if ((o & 2) != 0) {
                FLAG.decode(r);
                moreLikely = true;
            }
            endSequence(r, (o & 1) != 0, ext);
            return new QosFlowLevelQosParameters(qc, arp, gbr, reflective, moreLikely);
        }

        @Override
        public void encode(AperWriter w, QosFlowLevelQosParameters v) {
            w.writeBit(false);
            w.writeBit(v.gbr() != null);
            w.writeBit(v.reflectiveQos());
            w.writeBit(v.additionalFlowMoreLikely());
            w.writeBit(false);
            QOS_CHARACTERISTICS.encode(w, v.characteristics());
            ARP.encode(w, v.arp());
            if (v.gbr() != null) {
                GBR.encode(w, v.gbr());
            }
            if (v.reflectiveQos()) {
                FLAG.encode(w, 0);
            }
            if (v.additionalFlowMoreLikely()) {
                FLAG.encode(w, 0);
            }
        }
    };

    /**
     * QosFlowSetupRequestItem / QosFlowAddOrModifyRequestItem (9.3.4.1, 9.3.4.3); in the latter the parameters
     * are OPTIONAL.
     */
    static ValueCodec<QosFlowSetupRequestItem> qosFlowRequestItem(boolean parametersOptional) {
        return new ValueCodec<>() {
            @Override
            public QosFlowSetupRequestItem decode(AperReader r) {
                boolean ext = r.readBit();
                boolean hasParams = !parametersOptional || r.readBit();
                boolean hasErab = r.readBit();
                boolean ies = r.readBit();
                int qfi = readQfi(r);
                QosFlowLevelQosParameters p = hasParams ? QOS_FLOW_LEVEL_QOS_PARAMETERS.decode(r) : null;
                int erab = hasErab ? (int) readIntExt(r, 0, 15) : -1;
                endSequence(r, ies, ext);
                return new QosFlowSetupRequestItem(qfi, p, erab);
            }

            @Override
            public void encode(AperWriter w, QosFlowSetupRequestItem v) {
                w.writeBit(false);
                if (parametersOptional) {
                    w.writeBit(v.parameters() != null);
                }
                w.writeBit(v.eRabId() >= 0);
                w.writeBit(false);
                writeQfi(w, v.qosFlowIdentifier());
                if (v.parameters() != null) {
                    QOS_FLOW_LEVEL_QOS_PARAMETERS.encode(w, v.parameters());
                } else if (!parametersOptional) {
                    throw new IllegalArgumentException("QoS flow level parameters missing");
                }
                if (v.eRabId() >= 0) {
                    writeIntExt(w, v.eRabId(), 0, 15);
                }
            }
        };
    }

    /** QosFlowSetupRequestList ::= SEQUENCE (SIZE(1..maxnoofQosFlows = 64)) OF QosFlowSetupRequestItem. */
    public static final ValueCodec<List<QosFlowSetupRequestItem>> QOS_FLOW_SETUP_REQUEST_LIST =
            listOf(1, 64, qosFlowRequestItem(false), 20);
    /** QosFlowAddOrModifyRequestList ::= SEQUENCE (SIZE(1..64)) OF QosFlowAddOrModifyRequestItem. */
    public static final ValueCodec<List<QosFlowSetupRequestItem>> QOS_FLOW_ADD_OR_MODIFY_REQUEST_LIST =
            listOf(1, 64, qosFlowRequestItem(true), 10);

    private static final ValueCodec<QosFlowWithCause> QOS_FLOW_WITH_CAUSE = new ValueCodec<>() {
        @Override
        public QosFlowWithCause decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int qfi = readQfi(r);
            Cause c = CAUSE.decode(r);
            endSequence(r, ies, ext);
            return new QosFlowWithCause(qfi, c);
        }

        @Override
        public void encode(AperWriter w, QosFlowWithCause v) {
            w.writeBits(0, 2);
            writeQfi(w, v.qosFlowIdentifier());
            CAUSE.encode(w, v.cause());
        }
    };

    /** QosFlowListWithCause ::= SEQUENCE (SIZE(1..64)) OF QosFlowWithCauseItem (9.3.1.13). */
    public static final ValueCodec<List<QosFlowWithCause>> QOS_FLOW_LIST_WITH_CAUSE = listOf(1, 64, QOS_FLOW_WITH_CAUSE, 12);

    /** An item SEQUENCE { qosFlowIdentifier, iE-Extensions OPTIONAL, ... } (accepted, to-be-forwarded, response). */
    static final ValueCodec<Integer> QFI_ITEM = new ValueCodec<>() {
        @Override
        public Integer decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            int qfi = readQfi(r);
            endSequence(r, ies, ext);
            return qfi;
        }

        @Override
        public void encode(AperWriter w, Integer v) {
            w.writeBits(0, 2);
            writeQfi(w, v);
        }
    };

    /** SEQUENCE (SIZE(1..64)) OF a QFI-only item. */
    public static final ValueCodec<List<Integer>> QFI_LIST = listOf(1, 64, QFI_ITEM, 9);

    private static final ValueCodec<AssociatedQosFlow> ASSOCIATED_QOS_FLOW = new ValueCodec<>() {
        @Override
        public AssociatedQosFlow decode(AperReader r) {
            boolean ext = r.readBit();
            boolean hasMap = r.readBit();
            boolean ies = r.readBit();
            int qfi = readQfi(r);
            int map = hasMap ? r.readEnumerated(2, true) : -1;
            if (map > 1) {
                throw new AperException("QoS flow mapping indication unknown");
            }
            endSequence(r, ies, ext);
            return new AssociatedQosFlow(qfi, map);
        }

        @Override
        public void encode(AperWriter w, AssociatedQosFlow v) {
            w.writeBit(false);
            w.writeBit(v.mappingIndication() >= 0);
            w.writeBit(false);
            writeQfi(w, v.qosFlowIdentifier());
            if (v.mappingIndication() >= 0) {
                w.writeEnumerated(v.mappingIndication(), 2, true);
            }
        }
    };

    /** QosFlowPerTNLInformation (9.3.2.8). */
    public static final ValueCodec<QosFlowPerTnlInformation> QOS_FLOW_PER_TNL_INFORMATION = new ValueCodec<>() {
        final ValueCodec<List<AssociatedQosFlow>> flows = listOf(1, 64, ASSOCIATED_QOS_FLOW, 10);

        @Override
        public QosFlowPerTnlInformation decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            GtpTunnel t = UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            List<AssociatedQosFlow> f = flows.decode(r);
            endSequence(r, ies, ext);
            return new QosFlowPerTnlInformation(t, f);
        }

        @Override
        public void encode(AperWriter w, QosFlowPerTnlInformation v) {
            w.writeBits(0, 2);
            UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.tunnel());
            flows.encode(w, v.flows());
        }
    };

    /** QosFlowPerTNLInformationList ::= SEQUENCE (SIZE(1..maxnoofMultiConnectivityMinusOne = 3)) OF item. */
    public static final ValueCodec<List<QosFlowPerTnlInformation>> QOS_FLOW_PER_TNL_INFORMATION_LIST =
            listOf(1, 3, new ValueCodec<>() {
                @Override
                public QosFlowPerTnlInformation decode(AperReader r) {
                    boolean ext = r.readBit();
                    boolean ies = r.readBit();
                    QosFlowPerTnlInformation q = QOS_FLOW_PER_TNL_INFORMATION.decode(r);
                    endSequence(r, ies, ext);
                    return q;
                }

                @Override
                public void encode(AperWriter w, QosFlowPerTnlInformation v) {
                    w.writeBits(0, 2);
                    QOS_FLOW_PER_TNL_INFORMATION.encode(w, v);
                }
            }, 60);

    /** UL-NGU-UP-TNLModifyList ::= SEQUENCE (SIZE(1..maxnoofMultiConnectivity = 4)) OF UL-NGU-UP-TNLModifyItem. */
    public static final ValueCodec<List<UlNguUpTnlModifyItem>> UL_NGU_UP_TNL_MODIFY_LIST = listOf(1, 4, new ValueCodec<>() {
        @Override
        public UlNguUpTnlModifyItem decode(AperReader r) {
            boolean ext = r.readBit();
            boolean ies = r.readBit();
            GtpTunnel ul = UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            GtpTunnel dl = UP_TRANSPORT_LAYER_INFORMATION.decode(r);
            endSequence(r, ies, ext);
            return new UlNguUpTnlModifyItem(ul, dl);
        }

        @Override
        public void encode(AperWriter w, UlNguUpTnlModifyItem v) {
            w.writeBits(0, 2);
            UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.uplink());
            UP_TRANSPORT_LAYER_INFORMATION.encode(w, v.downlink());
        }
    }, 90);
}
