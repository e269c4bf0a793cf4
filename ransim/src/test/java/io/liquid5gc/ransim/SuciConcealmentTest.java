package io.liquid5gc.ransim;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.Usim;
import io.liquid5gc.security.milenage.UsimSqnState;
import io.liquid5gc.security.suci.HomeNetworkKey;
import io.liquid5gc.security.suci.Suci;
import io.liquid5gc.security.suci.SuciDeconcealer;
import io.liquid5gc.security.suci.SuciScheme;
import io.liquid5gc.security.suci.Supi;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated UE's SUCI (TS 33.501 C.3) is de-concealed by the home network side of lib-security to the UE's SUPI,
 * for Profiles A and B with the default keys of the CLI, which are the public halves of the TS 33.501 C.4.3 / C.4.4
 * test private keys the all-in-one holds.
 */
class SuciConcealmentTest {

    /** The all-in-one's home network private keys (all-in-one application.yaml; TS 33.501 C.4.3 and C.4.4). */
    private static final HomeNetworkKey KEY_A = new HomeNetworkKey(1, SuciScheme.PROFILE_A,
            Hex.decode("c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d"));
    private static final HomeNetworkKey KEY_B = new HomeNetworkKey(2, SuciScheme.PROFILE_B,
            Hex.decode("f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda"));

    @Test
    void whenTheCliUsesItsDefaultKeys_thenTheyAreThePublicHalvesOfTheCoresTestKeys() {
        assertThat(Hex.encode(KEY_A.publicKey())).isEqualToIgnoringCase(RanSim.TEST_KEY_PROFILE_A);
        assertThat(Hex.encode(KEY_B.publicKey())).isEqualToIgnoringCase(RanSim.TEST_KEY_PROFILE_B);
    }

    @Test
    void whenTheUeConcealsWithProfileAOrB_thenTheHomeNetworkRecoversTheSupi() throws Exception {
        SuciDeconcealer home = new SuciDeconcealer(List.of(KEY_A, KEY_B));
        for (HomeNetworkKey key : List.of(KEY_A, KEY_B)) {
            SimUe ue = new SimUe(1, "001", "01", "0000000042", new Usim(new byte[16], new byte[16], new UsimSqnState()),
                    List.of(SNssai.of(1)), new SimUe.SuciProtection(key.scheme(), key.keyId(), key.publicKey()));
            MobileIdentity.Suci nas = ue.suci();
            assertThat(nas.protectionScheme()).isEqualTo(key.scheme().code());
            var ecies = (MobileIdentity.SchemeOutput.Ecies) nas.schemeOutput();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            output.writeBytes(ecies.ephemeralPublicKey());
            output.writeBytes(ecies.cipherText());
            output.writeBytes(ecies.macTag());
            Suci suci = new Suci(0, "001", "01", "0", key.scheme().code(), key.keyId(), output.toByteArray());
            assertThat(home.deconcealOrThrow(suci)).isEqualTo(Supi.imsi("001", "01", "0000000042"));
            // fresh ephemeral key each time (TS 33.501 6.12.2)
            assertThat(((MobileIdentity.SchemeOutput.Ecies) ue.suci().schemeOutput()).ephemeralPublicKey()).isNotEqualTo(ecies.ephemeralPublicKey());
        }
    }
}
