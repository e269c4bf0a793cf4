package io.liquid5gc.benchmarks.pfcp;

import io.liquid5gc.pfcp.DecodeResult;
import io.liquid5gc.pfcp.PfcpCodec;
import io.liquid5gc.pfcp.PfcpMessage;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PFCP codec cost on the PDU session path: decode and encode of the SMF's Session Establishment Request (two PDRs,
 * two FARs, a QER and a URR, 359 octets, as lib-pfcp's tests build it) and decode of the real UPF's Session
 * Establishment Response (lib-pfcp's golden vector).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar pfcp -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PfcpCodecBenchmark {

    static final String ESTABLISHMENT_REQUEST = "21320163000000000000000000000200003c0005000acb00010039000d0200000000000010010acb0001"
            + "00010056003800020001001d0004000000ff000200260014000100001500020d010016000908696e7465726e6574005d0005020a2d0002"
            + "00a000010b005f00020001006c0004000000010051000400000001006d00040000000100010045003800020002001d0004000000ff0002"
            + "001b00140001010016000908696e7465726e6574005d0005060a2d0002006c0004000000020051000400000001006d000400000001000300"
            + "29006c000400000001002c0002020000040017002a0001010016000908696e7465726e657400a00001110003000e006c00040000000200"
            + "2c00020c000006002e0051000400000001003e00010300250003020100001f00090100000000000f424000490009010000000000989680"
            + "00070020006d0004000000010019000100001a000a00000186a00000030d40007c0001090071000101";
    static final String UPF_ESTABLISHMENT_RESPONSE = "21330042000000000000100100006600003c0005000acb1f0200130001010039000d0200000000"
            + "000039410acb1f0200080013003800020001001500090100009e7d0acb1f02";

    byte[] requestBytes;
    byte[] responseBytes;
    PfcpMessage request;

    @Setup
    public void setup() {
        requestBytes = HexFormat.of().parseHex(ESTABLISHMENT_REQUEST);
        responseBytes = HexFormat.of().parseHex(UPF_ESTABLISHMENT_RESPONSE);
        request = ((DecodeResult.Decoded) PfcpCodec.decode(requestBytes)).message();
    }

    @Benchmark
    public DecodeResult decodeSessionEstablishmentRequest() {
        return PfcpCodec.decode(requestBytes);
    }

    @Benchmark
    public byte[] encodeSessionEstablishmentRequest() {
        return PfcpCodec.encode(request);
    }

    @Benchmark
    public DecodeResult decodeUpfSessionEstablishmentResponse() {
        return PfcpCodec.decode(responseBytes);
    }
}
