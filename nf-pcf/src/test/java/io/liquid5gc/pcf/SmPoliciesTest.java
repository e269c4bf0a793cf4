package io.liquid5gc.pcf;

import io.liquid5gc.store.redis.TestStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.pcf.QosData;
import io.liquid5gc.sbi.pcf.SessionRule;
import io.liquid5gc.sbi.pcf.SmPolicyContextData;
import io.liquid5gc.sbi.pcf.SmPolicyControl;
import io.liquid5gc.sbi.pcf.SmPolicyGetRequest;
import io.liquid5gc.sbi.pcf.SubscribedDefaultQos;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** pcf-policy-create / pcf-policy-get (TS 29.512) against the in-process store and a real Redis. */
class SmPoliciesTest {

    static final Snssai SLICE = new Snssai(1, "010203");
    /** Bound as the application binds it, so the declared defaults (pre-emption, the default policy) apply. */
    static final PcfProperties CONFIG = new Binder(new MapConfigurationPropertySource(Map.ofEntries(
            Map.entry("liquid5gc.pcf.policies[0].sst", "1"), Map.entry("liquid5gc.pcf.policies[0].sd", "010203"),
            Map.entry("liquid5gc.pcf.policies[0].dnn", "internet"), Map.entry("liquid5gc.pcf.policies[0].five-qi", "8"),
            Map.entry("liquid5gc.pcf.policies[0].arp-priority-level", "5"),
            Map.entry("liquid5gc.pcf.policies[0].preempt-cap", "MAY_PREEMPT"),
            Map.entry("liquid5gc.pcf.policies[0].preempt-vuln", "NOT_PREEMPTABLE"),
            Map.entry("liquid5gc.pcf.policies[0].session-ambr-uplink", "200 Mbps"),
            Map.entry("liquid5gc.pcf.policies[0].session-ambr-downlink", "400 Mbps"),
            Map.entry("liquid5gc.pcf.policies[1].sst", "1"), Map.entry("liquid5gc.pcf.policies[1].sd", "010203"),
            Map.entry("liquid5gc.pcf.policies[1].five-qi", "7"), Map.entry("liquid5gc.pcf.policies[1].arp-priority-level", "9"),
            Map.entry("liquid5gc.pcf.policies[1].session-ambr-uplink", "50 Mbps"),
            Map.entry("liquid5gc.pcf.policies[1].session-ambr-downlink", "100 Mbps"),
            Map.entry("liquid5gc.pcf.policies[2].dnn", "ims"), Map.entry("liquid5gc.pcf.policies[2].five-qi", "5"),
            Map.entry("liquid5gc.pcf.policies[2].arp-priority-level", "1"),
            Map.entry("liquid5gc.pcf.policies[2].session-ambr-uplink", "1 Mbps"),
            Map.entry("liquid5gc.pcf.policies[2].session-ambr-downlink", "2 Mbps"))))
            .bindOrCreate("liquid5gc.pcf", PcfProperties.class);

    static SmPolicyContextData context(String supi, int id, String dnn, Snssai slice) {
        return new SmPolicyContextData(supi, id, "IPV4", dnn, slice, null, "3GPP_ACCESS", null, new PlmnId("001", "01"),
                "10.45.0.2", null, null);
    }

    abstract static class Contract {

        SmPolicies pcf;

        abstract KeyValueStore store();

        @BeforeEach
        void setUp() {
            pcf = new SmPolicies(store(), new JsonMapper(), CONFIG);
        }

        @Test
        void whenSliceAndDnnHaveAPolicy_thenTheMostSpecificOneDecides() {
            SmPolicyControl c = pcf.handleCreate(context("imsi-001010000000001", 1, "internet", SLICE));
            SessionRule rule = c.policy().sessRules().get(SmPolicies.DEFAULT_SESS_RULE);
            assertThat(rule.authSessAmbr()).isEqualTo(new Ambr("200 Mbps", "400 Mbps"));
            assertThat(rule.authDefQos().fiveQi()).isEqualTo(8);
            assertThat(rule.authDefQos().arp()).isEqualTo(new Arp(5, "MAY_PREEMPT", "NOT_PREEMPTABLE"));
            QosData qos = c.policy().qosDecs().get(SmPolicies.DEFAULT_QOS);
            assertThat(qos.fiveQi()).isEqualTo(8);
            assertThat(qos.defQosFlowIndication()).isTrue();
            assertThat(c.policy().pccRules().get(SmPolicies.DEFAULT_PCC_RULE).refQosData()).containsExactly(SmPolicies.DEFAULT_QOS);
        }

        @Test
        void whenOnlyTheSliceMatches_thenTheSlicePolicyApplies() {
            SmPolicyControl c = pcf.handleCreate(context("imsi-001010000000002", 1, "other", SLICE));
            assertThat(c.policy().sessRules().get(SmPolicies.DEFAULT_SESS_RULE).authDefQos().fiveQi()).isEqualTo(7);
            SmPolicyControl ims = pcf.handleCreate(context("imsi-001010000000002", 2, "ims", new Snssai(2, null)));
            assertThat(ims.policy().sessRules().get(SmPolicies.DEFAULT_SESS_RULE).authSessAmbr()).isEqualTo(new Ambr("1 Mbps", "2 Mbps"));
        }

        @Test
        void whenNothingIsConfigured_thenTheSubscriptionThenTheDefaultsDecide() {
            SmPolicyContextData withSubscription = new SmPolicyContextData("imsi-001010000000003", 1, "IPV4", "x", new Snssai(3, null),
                    null, null, null, null, null, new Ambr("10 Mbps", "20 Mbps"),
                    new SubscribedDefaultQos(6, new Arp(2, "NOT_PREEMPT", "PREEMPTABLE"), null));
            SessionRule rule = pcf.handleCreate(withSubscription).policy().sessRules().get(SmPolicies.DEFAULT_SESS_RULE);
            assertThat(rule.authSessAmbr()).isEqualTo(new Ambr("10 Mbps", "20 Mbps"));
            assertThat(rule.authDefQos().fiveQi()).isEqualTo(6);
            SessionRule defaults = pcf.handleCreate(context("imsi-001010000000003", 2, "x", new Snssai(3, null)))
                    .policy().sessRules().get(SmPolicies.DEFAULT_SESS_RULE);
            assertThat(defaults.authSessAmbr()).isEqualTo(new Ambr("1 Gbps", "2 Gbps"));
            assertThat(defaults.authDefQos().fiveQi()).isEqualTo(9);
            assertThat(defaults.authDefQos().arp()).isEqualTo(new Arp(8, "NOT_PREEMPT", "PREEMPTABLE"));
        }

        @Test
        void whenCreated_thenGetReturnsTheStoredAssociation() {
            SmPolicyControl created = pcf.handleCreate(context("imsi-001010000000004", 5, "internet", SLICE));
            assertThat(pcf.handleGet(new SmPolicyGetRequest(created.smPolicyId()))).isEqualTo(created);
        }

        @Test
        void whenTheAssociationIsUnknown_thenGetAnswers404ContextNotFound() {
            assertThatThrownBy(() -> pcf.handleGet(new SmPolicyGetRequest("imsi-001019999999999-1")))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.problem().cause()).isEqualTo("CONTEXT_NOT_FOUND");
                    });
        }

        @Test
        void whenMandatoryFieldsAreMissingOrWrong_thenCreateAnswers400() {
            assertThatThrownBy(() -> pcf.handleCreate(new SmPolicyContextData(null, null, null, null, null, null, null, null, null, null, null, null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("MANDATORY_IE_MISSING"));
            assertThatThrownBy(() -> pcf.handleCreate(context("imsi-001010000000001", 16, "internet", SLICE)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().cause()).isEqualTo("MANDATORY_IE_INCORRECT"));
            assertThatThrownBy(() -> pcf.handleGet(new SmPolicyGetRequest(null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        KeyValueStore store() {
            return TestStores.memory();
        }
    }

    @Nested
    class OnRedis extends Contract {
        @Override
        KeyValueStore store() {
            return TestStores.redis();
        }
    }

    @Test
    void whenConfigurationIsInvalid_thenItIsRejectedAtStartup() {
        assertThatThrownBy(() -> new PcfProperties.Policy(1, null, null, 0, 8, "NOT_PREEMPT", "PREEMPTABLE", "1 Gbps", "2 Gbps")).hasMessageContaining("five-qi");
        assertThatThrownBy(() -> new PcfProperties.Policy(1, null, null, 9, 16, "NOT_PREEMPT", "PREEMPTABLE", "1 Gbps", "2 Gbps")).hasMessageContaining("priorityLevel");
        assertThatThrownBy(() -> new PcfProperties.Policy(1, null, null, 9, 1, "NOT_PREEMPT", "PREEMPTABLE", "fast", "2 Gbps")).hasMessageContaining("BitRate");
    }
}
