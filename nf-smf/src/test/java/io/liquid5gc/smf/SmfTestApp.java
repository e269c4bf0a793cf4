package io.liquid5gc.smf;

import io.liquid5gc.store.redis.TestStores;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.udm.DnnConfiguration;
import io.liquid5gc.sbi.udm.SessionManagementSubscriptionData;
import io.liquid5gc.sbi.udm.SubscriberDataRequest;
import io.liquid5gc.sbi.udm.SubscriptionDataSets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The SMF with the PCF and the Release 17 NFs in one process (all {@code local}), and a UDM stand-in that answers
 * {@code udm-get-subscriber-data} with the subscriptions of the test subscribers: SUPIs starting with imsi-99 are
 * unknown; every other SUPI has slice 1-010203 (DNNs internet, tiny, ims), slice 2 (internet) and slice 4 (internet).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SmfTestApp {

    static final Snssai EMBB = new Snssai(1, "010203");
    static final Snssai QUOTA_SLICE = new Snssai(2, null);
    static final Snssai NOT_SUBSCRIBED = new Snssai(3, null);
    static final Snssai LOAD_SLICE = new Snssai(4, null);

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean(name = "udm-get-subscriber-data")
    Function<SubscriberDataRequest, SubscriptionDataSets> udmStandIn() {
        return r -> {
            if (r.supi().startsWith("imsi-99")) {
                throw ProblemException.notFound("USER_NOT_FOUND", "unknown " + r.supi());
            }
            DnnConfiguration ipv4 = new DnnConfiguration(new DnnConfiguration.PduSessionTypes("IPV4", List.of("IPV4", "IPV4V6")),
                    new DnnConfiguration.SscModes("SSC_MODE_1", List.of("SSC_MODE_1")),
                    new DnnConfiguration.SubscribedDefaultQos(9, new DnnConfiguration.Arp(8, "NOT_PREEMPT", "PREEMPTABLE"), null),
                    new io.liquid5gc.sbi.udm.Ambr("100 Mbps", "200 Mbps"));
            Map<String, DnnConfiguration> embb = new LinkedHashMap<>();
            embb.put("internet", ipv4);
            embb.put("tiny", ipv4);
            embb.put("ims", ipv4);
            List<SessionManagementSubscriptionData> sm = new ArrayList<>(List.of(
                    new SessionManagementSubscriptionData(EMBB, embb),
                    new SessionManagementSubscriptionData(QUOTA_SLICE, Map.of("internet", ipv4)),
                    new SessionManagementSubscriptionData(LOAD_SLICE, Map.of("internet", ipv4))));
            if (r.singleNssai() != null) {
                sm.removeIf(s -> !s.singleNssai().equals(r.singleNssai()));
            }
            return new SubscriptionDataSets(null, null, sm);
        };
    }

    /** Starts the test core with the common settings plus {@code extra}. */
    static ConfigurableApplicationContext start(String... extra) {
        return start(new org.springframework.context.ApplicationContextInitializer<?>[0], extra);
    }

    /** With initializers, e.g. one registering a token issuer bean. */
    static ConfigurableApplicationContext start(org.springframework.context.ApplicationContextInitializer<?>[] initializers, String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "liquid5gc.store.memory.journal=none",
                "liquid5gc.smf.pools.internet=10.45.0.0/16",
                "liquid5gc.smf.pools.tiny=10.99.0.0/29",
                "liquid5gc.smf.upf.n3-address=192.0.2.8",
                "liquid5gc.smf.upf.teid-min=4096",
                "liquid5gc.pcf.policies[0].sst=1",
                "liquid5gc.pcf.policies[0].sd=010203",
                "liquid5gc.pcf.policies[0].dnn=internet",
                "liquid5gc.pcf.policies[0].five-qi=8",
                "liquid5gc.pcf.policies[0].session-ambr-uplink=50 Mbps",
                "liquid5gc.pcf.policies[0].session-ambr-downlink=150 Mbps",
                "liquid5gc.nsacf.slices[0].sst=2",
                "liquid5gc.nsacf.slices[0].max-num-pdus=2",
                "liquid5gc.nsacf.slices[1].sst=4",
                "liquid5gc.nsacf.slices[1].max-num-pdus=1000",
                "liquid5gc.chf.subscribers[0].supi=imsi-001010000000666",
                "liquid5gc.chf.subscribers[0].rating-group=1",
                "liquid5gc.chf.subscribers[0].quota=0",
                "liquid5gc.nwdaf.collection-interval=0"));
        if (java.util.Arrays.stream(extra).anyMatch(e -> e.startsWith("liquid5gc.smf.upfs["))) {
            props.removeIf(p -> p.startsWith("liquid5gc.smf.upf.")); // several UPFs replace the one
        }
        props.addAll(List.of(extra));
        return new SpringApplicationBuilder(SmfTestApp.class).web(WebApplicationType.NONE)
                .properties(props.toArray(String[]::new)).initializers(initializers).run();
    }

    static String[] redis() {
        return new String[] {"liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + TestStores.redisUrl(),
                "liquid5gc.store.redis.key-prefix=" + TestStores.freshPrefix(), "liquid5gc.store.redis.check-settings=false"};
    }
}
