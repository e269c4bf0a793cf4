package io.liquid5gc.runtime.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The start-up report and the production profile, with the real auto-configuration. */
class StartupSafetyTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StartupSafetyAutoConfiguration.class));

    @Test
    void whenTheLabDefaultsRun_thenTheyStartAndEveryUnsafeSettingIsReported() {
        runner.withPropertyValues("liquid5gc.security.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(StartupSafety.class).found()).extracting(UnsafeSetting::id)
                    .containsExactlyInAnyOrder("binds-on-all-interfaces", "sbi-security-off");
        });
    }

    @Test
    void whenProductionHasUnsafeSettings_thenTheStartFailsNamingEachOne() {
        runner.withPropertyValues("liquid5gc.profile=production", "liquid5gc.security.enabled=false")
                .withBean("moduleCheck", UnsafeSettingCheck.class, () -> () -> List.of(new UnsafeSetting("test-suci-keys", "published keys", "replace them")))
                .run(ctx -> {
                    assertThat(ctx).hasFailed();
                    Throwable root = ctx.getStartupFailure();
                    while (!(root instanceof StartupSafety.UnsafeConfigurationException) && root.getCause() != null) {
                        root = root.getCause();
                    }
                    assertThat(root).isInstanceOf(StartupSafety.UnsafeConfigurationException.class)
                            .hasMessageContaining("liquid5gc.profile=production refuses to start with 3 unsafe setting(s)")
                            .hasMessageContaining("[binds-on-all-interfaces]").hasMessageContaining("[sbi-security-off]")
                            .hasMessageContaining("[test-suci-keys]").hasMessageContaining("fix: replace them");
                });
    }

    @Test
    void whenLoopbackIsTrustedWithoutTokens_thenItIsReportedAndProductionRefusesIt() {
        runner.withPropertyValues("server.address=127.0.0.1", "liquid5gc.security.trust-loopback=true").run(ctx ->
                assertThat(ctx.getBean(StartupSafety.class).found()).extracting(UnsafeSetting::id).containsExactly("sbi-trusts-loopback"));
        runner.withPropertyValues("liquid5gc.profile=production", "server.address=127.0.0.1", "liquid5gc.security.trust-loopback=true")
                .run(ctx -> assertThat(ctx).hasFailed());
        runner.withPropertyValues("server.address=127.0.0.1").run(ctx ->
                assertThat(ctx.getBean(StartupSafety.class).found()).isEmpty());
    }

    @Test
    void whenProductionIsConfiguredSafely_thenItStarts() {
        runner.withPropertyValues("liquid5gc.profile=production", "server.address=10.0.0.7", "liquid5gc.security.enabled=true")
                .run(ctx -> assertThat(ctx.getBean(StartupSafety.class).found()).isEmpty());
    }

    @Test
    void whenARiskIsAcceptedInProduction_thenOnlyTheOthersRefuseTheStart() {
        runner.withPropertyValues("liquid5gc.profile=production", "liquid5gc.security.enabled=true",
                "liquid5gc.safety.accepted=binds-on-all-interfaces").run(ctx -> assertThat(ctx).hasNotFailed());
        runner.withPropertyValues("liquid5gc.profile=production", "liquid5gc.security.enabled=false",
                "liquid5gc.safety.accepted=binds-on-all-interfaces").run(ctx -> assertThat(ctx).hasFailed());
    }
}
