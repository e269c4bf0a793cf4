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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** pcf-policy-create / pcf-policy-get (TS 29.512) against the in-process store and a real Redis. */
class SmPoliciesTest {

    static final Snssai SLICE = new Snssai(1, "010203");
    static final PcfProperties CONFIG = new PcfProperties(List.of(
            new PcfProperties.Policy(1, "010203", "internet", 8, 5, "MAY_PREEMPT", "NOT_PREEMPTABLE", "200 Mbps", "400 Mbps"),
            new PcfProperties.Policy(1, "010203", null, 7, 9, null, null, "50 Mbps", "100 Mbps"),
            new PcfProperties.Policy(null, null, "ims", 5, 1, null, null, "1 Mbps", "2 Mbps")), null);

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
        assertThatThrownBy(() -> new PcfProperties.Policy(1, null, null, 0, null, null, null, null, null)).hasMessageContaining("five-qi");
        assertThatThrownBy(() -> new PcfProperties.Policy(1, null, null, 9, 16, null, null, null, null)).hasMessageContaining("priorityLevel");
        assertThatThrownBy(() -> new PcfProperties.Policy(1, null, null, 9, 1, null, null, "fast", null)).hasMessageContaining("BitRate");
    }
}
