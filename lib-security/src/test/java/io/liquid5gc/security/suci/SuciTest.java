package io.liquid5gc.security.suci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.security.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SUCI text form, deconcealment with its errors, and UE-side concealment. */
class SuciTest {
    static final byte[] A_PRIV = Hex.decode("c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d");
    static final byte[] A_PUB = Hex.decode("5a8d38864820197c3394b92613b20b91633cbd897119273bf8e4a6f4eec0a650");
    static final byte[] B_PRIV = Hex.decode("f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda");
    static final byte[] B_PUB = Hex.decode("0272da71976234ce833a6907425867b82e074d44ef907dfb4b3e21c1c2256ebcd1");

    /** The Profile A example of the team reference (TS 33.501 C.4.3 scheme output under MCC 208 / MNC 93). */
    static final String SUCI_A = "suci-0-208-93-0-1-1-b2e92f836055a255837debf850b528997ce0201cb82adfe4be1f587d07d8457d"
        + "cb02352410cddd9e730ef3fa87";
    static final String SUCI_B = "suci-0-274-012-0-2-2-039aab8376597021e855679a9778ea0b67396e68c66df32c0f41e9acca2da9b9d1"
        + "46a33fc2716ac7dae96aa30a4d";

    private final SuciDeconcealer hn = new SuciDeconcealer(List.of(
        new HomeNetworkKey(1, SuciScheme.PROFILE_A, A_PRIV),
        new HomeNetworkKey(2, SuciScheme.PROFILE_B, B_PRIV)));

    @Test
    void whenProfileAReferenceSuci_thenImsiRecovered() throws SuciException {
        assertThat(hn.deconcealOrThrow(Suci.parse(SUCI_A))).hasToString("imsi-20893001002086");
    }

    @Test
    void whenProfileBC44Suci_thenImsiRecovered() throws SuciException {
        assertThat(hn.deconceal(Suci.parse(SUCI_B)))
            .isEqualTo(new DeconcealResult.Deconcealed(Supi.imsi("274012001002086")));
    }

    @Test
    void whenNullScheme_thenMsinInClearWithOddLengthFiller() throws SuciException {
        Suci s = Suci.parse("suci-0-274-012-0-0-0-001002086");
        assertThat(Hex.encode(s.schemeOutput())).isEqualTo("00012080f6"); // TS 33.501 C.4.2.1
        assertThat(s.format()).isEqualTo("suci-0-274-012-0-0-0-001002086");
        assertThat(hn.deconcealOrThrow(s)).isEqualTo(Supi.parse("imsi-274012001002086"));
        Suci even = Suci.parse("suci-0-208-93-1234-0-0-0000000001");
        assertThat(Hex.encode(even.schemeOutput())).isEqualTo("0000000010");
        assertThat(hn.deconcealOrThrow(even)).hasToString("imsi-208930000000001");
    }

    @Test
    void whenFormatted_thenParsesBack() throws SuciException {
        Suci s = Suci.parse(SUCI_A);
        assertThat(s.format()).isEqualTo(SUCI_A);
        assertThat(Suci.parse(s.format())).isEqualTo(s);
        assertThat(s.routingIndicator()).isEqualTo("0");
        assertThat(s.scheme()).isEqualTo(SuciScheme.PROFILE_A);
        assertThat(s.hnKeyId()).isEqualTo(1);
    }

    @Test
    void whenThreeDigitMncAndFourDigitRoutingIndicator_thenRoundTrip() throws SuciException {
        Suci s = SuciConcealer.conceal(Supi.imsi("310410123456789"), 3, "0012", SuciScheme.PROFILE_A, 1, A_PUB);
        assertThat(s.mcc()).isEqualTo("310");
        assertThat(s.mnc()).isEqualTo("410");
        assertThat(s.format()).startsWith("suci-0-310-410-0012-1-1-");
        assertThat(hn.deconcealOrThrow(Suci.parse(s.format()))).isEqualTo(Supi.imsi("310410123456789"));
        assertThat(Supi.imsi("310", "410", "123456789")).isEqualTo(Supi.imsi("310410123456789"));
    }

    @Test
    void whenSupiText_thenParsedAndFormatted() {
        assertThat(Supi.parse("imsi-208930000000001").value()).isEqualTo("208930000000001");
        assertThat(Supi.parse("nai-user@realm.example").type()).isEqualTo(Supi.Type.NAI);
        assertThatThrownBy(() -> Supi.parse("msisdn-33612345678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Supi.parse("imsi-20893x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenTagAltered_thenBadMac() throws SuciException {
        Suci s = Suci.parse(SUCI_A);
        byte[] out = s.schemeOutput().clone();
        out[out.length - 1] ^= 1;
        assertThat(hn.deconceal(withOutput(s, out))).isInstanceOf(SuciError.BadMac.class);
        byte[] ct = s.schemeOutput().clone();
        ct[33] ^= 0x10; // ciphertext
        assertThat(hn.deconceal(withOutput(s, ct))).isInstanceOf(SuciError.BadMac.class);
    }

    @Test
    void whenKeyIdNotConfigured_thenUnknownKeyId() throws SuciException {
        Suci s = Suci.parse(SUCI_A.replace("-0-1-1-", "-0-1-7-"));
        assertThat(hn.deconceal(s)).isEqualTo(new SuciError.UnknownKeyId(7, 1));
        // key id 2 exists, but for Profile B
        assertThat(hn.deconceal(Suci.parse(SUCI_A.replace("-0-1-1-", "-0-1-2-"))))
            .isInstanceOf(SuciError.UnknownKeyId.class);
    }

    @Test
    void whenSchemeOutputTooShort_thenWrongLength() throws SuciException {
        Suci s = Suci.parse("suci-0-208-93-0-1-1-" + "00".repeat(40));
        assertThat(hn.deconceal(s)).isInstanceOf(SuciError.WrongLength.class);
    }

    @Test
    void whenEphemeralKeyIsNotAPoint_thenMalformedPoint() throws SuciException {
        // Profile B: x = 0...05 has no point on secp256r1 with either y parity? use an uncompressed prefix instead
        Suci uncompressed = Suci.parse("suci-0-274-012-0-2-2-04" + "11".repeat(32) + "46a33fc271" + "00".repeat(8));
        assertThat(hn.deconceal(uncompressed)).isInstanceOf(SuciError.MalformedPoint.class);
        // Profile B: x >= p is not a field element
        Suci offCurve = Suci.parse("suci-0-274-012-0-2-2-02" + "ff".repeat(32) + "46a33fc271" + "00".repeat(8));
        assertThat(hn.deconceal(offCurve)).isInstanceOf(SuciError.MalformedPoint.class);
        // Profile A: the all-zero u-coordinate gives the all-zero shared secret
        Suci zero = Suci.parse("suci-0-208-93-0-1-1-" + "00".repeat(32) + "cb02352410" + "00".repeat(8));
        assertThat(hn.deconceal(zero)).isInstanceOf(SuciError.MalformedPoint.class);
    }

    @Test
    void whenUnsupportedSchemeOrSupiType_thenTypedErrors() throws SuciException {
        assertThat(hn.deconceal(Suci.parse("suci-0-208-93-0-3-1-00112233"))).isEqualTo(new SuciError.UnsupportedScheme(3));
        assertThat(hn.deconceal(Suci.parse("suci-1-208-93-0-1-1-00112233")))
            .isEqualTo(new SuciError.UnsupportedSupiType(1));
    }

    @Test
    void whenTextIsMalformed_thenMalformedError() {
        for (String bad : new String[] {"imsi-208930000000001", "suci-0-208-93-0-1-1", "suci-0-2089-93-0-1-1-00",
            "suci-0-208-93-12345-1-1-00", "suci-0-208-93-0-1-1-0g", "suci-0-208-93-0-0-0-12a4"}) {
            assertThatThrownBy(() -> Suci.parse(bad)).as(bad).isInstanceOf(SuciException.class)
                .extracting(e -> ((SuciException) e).error()).isInstanceOf(SuciError.Malformed.class);
        }
    }

    @Test
    void whenMsinIsNotBcd_thenMalformed() {
        Suci s = new Suci(0, "208", "93", "0", 0, 0, Hex.decode("00012a80f6"));
        assertThat(hn.deconceal(s)).isInstanceOf(SuciError.Malformed.class);
    }

    @ParameterizedTest
    @EnumSource(SuciScheme.class)
    void whenUeConceals_thenHomeNetworkDeconcealsTheSameSupi(SuciScheme scheme) throws SuciException {
        Supi supi = Supi.imsi("208930000000031");
        byte[] pub = switch (scheme) {
            case NULL -> null;
            case PROFILE_A -> A_PUB;
            case PROFILE_B -> B_PUB;
        };
        int keyId = scheme == SuciScheme.PROFILE_B ? 2 : 1;
        Suci a = SuciConcealer.conceal(supi, 2, "12", scheme, keyId, pub);
        Suci b = SuciConcealer.conceal(supi, 2, "12", scheme, keyId, pub);
        if (scheme != SuciScheme.NULL) {
            assertThat(a.schemeOutput()).isNotEqualTo(b.schemeOutput()); // fresh ephemeral key each time
        }
        assertThat(hn.deconcealOrThrow(Suci.parse(a.format()))).isEqualTo(supi);
        assertThat(a.mnc()).isEqualTo("93");
        assertThat(a.routingIndicator()).isEqualTo("12");
    }

    @Test
    void whenKeyGenerated_thenItDeconcealsWhatItsPublicKeyConceals() throws SuciException {
        for (SuciScheme scheme : new SuciScheme[] {SuciScheme.PROFILE_A, SuciScheme.PROFILE_B}) {
            HomeNetworkKey key = HomeNetworkKey.generate(9, scheme);
            Suci suci = SuciConcealer.conceal(Supi.imsi("001010123456789"), 2, "0", scheme, 9, key.publicKey());
            assertThat(new SuciDeconcealer(List.of(key)).deconcealOrThrow(suci)).hasToString("imsi-001010123456789");
        }
        assertThatThrownBy(() -> new HomeNetworkKey(1, SuciScheme.PROFILE_B, Hex.decode("ff".repeat(32))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenSchemeOutputIsRandomBytes_thenAnErrorValueAndNeverAnException() {
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 2000; i++) {
            int scheme = 1 + r.nextInt(2);
            byte[] out = new byte[r.nextInt(80)];
            r.nextBytes(out);
            if (scheme == 2 && out.length > 0 && r.nextBoolean()) {
                out[0] = (byte) (2 + r.nextInt(2)); // often a well-formed compressed prefix
            }
            Suci s = new Suci(0, "208", "93", "0", scheme, scheme, out);
            assertThat(hn.deconceal(s)).isInstanceOf(SuciError.class);
        }
    }

    @Test
    void whenKeyPrinted_thenRedacted() {
        HomeNetworkKey k = new HomeNetworkKey(1, SuciScheme.PROFILE_A, A_PRIV);
        assertThat(k.toString()).doesNotContain(Hex.encode(A_PRIV)).contains("redacted");
        assertThat(k.publicKey()).isEqualTo(A_PUB);
    }

    private static Suci withOutput(Suci s, byte[] out) {
        return new Suci(s.supiType(), s.mcc(), s.mnc(), s.routingIndicator(), s.schemeId(), s.hnKeyId(), out);
    }
}
