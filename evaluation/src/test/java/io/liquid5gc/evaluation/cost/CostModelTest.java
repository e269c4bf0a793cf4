package io.liquid5gc.evaluation.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {

    /** 1.2 GB always on, a 0.5 GB platform, 1.0 GB of warm functions, 0.002 GB-s per registration. */
    private static final CostInputs HAND = new CostInputs(1.2, 0.5, 1.0, 0.002, 1.0);

    @Test
    void whenAlwaysOnHolds1_2Gb_thenAnHourIs4320GbSeconds() {
        assertThat(CostModel.evaluate(HAND).alwaysOnGbSecondsPerHour()).isCloseTo(4320.0, within(1e-9));
    }

    @Test
    void whenThePlatformHolds0_5AndWarmFunctions1_0_thenBreakEvenDutyCycleIs0_7() {
        // (1.2 - 0.5) / 1.0
        assertThat(CostModel.evaluate(HAND).breakEvenDutyCycle()).isCloseTo(0.7, within(1e-12));
        // at the break-even both cost the same; below it the serverless platform is cheaper
        assertThat(CostModel.dutyCycledGbSecondsPerHour(HAND, 0.7)).isCloseTo(4320.0, within(1e-9));
        assertThat(CostModel.dutyCycledGbSecondsPerHour(HAND, 0.5)).isLessThan(4320.0);
    }

    @Test
    void whenTenantsAreBusyAllTheTime_thenTheyBreakEvenAt2_5AndThreeAreCheaper() {
        // 0.5 / (1.2 - 1.0 x 1.0) = 2.5: with 3 tenants each holds 0.5/3 + 1.0 = 1.167 < 1.2
        CostModel.Result r = CostModel.evaluate(HAND);
        assertThat(r.breakEvenTenants()).isCloseTo(2.5, within(1e-12));
        assertThat(r.minimumTenants()).isEqualTo(3);
    }

    @Test
    void whenTenantsAreBusyHalfTheTime_thenOneIsCheaperAlready() {
        // 0.5 / (1.2 - 0.5) = 0.714
        CostModel.Result r = CostModel.evaluate(HAND.withTenantDutyCycle(0.5));
        assertThat(r.breakEvenTenants()).isCloseTo(0.5 / 0.7, within(1e-12));
        assertThat(r.minimumTenants()).isEqualTo(1);
    }

    @Test
    void whenARegistrationCosts0_002GbSeconds_thenManagedFaasBreaksEvenAt600PerSecond() {
        assertThat(CostModel.evaluate(HAND).breakEvenRegistrationsPerSecond()).isCloseTo(600.0, within(1e-9));
        assertThat(CostModel.managedFaasGbSecondsPerHour(HAND, 600)).isCloseTo(4320.0, within(1e-9));
    }

    @Test
    void whenThePapersFiguresAreUsed_thenItsBreakEvenRateComesBack() {
        CostInputs paper = new CostInputs(CostModel.paperImpliedAlwaysOnGb(), 0, 0, 0.002, 1.0);
        assertThat(CostModel.evaluate(paper).breakEvenRegistrationsPerSecond()).isCloseTo(609.0, within(1e-9));
    }

    @Test
    void whenWarmFunctionsHoldMoreThanTheAlwaysOnCore_thenTenantsNeverBreakEven() {
        CostModel.Result r = CostModel.evaluate(HAND.withWarmGb(1.5));
        assertThat(r.breakEvenTenants()).isNaN();
        assertThat(r.minimumTenants()).isEqualTo(-1);
    }

    @Test
    void whenTheIdlePlatformAloneHoldsMore_thenTheDutyCycleNeverBreaksEven() {
        assertThat(CostModel.evaluate(HAND.withPlatformGb(2.0)).breakEvenDutyCycle()).isNaN();
    }

    @Test
    void whenTwoFunctionsRunPerRegistration_thenBilledGbSecondsAreTheirTimeTimesTheMemorySize() {
        Map<String, double[]> per = new LinkedHashMap<>();
        per.put("a", new double[] {2, 0.005}); // 2 invocations of 5 ms
        per.put("b", new double[] {1, 0.010}); // 1 of 10 ms
        // 20 ms x 0.128 GB
        assertThat(CostModel.gbSecondsPerRegistration(per, 0.128)).isCloseTo(0.00256, within(1e-12));
    }

    @Test
    void whenAnInputIsNegativeOrTheDutyCycleAboveOne_thenItIsRefused() {
        assertThatThrownBy(() -> new CostInputs(-1, 0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostInputs(1, 0, 0, 0, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duty cycle");
    }
}
