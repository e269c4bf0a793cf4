package io.liquid5gc.smf;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.smf.N4Session;
import io.liquid5gc.sbi.smf.N4SessionSetupRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionReleaseResponse;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the SMF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties({SmfProperties.class, AmfPeerProperties.class})
public class SmfFunctions {

    @Bean
    SmContextStore smfContexts(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json) {
        return new SmContextStore(store, json.getIfAvailable(JsonMapper::new));
    }

    /**
     * The PFCP associations with the UPFs, when {@code liquid5gc.smf.n4.enabled} (one socket on the SMF's N4 address for
     * all of them).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "liquid5gc.smf.n4.enabled", havingValue = "true")
    UpfAssociations smfUpfAssociations(SmfProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters) throws IOException {
        return new UpfAssociations(properties, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The AMF's N2 side: in this process, else N1N2MessageTransfer over HTTP ({@code liquid5gc.smf.amf.n1n2-url}). */
    @Bean
    AmfN2Side smfAmfN2Side(ObjectProvider<io.liquid5gc.sbi.amf.DownlinkDataNotifier> local, AmfPeerProperties amf,
                           io.liquid5gc.runtime.placement.PlacementProperties placement,
                           ObjectProvider<io.liquid5gc.runtime.security.ConsumerCredentials> credentials, ObjectProvider<ObjectMapper> json) {
        return AmfN2Side.of(local, amf, placement, credentials.getIfAvailable(() -> io.liquid5gc.runtime.security.ConsumerCredentials.NONE),
                json.getIfAvailable(JsonMapper::new));
    }

    @Bean
    N4Sessions smfN4Sessions(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json, SmfProperties properties,
                             ObjectProvider<MeterRegistry> meters, ObjectProvider<UpfAssociations> upf, SmContextStore contexts,
                             AmfN2Side amf, ObjectProvider<PduSessions> pduSessions) {
        UpfAssociations association = upf.getIfAvailable();
        N4Sessions n4 = new N4Sessions(store, json.getIfAvailable(JsonMapper::new), properties,
                meters.getIfAvailable(SimpleMeterRegistry::new), association);
        if (association != null) {
            association.onUpfRestart(nodeId -> n4.restoreAll(contexts, nodeId));
            association.onSessionReport(report -> n4.handleSessionReport(report, contexts, amf.get(),
                    (ctx, ul, dl) -> pduSessions.getObject().reportUsage(ctx, ul, dl)));
            association.start();
        } else {
            LoggerFactory.getLogger(SmfFunctions.class).warn("N4 is off (liquid5gc.smf.n4.enabled=false): PDU sessions are accepted but "
                    + "no UPF is told, so no user data passes; set liquid5gc.smf.n4.enabled=true and liquid5gc.smf.upf.* (or upfs[i].*) for real UPFs");
        }
        return n4;
    }

    @Bean
    @ConditionalOnMissingBean(SubscriptionCheck.class)
    SubscriptionCheck smfSubscriptionCheck(FunctionClient client) {
        return new UdmSubscriptionCheck(client);
    }

    /** Indirect data forwarding in N2 handovers (its timer removes the forwarding rules after completion). */
    @Bean(destroyMethod = "close")
    IndirectForwarding smfIndirectForwarding(SmContextStore contexts, @Qualifier("stateStore") KeyValueStore store, N4Sessions n4,
                                             SmfProperties properties, Clock clock) {
        return new IndirectForwarding(contexts, n4, new PoolAllocator(store), properties, clock);
    }

    @Bean
    PduSessions smfPduSessions(SmContextStore contexts, @Qualifier("stateStore") KeyValueStore store, N4Sessions n4,
                               SubscriptionCheck subscriptions, FunctionClient client, SmfProperties properties, Clock clock,
                               IndirectForwarding forwarding, AmfN2Side amf, ObjectProvider<MeterRegistry> meters) {
        PduSessions sessions = new PduSessions(contexts, store, n4, subscriptions, client, properties, clock, forwarding, amf);
        sessions.meters(meters.getIfAvailable(SimpleMeterRegistry::new));
        return sessions;
    }

    /** {@code smf-pdu-session-create}: PDU session establishment (TS 29.502 Nsmf_PDUSession, TS 23.502 4.3.2). */
    @Bean(name = SmfApi.Names.PDU_SESSION_CREATE)
    Function<PduSessionCreateRequest, PduSessionCreateResponse> smfPduSessionCreate(PduSessions sessions) {
        return sessions::handleCreate;
    }

    /** {@code smf-pdu-session-update}: PDU session update (TS 29.502). */
    @Bean(name = SmfApi.Names.PDU_SESSION_UPDATE)
    Function<PduSessionUpdateRequest, PduSessionUpdateResponse> smfPduSessionUpdate(PduSessions sessions) {
        return sessions::handleUpdate;
    }

    /** {@code smf-pdu-session-release}: PDU session release (TS 29.502, TS 23.502 4.3.4). */
    @Bean(name = SmfApi.Names.PDU_SESSION_RELEASE)
    Function<PduSessionReleaseRequest, PduSessionReleaseResponse> smfPduSessionRelease(PduSessions sessions) {
        return sessions::handleRelease;
    }

    /** {@code smf-n4-session-setup}: N4 session establishment (TS 29.244). */
    @Bean(name = SmfApi.Names.N4_SESSION_SETUP)
    Function<N4SessionSetupRequest, N4Session> smfN4SessionSetup(N4Sessions n4, SmContextStore contexts) {
        return request -> n4.handleSetup(request, contexts);
    }
}
