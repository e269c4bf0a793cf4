package io.liquid5gc.benchmarks.nas;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.GprsTimer;
import io.liquid5gc.nas.ie.GprsTimer3;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.Octets;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.RegistrationResult;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.ie.Tai;
import io.liquid5gc.nas.ie.TaiList;
import io.liquid5gc.nas.ie.UeSecurityCapability;
import io.liquid5gc.nas.mm.GmmMessage.RegistrationAccept;
import io.liquid5gc.nas.mm.GmmMessage.RegistrationRequest;
import java.util.HexFormat;
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
 * NAS-5GS codec cost on the registration path: decode and encode of a Registration Request with a
 * SUCI (null scheme and ECIES profile A, as in TS 33.501 C.4.3) and of a Registration Accept.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar nas -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NasCodecBenchmark {

    private static final PlmnId PLMN = new PlmnId("001", "01");

    RegistrationRequest registrationRequestNull;
    RegistrationRequest registrationRequestProfileA;
    RegistrationAccept registrationAccept;
    byte[] registrationRequestNullBytes;
    byte[] registrationRequestProfileABytes;
    byte[] registrationAcceptBytes;

    @Setup
    public void setup() {
        HexFormat h = HexFormat.of();
        UeSecurityCapability cap = new UeSecurityCapability(0xF0, 0x70, 0xF0, 0x70, new byte[0]);
        Nssai requested = new Nssai(List.of(SNssai.of(1), SNssai.of(1, 0x010203)));
        registrationRequestNull = RegistrationRequest.initial(new MobileIdentity.Suci(PLMN, "0", 0, 0,
                new MobileIdentity.SchemeOutput.NullScheme("0000000001")), NgKsi.NO_KEY, cap, requested);
        registrationRequestProfileA = RegistrationRequest.initial(new MobileIdentity.Suci(new PlmnId("208", "93"), "0",
                1, 1, new MobileIdentity.SchemeOutput.Ecies(1,
                h.parseHex("b2e92f836055a255837debf850b528997ce0201cb82adfe4be1f587d07d8457d"), h.parseHex("cb02352410"),
                h.parseHex("cddd9e730ef3fa87"))), NgKsi.NO_KEY, cap, requested);
        registrationAccept = new RegistrationAccept(RegistrationResult.of(RegistrationResult.ACCESS_3GPP, false),
                new MobileIdentity.Guti(PLMN, 0xCA, 0x3F8, 1, 0x12345678), null, TaiList.of(new Tai(PLMN, 1)),
                requested, null, Octets.of(new byte[] {0x01, 0x00}), null, null, GprsTimer3.seconds(3240),
                GprsTimer.seconds(720), null, List.of());
        registrationRequestNullBytes = NasCodec.encode(registrationRequestNull);
        registrationRequestProfileABytes = NasCodec.encode(registrationRequestProfileA);
        registrationAcceptBytes = NasCodec.encode(registrationAccept);
    }

    @Benchmark
    public DecodeResult<NasMessage> decodeRegistrationRequestSuciNull() {
        return NasCodec.decode(registrationRequestNullBytes);
    }

    @Benchmark
    public DecodeResult<NasMessage> decodeRegistrationRequestSuciProfileA() {
        return NasCodec.decode(registrationRequestProfileABytes);
    }

    @Benchmark
    public byte[] encodeRegistrationRequestSuciNull() {
        return NasCodec.encode(registrationRequestNull);
    }

    @Benchmark
    public byte[] encodeRegistrationRequestSuciProfileA() {
        return NasCodec.encode(registrationRequestProfileA);
    }

    @Benchmark
    public DecodeResult<NasMessage> decodeRegistrationAccept() {
        return NasCodec.decode(registrationAcceptBytes);
    }

    @Benchmark
    public byte[] encodeRegistrationAccept() {
        return NasCodec.encode(registrationAccept);
    }
}
