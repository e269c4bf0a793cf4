package io.liquid5gc.udm;

import io.liquid5gc.runtime.safety.UnsafeSetting;
import io.liquid5gc.runtime.safety.UnsafeSettingCheck;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Home network private keys that are published: the test keys of TS 33.501 Annex C.4.3 (Profile A) and C.4.4
 * (Profile B). Anyone can deconceal SUCIs made with their public keys. Reported (never the key) at start.
 */
final class TestKeyCheck implements UnsafeSettingCheck {

    /** TS 33.501 C.4.3 and C.4.4: the home network private keys of the SUCI test data. */
    static final Map<String, String> PUBLISHED = Map.of(
            "c53c22208b61860b06c62e5406a7b330c2b577aa5558981510d128247d38bd1d", "TS 33.501 C.4.3 (Profile A)",
            "f1ab1074477ebcc7f554ea1c5fc368b1616730155e0041ac447d6301975fecda", "TS 33.501 C.4.4 (Profile B)");

    private final UdmProperties properties;

    TestKeyCheck(UdmProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<UnsafeSetting> unsafeSettings() {
        List<String> published = properties.homeNetworkKeys().stream()
                .filter(k -> k.privateKey() != null && PUBLISHED.containsKey(k.privateKey().strip().toLowerCase(Locale.ROOT)))
                .map(k -> "id " + k.id() + " = " + PUBLISHED.get(k.privateKey().strip().toLowerCase(Locale.ROOT)))
                .toList();
        return published.isEmpty() ? List.of() : List.of(new UnsafeSetting("test-suci-keys",
                "the UDM holds the published SUCI test keys (" + String.join(", ", published) + "): anyone can deconceal those SUCIs",
                "generate home network key pairs and set liquid5gc.udm.home-network-keys[i].private-key from a secret; "
                        + "provision the public keys into the USIMs"));
    }
}
