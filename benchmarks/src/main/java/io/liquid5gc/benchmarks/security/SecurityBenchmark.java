package io.liquid5gc.benchmarks.security;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.AusfAka;
import io.liquid5gc.security.aka.HeAv;
import io.liquid5gc.security.aka.HomeNetworkAka;
import io.liquid5gc.security.aka.SeAv;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.NasKeys;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Milenage;
import io.liquid5gc.security.milenage.MilenageResult;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.nas.CipheringAlgorithm;
import io.liquid5gc.security.nas.Direction;
import io.liquid5gc.security.nas.IntegrityAlgorithm;
import io.liquid5gc.security.nas.NasProtection;
import io.liquid5gc.security.nas.NasSecurity;
import io.liquid5gc.security.suci.DeconcealResult;
import io.liquid5gc.security.suci.HomeNetworkKey;
import io.liquid5gc.security.suci.Suci;
import io.liquid5gc.security.suci.SuciDeconcealer;
import io.liquid5gc.security.suci.SuciException;
import io.liquid5gc.security.suci.SuciScheme;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the 5G security primitives on the registration path: Milenage, HE AV generation with the 5G key
 * derivations, SUCI deconcealment (Profiles A and B), and NAS integrity/ciphering of a 100-octet message.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar security -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SecurityBenchmark {
    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("cd63cb71954a9f4e48a5994e37a02baf");
    private static final byte[] RAND = Hex.decode("23553cbe9637a89d218ae64dae47bf35");
    private static final byte[] SQN = Hex.decode("ff9bb4d0b607");
    private static final byte[] AMF = Hex.decode("b9b9");
    private static final ServingNetworkName SNN = ServingNetworkName.of("208", "93");
    private static final byte[] KEY = Hex.decode("d3c5d592327fb11c4035c6680af8c6d1");

    private SuciDeconcealer deconcealer;
    private Suci suciA;
    private Suci suciB;
    private byte[] message;
    private int count;
    private NasProtection protection;

    @Setup
    public void setup() throws SuciException {
        deconcealer = new SuciDeconcealer(List.of(
            new HomeNetworkKey(1, SuciScheme.PROFILE_A,
                Hex.decode("c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d")),
            new HomeNetworkKey(2, SuciScheme.PROFILE_B,
                Hex.decode("f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda"))));
        // TS 33.501 C.4.3 / C.4.4 scheme outputs
        suciA = Suci.parse("suci-0-208-93-0-1-1-b2e92f836055a255837debf850b528997ce0201cb82adfe4be1f587d07d8457d"
            + "cb02352410cddd9e730ef3fa87");
        suciB = Suci.parse("suci-0-274-012-0-2-2-039aab8376597021e855679a9778ea0b67396e68c66df32c0f41e9acca2da9b9d1"
            + "46a33fc2716ac7dae96aa30a4d");
        protection = new NasProtection(CipheringAlgorithm.NEA2, KEY, IntegrityAlgorithm.NIA2, KEY);
        message = new byte[100];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
    }

    /** Milenage f1, f1*, f2, f3, f4, f5, f5* for one RAND (includes the AES key schedule). */
    @Benchmark
    public void milenageF1ToF5Star(Blackhole bh) {
        Milenage m = Milenage.withOpc(K, OPC);
        bh.consume(m.f1(RAND, SQN, AMF));
        bh.consume(m.f1Star(RAND, SQN, AMF));
        MilenageResult r = m.f2345(RAND);
        bh.consume(r);
        bh.consume(m.f5Star(RAND));
    }

    /** UDM: a 5G HE AV (Milenage + XRES* + KAUSF), fixed RAND (no SecureRandom). */
    @Benchmark
    public HeAv heAvGeneration() {
        return HomeNetworkAka.generateHeAv(K, OPC, new Sqn(0x20), HomeNetworkAka.AMF_5G, SNN, RAND);
    }

    /** The whole 5G AKA derivation chain on the network side: HE AV, HXRES*, KSEAF, KAMF, NAS keys. */
    @Benchmark
    public NasKeys fullAkaDerivationChain() {
        HeAv av = HomeNetworkAka.generateHeAv(K, OPC, new Sqn(0x20), HomeNetworkAka.AMF_5G, SNN, RAND);
        SeAv se = AusfAka.toSeAv(av);
        byte[] kseaf = AusfAka.kseaf(av.kausf(), SNN);
        byte[] kamf = KeyHierarchy.kamf(kseaf, "208930000000001", KeyHierarchy.DEFAULT_ABBA);
        return se.hxresStar().length == 16 ? KeyHierarchy.nasKeys(kamf, 2, 2) : null;
    }

    @Benchmark
    public DeconcealResult suciDeconcealProfileA() {
        return deconcealer.deconceal(suciA);
    }

    @Benchmark
    public DeconcealResult suciDeconcealProfileB() {
        return deconcealer.deconceal(suciB);
    }

    @Benchmark
    public int nia1Mac100() {
        return NasSecurity.mac(IntegrityAlgorithm.NIA1, KEY, count++, 0, Direction.UPLINK, message, 0, 100);
    }

    @Benchmark
    public int nia2Mac100() {
        return NasSecurity.mac(IntegrityAlgorithm.NIA2, KEY, count++, 0, Direction.UPLINK, message, 0, 100);
    }

    @Benchmark
    public int nia3Mac100() {
        return NasSecurity.mac(IntegrityAlgorithm.NIA3, KEY, count++, 0, Direction.UPLINK, message, 0, 100);
    }

    @Benchmark
    public byte[] nea1Cipher100() {
        NasSecurity.cipher(CipheringAlgorithm.NEA1, KEY, count++, 0, Direction.DOWNLINK, message, 0, 100);
        return message;
    }

    @Benchmark
    public byte[] nea2Cipher100() {
        NasSecurity.cipher(CipheringAlgorithm.NEA2, KEY, count++, 0, Direction.DOWNLINK, message, 0, 100);
        return message;
    }

    @Benchmark
    public byte[] nea3Cipher100() {
        NasSecurity.cipher(CipheringAlgorithm.NEA3, KEY, count++, 0, Direction.DOWNLINK, message, 0, 100);
        return message;
    }

    /** NIA2 with the per-UE keyed context (AES key schedule and CMAC subkeys reused). */
    @Benchmark
    public int nia2Mac100Keyed() {
        return protection.mac(count++, Direction.UPLINK, message, 0, 100);
    }

    @Benchmark
    public byte[] nea2Cipher100Keyed() {
        protection.cipher(count++, Direction.DOWNLINK, message, 0, 100);
        return message;
    }
}
