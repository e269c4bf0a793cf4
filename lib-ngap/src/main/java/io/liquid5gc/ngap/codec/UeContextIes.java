package io.liquid5gc.ngap.codec;

import static io.liquid5gc.ngap.codec.Codecs.FLAG;
import static io.liquid5gc.ngap.codec.Codecs.MAX_BIT_RATE;
import static io.liquid5gc.ngap.codec.Codecs.listOf;
import static io.liquid5gc.ngap.codec.Codecs.readIntExt;
import static io.liquid5gc.ngap.codec.Codecs.readSingleContainer;
import static io.liquid5gc.ngap.codec.Codecs.writeIntExt;
import static io.liquid5gc.ngap.codec.Codecs.writeSingleContainer;
import static io.liquid5gc.ngap.codec.Ies.AMF_UE_NGAP_ID;
import static io.liquid5gc.ngap.codec.Ies.RAN_UE_NGAP_ID;
import static io.liquid5gc.ngap.codec.Ies.SECURITY_KEY;

import io.liquid5gc.ngap.aper.AperException;
import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.ResetType;
import io.liquid5gc.ngap.ie.SecurityContext;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UeAssociatedConnection;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import java.util.List;

/**
 * APER codecs of the UE context IEs (TS 38.413 9.3.1.x): UE security capabilities, aggregate bit rates,
 * security context, UE-NGAP-IDs, the NG Reset connection list and Reset Type.
 */
final class UeContextIes {
    private UeContextIes() {
    }

    /** UESecurityCapabilities (9.3.1.86): four BIT STRING (SIZE(16, ...)). */
    static final ValueCodec<UeSecurityCapabilities> UE_SECURITY_CAPABILITIES = new ValueCodec<>() {
        @Override
        public UeSecurityCapabilities decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            int a = readAlgs(r);
            int b = readAlgs(r);
            int c = readAlgs(r);
            int d = readAlgs(r);
            seq.skipEnd(r);
            return new UeSecurityCapabilities(a, b, c, d);
        }

        @Override
        public void encode(AperWriter w, UeSecurityCapabilities v) {
            Sequence.write(w, List.of());
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
    static final ValueCodec<UeAggregateMaximumBitRate> UE_AMBR = new ValueCodec<>() {
        @Override
        public UeAggregateMaximumBitRate decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            long dl = readBitRate(r);
            long ul = readBitRate(r);
            seq.skipEnd(r);
            return new UeAggregateMaximumBitRate(dl, ul);
        }

        @Override
        public void encode(AperWriter w, UeAggregateMaximumBitRate v) {
            Sequence.write(w, List.of());
            writeBitRate(w, v.downlink());
            writeBitRate(w, v.uplink());
        }
    };

    /** PDUSessionAggregateMaximumBitRate (9.3.1.102). */
    static final ValueCodec<PduSessionAggregateMaximumBitRate> PDU_SESSION_AMBR = new ValueCodec<>() {
        @Override
        public PduSessionAggregateMaximumBitRate decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            long dl = readBitRate(r);
            long ul = readBitRate(r);
            seq.skipEnd(r);
            return new PduSessionAggregateMaximumBitRate(dl, ul);
        }

        @Override
        public void encode(AperWriter w, PduSessionAggregateMaximumBitRate v) {
            Sequence.write(w, List.of());
            writeBitRate(w, v.downlink());
            writeBitRate(w, v.uplink());
        }
    };

    /** SecurityContext (9.3.1.88): NextHopChainingCount INTEGER (0..7), NextHopNH SecurityKey. */
    static final ValueCodec<SecurityContext> SECURITY_CONTEXT = new ValueCodec<>() {
        @Override
        public SecurityContext decode(AperReader r) {
            Sequence seq = Sequence.read(r, 0);
            int ncc = (int) r.readConstrained(0, 7);
            Octets nh = SECURITY_KEY.decode(r);
            seq.skipEnd(r);
            return new SecurityContext(ncc, nh);
        }

        @Override
        public void encode(AperWriter w, SecurityContext v) {
            Sequence.write(w, List.of());
            w.writeConstrained(v.nextHopChainingCount(), 0, 7);
            SECURITY_KEY.encode(w, v.nextHopNh());
        }
    };

    /** UE-NGAP-IDs CHOICE (9.3.3.x): pair, AMF id only, choice-Extensions. */
    static final ValueCodec<UeNgapIds> UE_NGAP_IDS = new ValueCodec<>() {
        @Override
        public UeNgapIds decode(AperReader r) {
            int alt = (int) r.readConstrained(0, 2);
            switch (alt) {
                case 0: {
                    Sequence seq = Sequence.read(r, 0);
                    long amf = AMF_UE_NGAP_ID.decode(r);
                    long ran = RAN_UE_NGAP_ID.decode(r);
                    seq.skipEnd(r);
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
                    Sequence.write(w, List.of());
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
            Sequence seq = Sequence.read(r, 2);
            long amf = seq.has(0) ? AMF_UE_NGAP_ID.decode(r) : UeAssociatedConnection.ABSENT;
            long ran = seq.has(1) ? RAN_UE_NGAP_ID.decode(r) : UeAssociatedConnection.ABSENT;
            seq.skipEnd(r);
            return new UeAssociatedConnection(amf, ran);
        }

        @Override
        public void encode(AperWriter w, UeAssociatedConnection v) {
            Sequence.write(w, List.of(), v.amfUeNgapId() >= 0, v.ranUeNgapId() >= 0);
            if (v.amfUeNgapId() >= 0) {
                AMF_UE_NGAP_ID.encode(w, v.amfUeNgapId());
            }
            if (v.ranUeNgapId() >= 0) {
                RAN_UE_NGAP_ID.encode(w, v.ranUeNgapId());
            }
        }
    };

    /** UE-associatedLogicalNG-connectionList ::= SEQUENCE (SIZE(1..maxnoofNGConnectionsToReset = 65536)) OF ... */
    static final ValueCodec<List<UeAssociatedConnection>> UE_ASSOCIATED_CONNECTION_LIST =
            listOf(1, 65536, UE_ASSOCIATED_CONNECTION, 4);

    /** ResetType CHOICE (9.3.1.x): nG-Interface ResetAll ::= ENUMERATED {reset-all, ...}, partOfNG-Interface, ext. */
    static final ValueCodec<ResetType> RESET_TYPE = new ValueCodec<>() {
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
}
