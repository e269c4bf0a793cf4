package io.liquid5gc.ausf;

import io.liquid5gc.runtime.safety.UnsafeSetting;
import io.liquid5gc.runtime.safety.UnsafeSettingCheck;
import java.util.List;

/** An empty {@code liquid5gc.ausf.serving-plmns}: any serving network may authenticate UEs here (TS 33.501 6.1.3.2). */
final class ServingPlmnCheck implements UnsafeSettingCheck {

    private final AusfProperties properties;

    ServingPlmnCheck(AusfProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<UnsafeSetting> unsafeSettings() {
        return properties.servingPlmns().isEmpty() ? List.of(new UnsafeSetting("any-serving-plmn",
                "the AUSF's serving-PLMN list is empty: a serving network of any PLMN may authenticate this network's UEs",
                "list the PLMNs allowed to serve them in liquid5gc.ausf.serving-plmns (e.g. 001-01)")) : List.of();
    }
}
