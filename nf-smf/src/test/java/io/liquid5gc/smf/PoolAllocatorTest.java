package io.liquid5gc.smf;

import io.liquid5gc.store.redis.TestStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.store.KeyValueStore;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The pool arithmetic and the allocator on the in-process store (the Redis runs are in the PDU session tests). */
class PoolAllocatorTest {

    @Test
    void whenACidrIsParsed_thenNetworkGatewayAndBroadcastAreNeverGivenOut() {
        Ipv4Pool p = Ipv4Pool.parse("internet", "10.45.7.9/24");
        assertThat(p.size()).isEqualTo(253);
        assertThat(p.addressAt(0)).isEqualTo("10.45.7.2");
        assertThat(p.addressAt(252)).isEqualTo("10.45.7.254");
        assertThatThrownBy(() -> p.addressAt(253)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Pool.parse("x", "10.0.0.0/30")).hasMessageContaining("/8../29");
        assertThatThrownBy(() -> Ipv4Pool.parse("x", "10.0.0/16")).hasMessageContaining("IPv4");
        assertThatThrownBy(() -> new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        java.util.Map.of("liquid5gc.smf.pools.x", "300.0.0.0/16"))).bindOrCreate("liquid5gc.smf", SmfProperties.class))
                .rootCause().hasMessageContaining("IPv4");
    }

    @Test
    void whenThePoolIsFull_thenAllocationFailsAndAFreedOffsetIsReused() {
        KeyValueStore store = TestStores.memory();
        PoolAllocator a = new PoolAllocator(store);
        long o1 = a.allocate("p", 2, "a").orElseThrow();
        long o2 = a.allocate("p", 2, "b").orElseThrow();
        assertThat(o1).isNotEqualTo(o2);
        assertThat(a.allocate("p", 2, "c")).isEqualTo(OptionalLong.empty());
        assertThat(a.used("p")).isEqualTo(2);
        assertThat(a.free("p", o1, "not-the-owner")).isFalse();
        assertThat(a.free("p", o1, "a")).isTrue();
        assertThat(a.free("p", o1, "a")).isFalse();
        assertThat(a.allocate("p", 2, "c")).hasValue(o1);
    }

    @Test
    void whenThePoolConfigurationIsInvalid_thenTheSmfDoesNotStart() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration.class, SmfFunctions.class))
                .withPropertyValues("liquid5gc.store.memory.journal=none");
        runner.run(ctx -> assertThat(ctx).hasNotFailed().hasBean("smf-pdu-session-create"));
        runner.withPropertyValues("liquid5gc.smf.pools.internet=10.45.0.0/31")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("liquid5gc.smf.pools.internet"));
        runner.withPropertyValues("liquid5gc.smf.upf.teid-min=0")
                .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining("teid-min"));
    }
}
