package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.proxy.overload.OverloadControl;
import io.liquid5gc.ransim.LoadReport;
import io.liquid5gc.ransim.RanSim;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The adaptive admission limit end to end (TS 23.501 5.19.7.2, TS 24.501 5.5.1.2.5): with a target no core meets
 * (1 ns per UE task) the limit falls by a fifth every 100 ms window to its floor of 1 task in flight (from 1024 in about
 * 3 s), so a load of 900 UEs at 150 per second (6 s) through one gNB is split into UEs admitted, which all register,
 * and UEs refused at once with 5GMM #22 and T3346 (those that arrive while another UE's task runs); none is lost or
 * left waiting, nothing else fails, and the proxy is not overloaded. How many fall on each side depends on the machine;
 * that both sides exist does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "liquid5gc.proxy.overload.admission-latency=1ns", "liquid5gc.proxy.overload.admission-min-limit=1",
        "liquid5gc.proxy.overload.back-off=90s"})
class OverloadAdmissionTest {

    static final int UES = 900;

    @Autowired
    N2Server n2;

    @Autowired
    OverloadControl overload;

    @Test
    void whenRegistrationsArriveFasterThanTheAdmissionTargetAllows_thenTheAdmittedRegisterAndTheRestAreToldToBackOff() throws Exception {
        LoadReport report = RanSim.run(new RanSim.Options(n2.udpAddress(), "001", "01", "0000000101", UES, UES, 150,
                Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc"), Hex.decode("e8ed289deba952e4283b54e88e6183ca"), 1,
                SNssai.of(1, 0x010203), Duration.ofSeconds(120), false, false, RanSim.Scenario.REGISTER, 1, "internet",
                SimUe.SuciProtection.NULL_SCHEME));

        Map<String, Integer> failures = report.failuresByCause();
        assertThat(report.successes()).as("UEs admitted and registered: %s", report.failuresByCause()).isPositive();
        assertThat(failures.keySet()).as("every UE not admitted was refused with #22, none timed out or failed otherwise")
                .containsOnly("5gmm-cause-22");
        assertThat(report.successes() + failures.get("5gmm-cause-22")).as("%d registered, %s", report.successes(), failures)
                .isEqualTo(UES);
        assertThat(overload.overloaded()).isFalse();
        assertThat(overload.admissionLimit()).as("the limit at its floor").isEqualTo(1);
    }
}
