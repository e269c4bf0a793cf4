package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.ie.DeregistrationType;
import io.liquid5gc.sbi.amf.DeregistrationAccessType;
import io.liquid5gc.sbi.amf.RegistrationType;
import io.liquid5gc.sbi.amf.ServiceType;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract's registration, de-registration access and service types against lib-nas's, code for code; the 5G-GUTI IE and its text. */
class NasMappingTypesTest {

    @Test
    void whenEveryNasRegistrationTypeIsMapped_thenTheContractValueHasItsCodeAndName() {
        for (io.liquid5gc.nas.ie.RegistrationType.Value v : io.liquid5gc.nas.ie.RegistrationType.Value.values()) {
            RegistrationType mapped = NasMapping.registrationType(v);
            assertThat(mapped.code()).as(v.name()).isEqualTo(v.code);
            assertThat(mapped.name()).isEqualTo(v.name());
        }
    }

    @Test
    void whenEveryContractRegistrationTypeIsLookedFor_thenExactlyOneNasValueMapsToIt() {
        for (RegistrationType t : RegistrationType.values()) {
            assertThat(io.liquid5gc.nas.ie.RegistrationType.Value.fromCode(t.code())).extracting(NasMapping::registrationType).isEqualTo(t);
        }
        assertThat(RegistrationType.values()).hasSameSizeAs(io.liquid5gc.nas.ie.RegistrationType.Value.values());
    }

    @Test
    void whenAnUnusedRegistrationTypeCodeArrives_thenItIsAnInitialRegistration() {
        // TS 24.501 9.11.3.7: unused values are interpreted as initial registration
        assertThat(NasMapping.registrationType(io.liquid5gc.nas.ie.RegistrationType.fromHalf(0).value())).isEqualTo(RegistrationType.INITIAL);
    }

    @Test
    void whenEveryNasAccessTypeIsMapped_thenTheContractValueHasItsCode() {
        assertThat(NasMapping.accessType(new DeregistrationType(false, false, DeregistrationType.ACCESS_3GPP).access()))
                .isEqualTo(DeregistrationAccessType.THREE_GPP_ACCESS);
        assertThat(NasMapping.accessType(new DeregistrationType(false, false, DeregistrationType.ACCESS_NON_3GPP).access()))
                .isEqualTo(DeregistrationAccessType.NON_3GPP_ACCESS);
        assertThat(NasMapping.accessType(new DeregistrationType(false, false, DeregistrationType.ACCESS_BOTH).access()))
                .isEqualTo(DeregistrationAccessType.BOTH);
        for (DeregistrationType.Access a : DeregistrationType.Access.values()) {
            if (a != DeregistrationType.Access.RESERVED) {
                assertThat(NasMapping.accessType(a).code()).as(a.name()).isEqualTo(a.ordinal());
            }
        }
    }

    @Test
    void whenTheReservedAccessTypeArrives_thenItIs3gppAccessAsBefore() {
        assertThat(NasMapping.accessType(DeregistrationType.fromHalf(0x08).access())).isEqualTo(DeregistrationAccessType.THREE_GPP_ACCESS);
    }

    @Test
    void whenEveryContractAccessTypeIsLookedFor_thenTheNasValueOfItsCodeMapsToIt() {
        for (DeregistrationAccessType t : DeregistrationAccessType.values()) {
            assertThat(NasMapping.accessType(DeregistrationType.fromHalf(t.code()).access())).isEqualTo(t);
        }
    }

    @Test
    void whenEveryNasServiceTypeIsMapped_thenDefinedOnesKeepCodeAndNameAndUnusedOnesAreUnused() {
        for (io.liquid5gc.nas.ie.ServiceType t : io.liquid5gc.nas.ie.ServiceType.values()) {
            ServiceType mapped = NasMapping.serviceType(t);
            if (t.code <= 6) {
                assertThat(mapped.code()).as(t.name()).isEqualTo(t.code);
                assertThat(mapped.name()).isEqualTo(t.name());
            } else {
                assertThat(mapped).as(t.name()).isEqualTo(ServiceType.UNUSED);
            }
        }
    }

    @Test
    void whenEveryContractServiceTypeIsLookedFor_thenSomeNasValueMapsToIt() {
        Set<ServiceType> reached = EnumSet.noneOf(ServiceType.class);
        for (io.liquid5gc.nas.ie.ServiceType t : io.liquid5gc.nas.ie.ServiceType.values()) {
            reached.add(NasMapping.serviceType(t));
        }
        assertThat(reached).containsExactlyInAnyOrder(ServiceType.values());
        for (ServiceType t : ServiceType.values()) {
            if (t != ServiceType.UNUSED) {
                assertThat(NasMapping.serviceType(io.liquid5gc.nas.ie.ServiceType.fromCode(t.code()))).isEqualTo(t);
            }
        }
    }

    @Test
    void whenAGutiIeIsWrittenAsTextAndReadBack_thenItIsTheSameIe() {
        io.liquid5gc.nas.ie.MobileIdentity.Guti ie = new io.liquid5gc.nas.ie.MobileIdentity.Guti(new io.liquid5gc.nas.ie.PlmnId("310", "410"),
                0xCA, 0x3F8, 0x3F, 0xFFFFFFFF);

        assertThat(NasMapping.guti(ie)).isEqualTo("310410-ca3f83f-ffffffff");
        assertThat(NasMapping.gutiIe(NasMapping.guti(ie))).isEqualTo(ie);
    }

    @Test
    void whenTheTextOfADownlinkGutiIsNotOne_thenTheIeIsNotBuilt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NasMapping.gutiIe("00101-0100400"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("00101-0100400");
    }
}
