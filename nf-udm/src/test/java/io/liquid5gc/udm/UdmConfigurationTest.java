package io.liquid5gc.udm;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The SIDF's home network keys are checked at startup, and a bad key is named by its id, never by its value. */
class UdmConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Liquid5gcRuntimeAutoConfiguration.class, UdmFunctions.class))
            .withPropertyValues("liquid5gc.store.memory.journal=none");

    @Test
    void whenKeysOfBothProfilesAreConfigured_thenTheUdmStartsAndShowsNoPrivateKey() {
        runner.withPropertyValues("liquid5gc.udm.home-network-keys[0].id=1", "liquid5gc.udm.home-network-keys[0].scheme=A",
                        "liquid5gc.udm.home-network-keys[0].private-key=" + UdmFunctionsContract.PROFILE_A_PRIVATE,
                        "liquid5gc.udm.home-network-keys[1].id=7", "liquid5gc.udm.home-network-keys[1].scheme=PROFILE_B",
                        "liquid5gc.udm.home-network-keys[1].private-key=" + UdmFunctionsContract.PROFILE_B_PRIVATE)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasBean("udm-generate-auth-data").hasBean("udm-get-subscriber-data");
                    assertThat(ctx.getBean(UdmProperties.class).toString())
                            .contains("id=7").doesNotContain(UdmFunctionsContract.PROFILE_A_PRIVATE).doesNotContain(UdmFunctionsContract.PROFILE_B_PRIVATE);
                });
    }

    @Test
    void whenTheProcessIsTheUnitOfTheAuthenticationAlone_thenItDoesNotPrefetchAmDataNoSdmGetHereWouldTake() {
        runner.run(ctx -> assertThat(ctx.getBean(AmDataPrefetch.class).enabled()).as("the whole UDM").isTrue());
        runner.withPropertyValues("liquid5gc.serve.function=udm-generate-auth-data")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasBean("udm-generate-auth-data").doesNotHaveBean("udm-get-subscriber-data");
                    assertThat(ctx.getBean(AmDataPrefetch.class).enabled()).isFalse();
                });
    }

    @Test
    void whenAProfileBKeyIsOutOfRange_thenTheStartFailsNamingTheKeyIdButNotTheKey() {
        String bad = "ff".repeat(32); // >= n of secp256r1
        runner.withPropertyValues("liquid5gc.udm.home-network-keys[0].id=3", "liquid5gc.udm.home-network-keys[0].scheme=profile-b",
                        "liquid5gc.udm.home-network-keys[0].private-key=" + bad)
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    Throwable root = ctx.getStartupFailure();
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root.getMessage()).contains("id 3").doesNotContain(bad);
                });
    }

    @Test
    void whenTheSchemeIsUnknown_thenTheStartFailsSayingWhichSchemesExist() {
        runner.withPropertyValues("liquid5gc.udm.home-network-keys[0].id=1", "liquid5gc.udm.home-network-keys[0].scheme=profile-c",
                        "liquid5gc.udm.home-network-keys[0].private-key=" + UdmFunctionsContract.PROFILE_A_PRIVATE)
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("profile-a or profile-b"));
    }
}
