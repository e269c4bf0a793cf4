package io.liquid5gc.r17.bsf;

import io.liquid5gc.store.redis.TestStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.bsf.BindingDeregisterRequest;
import io.liquid5gc.sbi.bsf.BindingDiscoveryRequest;
import io.liquid5gc.sbi.bsf.PcfBinding;
import io.liquid5gc.sbi.bsf.PcfBindingResult;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** bsf-binding-register / discover / deregister (TS 29.521) on memory and Redis. */
class PcfBindingsTest {

    static PcfBinding binding(String supi, String ip, String dnn) {
        return new PcfBinding(supi, null, ip, null, null, dnn, new Snssai(1, "010203"), "pcf.liquid5gc.local", null, null, null);
    }

    abstract static class Contract {

        PcfBindings bsf;

        abstract KeyValueStore newStore();

        @BeforeEach
        void setUp() {
            bsf = new PcfBindings(newStore(), new JsonMapper());
        }

        @Test
        void whenRegistered_thenItIsFoundByAddressAndBySupiAndDnn() {
            PcfBindingResult r = bsf.handleRegister(binding("imsi-001010000000001", "10.45.0.2", "internet"));
            assertThat(r.bindingId()).isNotBlank();
            assertThat(bsf.handleDiscover(new BindingDiscoveryRequest("10.45.0.2", null, null, null, null))).isEqualTo(r);
            assertThat(bsf.handleDiscover(new BindingDiscoveryRequest(null, null, null, "imsi-001010000000001", "internet"))).isEqualTo(r);
            assertThat(bsf.handleDiscover(new BindingDiscoveryRequest(null, null, null, "imsi-001010000000001", "ims")).found()).isFalse();
            assertThat(bsf.handleDiscover(new BindingDiscoveryRequest("10.45.0.3", null, null, null, null)).found()).isFalse();
        }

        @Test
        void whenDeregistered_thenItIsNoLongerFoundAndASecondDeregisterSaysSo() {
            PcfBindingResult r = bsf.handleRegister(binding("imsi-001010000000001", "10.45.0.2", "internet"));
            assertThat(bsf.handleDeregister(new BindingDeregisterRequest(r.bindingId())).deleted()).isTrue();
            assertThat(bsf.handleDiscover(new BindingDiscoveryRequest("10.45.0.2", null, null, null, null)).found()).isFalse();
            assertThat(bsf.handleDiscover(new BindingDiscoveryRequest(null, null, null, "imsi-001010000000001", "internet")).found()).isFalse();
            assertThat(bsf.handleDeregister(new BindingDeregisterRequest(r.bindingId())).deleted()).isFalse();
        }

        @Test
        void whenAnotherUeHoldsTheAddress_thenRegisterAnswers403ExistingBindingInfoFound() {
            bsf.handleRegister(binding("imsi-001010000000001", "10.45.0.2", "internet"));
            assertThatThrownBy(() -> bsf.handleRegister(binding("imsi-001010000000002", "10.45.0.2", "internet")))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.problem().cause()).isEqualTo("EXISTING_BINDING_INFO_FOUND");
                    });
        }

        @Test
        void whenTheSameUeRegistersTheAddressAgain_thenTheNewBindingReplacesTheOld() {
            PcfBindingResult first = bsf.handleRegister(binding("imsi-001010000000001", "10.45.0.2", "internet"));
            PcfBindingResult second = bsf.handleRegister(binding("imsi-001010000000001", "10.45.0.2", "internet"));
            assertThat(bsf.handleDiscover(new BindingDiscoveryRequest("10.45.0.2", null, null, null, null)).bindingId()).isEqualTo(second.bindingId());
            assertThat(bsf.handleDeregister(new BindingDeregisterRequest(first.bindingId())).deleted()).isFalse();
        }

        @Test
        void whenTheRequestIsIncomplete_thenTheAnswerIs400() {
            assertThatThrownBy(() -> bsf.handleRegister(binding("imsi-001010000000001", null, "internet")))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> bsf.handleRegister(binding("imsi-001010000000001", "10.45.0.300", "internet")))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> bsf.handleDiscover(new BindingDiscoveryRequest(null, null, null, "imsi-001010000000001", null)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> bsf.handleDeregister(new BindingDeregisterRequest("../x")))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Nested
    class InMemory extends Contract {
        @Override
        KeyValueStore newStore() {
            return TestStores.memory();
        }
    }

    @Nested
    class OnRedis extends Contract {
        @Override
        KeyValueStore newStore() {
            return TestStores.redis();
        }
    }
}
