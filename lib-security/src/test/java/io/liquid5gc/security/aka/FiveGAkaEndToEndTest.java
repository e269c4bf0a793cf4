package io.liquid5gc.security.aka;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.security.Hex;
import io.liquid5gc.security.kdf.AccessType;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.NasKeys;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Milenage;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.SqnManager;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.nas.CipheringAlgorithm;
import io.liquid5gc.security.nas.Direction;
import io.liquid5gc.security.nas.IntegrityAlgorithm;
import io.liquid5gc.security.nas.NasSecurity;
import io.liquid5gc.security.suci.HomeNetworkKey;
import io.liquid5gc.security.suci.Suci;
import io.liquid5gc.security.suci.SuciConcealer;
import io.liquid5gc.security.suci.SuciDeconcealer;
import io.liquid5gc.security.suci.SuciException;
import io.liquid5gc.security.suci.SuciScheme;
import io.liquid5gc.security.suci.Supi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole 5G AKA (TS 33.501 6.1.3.2) with the UE side (USIM + ME) and the network side (UDM/ARPF, AUSF, SEAF/AMF)
 * run against each other, for each SUCI scheme; and a resynchronisation (TS 33.102 6.3.5).
 */
class FiveGAkaEndToEndTest {
    // TS 35.208 test set 1 subscriber
    static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    static final byte[] OP = Hex.decode("cdc202d5123e20f62b6d676ac72cb318");
    static final byte[] OPC = Milenage.computeOpc(K, OP);
    static final Supi SUPI = Supi.imsi("208930000000001");
    static final ServingNetworkName SNN = ServingNetworkName.of("208", "93");

    static final byte[] A_PRIV = Hex.decode("c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d");
    static final byte[] B_PRIV = Hex.decode("f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda");

    final HomeNetworkKey keyA = new HomeNetworkKey(1, SuciScheme.PROFILE_A, A_PRIV);
    final HomeNetworkKey keyB = new HomeNetworkKey(2, SuciScheme.PROFILE_B, B_PRIV);
    final SuciDeconcealer sidf = new SuciDeconcealer(List.of(keyA, keyB));
    final SqnManager sqnManager = new SqnManager();

    /** The UDR's view of the subscriber: SQN_HE. */
    Sqn sqnHe = Sqn.fromHex("000000000020");

    @ParameterizedTest
    @EnumSource(SuciScheme.class)
    void whenUeAndNetworkRunFiveGAka_thenBothEndWithTheSameNasKeys(SuciScheme scheme) throws SuciException {
        // UE: SUCI in the Registration Request
        byte[] hnPub = switch (scheme) {
            case NULL -> null;
            case PROFILE_A -> keyA.publicKey();
            case PROFILE_B -> keyB.publicKey();
        };
        Suci suci = SuciConcealer.conceal(SUPI, 2, "0", scheme, scheme == SuciScheme.PROFILE_B ? 2 : 1, hnPub);
        Usim usim = new Usim(K, OPC, new UsimSqnState());

        // UDM: deconceal, next SQN, HE AV
        Supi supi = sidf.deconcealOrThrow(Suci.parse(suci.format()));
        assertThat(supi).isEqualTo(SUPI);
        sqnHe = sqnManager.next(sqnHe);
        HeAv heAv = HomeNetworkAka.generateHeAv(K, OPC, sqnHe, HomeNetworkAka.AMF_5G, SNN);

        // AUSF: SE AV to the SEAF (HXRES*), keeps XRES* and KAUSF
        SeAv seAv = AusfAka.toSeAv(heAv);
        assertThat(seAv.toString()).doesNotContain(Hex.encode(heAv.xresStar()));
        assertThat(heAv.toString()).doesNotContain(Hex.encode(heAv.kausf())).doesNotContain(Hex.encode(heAv.xresStar()));

        // UE: Authentication Request (RAND, AUTN) -> RES*
        UeAuthResult r = usim.authenticate(seAv.rand(), seAv.autn(), SNN);
        assertThat(r).isInstanceOf(UeAuthResult.Success.class);
        UeAuthResult.Success ue = (UeAuthResult.Success) r;

        // SEAF: HRES* == HXRES*; AUSF: RES* == XRES*, then KSEAF
        assertThat(SeafAka.checkHresStar(seAv.rand(), ue.resStar(), seAv.hxresStar())).isTrue();
        assertThat(AusfAka.confirm(ue.resStar(), heAv.xresStar())).isTrue();
        byte[] kseafNetwork = AusfAka.kseaf(heAv.kausf(), SNN);

        // UE side key hierarchy
        assertThat(ue.kausf()).isEqualTo(heAv.kausf());
        byte[] kseafUe = KeyHierarchy.kseaf(ue.kausf(), SNN);
        assertThat(kseafUe).isEqualTo(kseafNetwork);

        // AMF and UE: KAMF, NAS keys for NEA2/NIA2, KgNB
        byte[] kamfNetwork = KeyHierarchy.kamf(kseafNetwork, supi.value(), KeyHierarchy.DEFAULT_ABBA);
        byte[] kamfUe = KeyHierarchy.kamf(kseafUe, SUPI.value(), KeyHierarchy.DEFAULT_ABBA);
        assertThat(kamfUe).isEqualTo(kamfNetwork);
        NasKeys amfKeys = KeyHierarchy.nasKeys(kamfNetwork, CipheringAlgorithm.NEA2.code(), IntegrityAlgorithm.NIA2.code());
        NasKeys ueKeys = KeyHierarchy.nasKeys(kamfUe, CipheringAlgorithm.NEA2.code(), IntegrityAlgorithm.NIA2.code());
        assertThat(ueKeys.integrityKey()).isEqualTo(amfKeys.integrityKey());
        assertThat(ueKeys.encryptionKey()).isEqualTo(amfKeys.encryptionKey());
        assertThat(KeyHierarchy.kgnb(kamfUe, 0, AccessType.THREE_GPP))
            .isEqualTo(KeyHierarchy.kgnb(kamfNetwork, 0, AccessType.THREE_GPP));

        // Security Mode Command from the AMF verifies at the UE
        byte[] smc = Hex.decode("7e005d02000480a00000e1360100");
        byte[] mac = NasSecurity.mac(IntegrityAlgorithm.NIA2, amfKeys.integrityKey(), 0, Direction.DOWNLINK, smc);
        assertThat(NasSecurity.verify(IntegrityAlgorithm.NIA2, ueKeys.integrityKey(), 0, NasSecurity.BEARER_3GPP, Direction.DOWNLINK, smc, 0,
            smc.length, mac, 0)).isTrue();

        // the same challenge replayed is a synch failure
        assertThat(usim.authenticate(seAv.rand(), seAv.autn(), SNN)).isInstanceOf(UeAuthResult.SynchFailure.class);
    }

    @Test
    void whenUeSqnIsAhead_thenAutsResynchronisesAndTheNewVectorIsAccepted() {
        // The USIM has already accepted SQN = SEQ 1000 / IND 4 (e.g. vectors from another UDM instance).
        Sqn usimHighest = Sqn.of(1000, 4, 5);
        Usim usim = new Usim(K, OPC, UsimSqnState.startingAt(usimHighest, 5));

        // The network sends a vector with a stale SQN.
        sqnHe = sqnManager.next(Sqn.of(10, 3, 5));
        HeAv stale = HomeNetworkAka.generateHeAv(K, OPC, sqnHe, HomeNetworkAka.AMF_5G, SNN);
        UeAuthResult r = usim.authenticate(stale.rand(), stale.autn(), SNN);
        assertThat(r).isInstanceOf(UeAuthResult.SynchFailure.class);
        byte[] auts = ((UeAuthResult.SynchFailure) r).auts();

        // UDM: verify AUTS with the RAND of the failed vector, recover SQN_MS, reset SQN_HE
        Optional<Sqn> sqnMs = HomeNetworkAka.verifyAuts(K, OPC, stale.rand(), auts);
        assertThat(sqnMs).contains(usimHighest);
        sqnHe = sqnManager.next(sqnManager.afterResync(sqnHe, sqnMs.orElseThrow()));
        HeAv fresh = HomeNetworkAka.generateHeAv(K, OPC, sqnHe, HomeNetworkAka.AMF_5G, SNN);

        UeAuthResult again = usim.authenticate(fresh.rand(), fresh.autn(), SNN);
        assertThat(again).isInstanceOf(UeAuthResult.Success.class);
        assertThat(AusfAka.confirm(((UeAuthResult.Success) again).resStar(), fresh.xresStar())).isTrue();

        // a tampered AUTS is rejected
        auts[13] ^= 1;
        assertThat(HomeNetworkAka.verifyAuts(K, OPC, stale.rand(), auts)).isEmpty();
    }

    @Test
    void whenAutnMacIsWrong_thenMacFailure() {
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        HeAv av = HomeNetworkAka.generateHeAv(K, OPC, sqnManager.next(sqnHe), HomeNetworkAka.AMF_5G, SNN);
        byte[] autn = av.autn().clone();
        autn[15] ^= 1;
        assertThat(usim.authenticate(av.rand(), autn, SNN)).isInstanceOf(UeAuthResult.MacFailure.class);
        // another subscriber's key
        Usim other = new Usim(Hex.decode("fec86ba6eb707ed08905757b1bb44b8f"), OPC, new UsimSqnState());
        assertThat(other.authenticate(av.rand(), av.autn(), SNN)).isInstanceOf(UeAuthResult.MacFailure.class);
    }

    @Test
    void whenAmfSeparationBitIsZero_thenNon5gAuthUnacceptable() {
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        HeAv av = HomeNetworkAka.generateHeAv(K, OPC, sqnManager.next(sqnHe), new byte[] {0, 0}, SNN);
        assertThat(usim.authenticate(av.rand(), av.autn(), SNN)).isInstanceOf(UeAuthResult.Non5gAuthUnacceptable.class);
    }

    @Test
    void whenServingNetworkNamesDiffer_thenResStarIsRejected() {
        Usim usim = new Usim(K, OPC, new UsimSqnState());
        HeAv av = HomeNetworkAka.generateHeAv(K, OPC, sqnManager.next(sqnHe), HomeNetworkAka.AMF_5G, SNN);
        UeAuthResult.Success ue = (UeAuthResult.Success) usim.authenticate(av.rand(), av.autn(),
            ServingNetworkName.of("001", "01"));
        assertThat(AusfAka.confirm(ue.resStar(), av.xresStar())).isFalse();
        assertThat(SeafAka.checkHresStar(av.rand(), ue.resStar(), AusfAka.toSeAv(av).hxresStar())).isFalse();
    }

    /**
     * Cross-check with an independent implementation (hostapd's tests/test-milenage.c, not a 3GPP vector): the
     * AUTS it uses with TS 35.208 test set 19 carries SQN_MS = 000000000001 with a valid MAC-S.
     */
    @Test
    void whenHostapdAutsExample_thenSqnMsRecovered() {
        byte[] k = Hex.decode("90dca4eda45b53cf0f12d7c9c3bc6a89");
        byte[] opc = Hex.decode("cb9cccc4b9258e6dca4760379fb82581");
        byte[] rand = Hex.decode("9fddc72092c6ad036b6e464789315b78");
        byte[] auts = Hex.decode("4f2039392ddd4bb4316ed4a14688");
        assertThat(HomeNetworkAka.verifyAuts(k, opc, rand, auts)).contains(Sqn.fromHex("000000000001"));
    }
}
