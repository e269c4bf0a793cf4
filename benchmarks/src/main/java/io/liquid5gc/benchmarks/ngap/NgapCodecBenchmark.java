package io.liquid5gc.benchmarks.ngap;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.AllocationAndRetentionPriority;
import io.liquid5gc.ngap.ie.AssociatedQosFlow;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.GtpTunnel;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.PduSessionType;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.PreEmptionCapability;
import io.liquid5gc.ngap.ie.PreEmptionVulnerability;
import io.liquid5gc.ngap.ie.QosCharacteristics;
import io.liquid5gc.ngap.ie.QosFlowLevelQosParameters;
import io.liquid5gc.ngap.ie.QosFlowSetupRequestItem;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.TransportLayerAddress;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UeSecurityCapabilities;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * NGAP codec throughput on the registration path: INITIAL UE MESSAGE (a Registration Request inside) and INITIAL
 * CONTEXT SETUP REQUEST (with one PDU session and its setup request transfer). Goal: at least 500,000 decodes/s
 * per core. Run: {@code java -jar benchmarks/target/benchmarks.jar ngap -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NgapCodecBenchmark {

    private NgapMessage initialUe;
    private NgapMessage contextSetup;
    private byte[] initialUeBytes;
    private byte[] contextSetupBytes;
    private final AperWriter writer = new AperWriter(1024);

    @Setup
    public void setUp() {
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        Tai tai = new Tai(plmn, 1);
        UserLocationInformation uli = new UserLocationInformation.Nr(new NrCgi(plmn, 0x10L), tai);
        Octets nas = Octets.ofHex("7e004179000d0100f110f0ff000000000000102e02e0e0");
        initialUe = new NasTransport.InitialUeMessage(12345, nas, uli, RrcEstablishmentCause.MO_SIGNALLING,
                new FiveGSTmsi(0x3F8, 1, 0xC0FFEE01L), NgapMessage.ABSENT, true, null, List.of());
        SNssai embb = new SNssai(1, 0x010203);
        QosFlowSetupRequestItem flow = new QosFlowSetupRequestItem(1, new QosFlowLevelQosParameters(
                QosCharacteristics.NonDynamic.of(9), new AllocationAndRetentionPriority(8,
                PreEmptionCapability.SHALL_NOT_TRIGGER_PRE_EMPTION, PreEmptionVulnerability.NOT_PRE_EMPTABLE)));
        Octets transfer = SmTransferCodec.encode(new PduSessionResourceSetupRequestTransfer(
                new PduSessionAggregateMaximumBitRate(1_000_000_000L, 1_000_000_000L),
                new GtpTunnel(TransportLayerAddress.ipv4(10, 100, 200, 1), 1), false, PduSessionType.IPV4, null, -1,
                List.of(flow), List.of()));
        Octets nasAccept = Octets.ofHex("7e0242010177000bf200f110020040c0ffee0154070000f11000000115020101");
        contextSetup = new InitialContextSetup.Request(0x1_0000_0001L, 12345, null,
                new UeAggregateMaximumBitRate(1_000_000_000L, 500_000_000L), new Guami(plmn, 0xCA, 0x3F8, 1),
                List.of(new PduSessionItem(1, null, embb, transfer)), List.of(embb),
                new UeSecurityCapabilities(0xE000, 0xE000, 0xC000, 0xC000),
                Octets.ofHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), null, NgapMessage.ABSENT,
                null, nasAccept, List.of());
        initialUeBytes = NgapCodec.encode(initialUe);
        contextSetupBytes = NgapCodec.encode(contextSetup);
        if (!(NgapCodec.decode(initialUeBytes) instanceof DecodeResult.Decoded)
                || !(NgapCodec.decode(contextSetupBytes) instanceof DecodeResult.Decoded)) {
            throw new IllegalStateException("benchmark messages do not decode");
        }
    }

    @Benchmark
    public DecodeResult decodeInitialUeMessage() {
        return NgapCodec.decode(initialUeBytes);
    }

    @Benchmark
    public DecodeResult decodeInitialContextSetupRequest() {
        return NgapCodec.decode(contextSetupBytes);
    }

    @Benchmark
    public int encodeInitialUeMessage() {
        writer.reset();
        NgapCodec.encode(initialUe, writer);
        return writer.length();
    }

    @Benchmark
    public int encodeInitialContextSetupRequest() {
        writer.reset();
        NgapCodec.encode(contextSetup, writer);
        return writer.length();
    }
}
