package io.liquid5gc.proxy;

import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.proxy.n2.N2ShutdownProperties;
import io.liquid5gc.proxy.overload.MeteredAmfCalls;
import io.liquid5gc.proxy.overload.OverloadControl;
import io.liquid5gc.proxy.overload.OverloadProperties;
import io.liquid5gc.proxy.ue.UeSignalling;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The N2 termination, in any application that has this jar (the all-in-one, the proxy application). */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties({ProxyProperties.class, OverloadProperties.class, N2ShutdownProperties.class})
@ConditionalOnBooleanProperty(name = "liquid5gc.proxy.enabled", matchIfMissing = true)
public class NgapProxyAutoConfiguration {

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    io.liquid5gc.proxy.ue.NasTimerScheduler nasTimerScheduler() {
        return io.liquid5gc.proxy.ue.NasTimerScheduler.system();
    }

    /** AMF overload, from the proxy's AMF calls in flight and their latency ({@code liquid5gc.proxy.overload.*}). */
    @Bean(destroyMethod = "close")
    OverloadControl overloadControl(OverloadProperties properties) {
        OverloadControl control = new OverloadControl(properties, System::nanoTime);
        control.startTicker(); // an overload with no more calls ends by time, and the gNBs hear OVERLOAD STOP
        return control;
    }

    @Bean
    UeSignalling ueSignalling(FunctionClient functions, KeyValueStore stateStore, ObjectProvider<ObjectMapper> json,
                              ProxyProperties properties, ObjectProvider<MeterRegistry> meters, io.liquid5gc.proxy.ue.NasTimerScheduler timers,
                              OverloadControl overload, ObjectProvider<io.liquid5gc.runtime.metering.Tenants> tenants) {
        UeSignalling ue = new UeSignalling(new MeteredAmfCalls(functions, overload, System::nanoTime), stateStore,
                json.getIfAvailable(JsonMapper::new), properties, meters.getIfAvailable(SimpleMeterRegistry::new), timers,
                tenants.getIfAvailable(() -> io.liquid5gc.runtime.metering.Tenants.NONE));
        ue.meterWork(overload); // the admission limit keeps the latency of the UEs' work within admission-latency
        return ue;
    }

    /**
     * The SMF's downlink-data notifications (paging, TS 23.502 4.2.3.3) and network-requested PDU session releases
     * (TS 23.502 4.3.4.2) reach the AMF through this proxy in-process.
     */
    @Bean
    io.liquid5gc.sbi.amf.DownlinkDataNotifier proxyDownlinkDataNotifier(UeSignalling ue) {
        return new io.liquid5gc.sbi.amf.DownlinkDataNotifier() {
            @Override
            public boolean notifyDownlinkData(String supi, int pduSessionId) {
                return ue.downlinkData(supi, pduSessionId).isPresent();
            }

            @Override
            public boolean notifyPduSessionReleased(String supi, int pduSessionId, int cause5gsm) {
                return ue.pduSessionReleased(supi, pduSessionId, cause5gsm).isPresent();
            }
        };
    }

    /**
     * {@code POST /namf-comm/v1/ue-contexts/{supi}/n1-n2-messages}: Namf_Communication N1N2MessageTransfer (TS 29.518) for
     * an SMF in another process (downlink data, network-requested release; see {@link N1N2MessageEndpoint}), behind the
     * SBI access token check like the function endpoint.
     */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
    N1N2MessageEndpoint proxyN1N2MessageEndpoint(UeSignalling ue, ObjectProvider<io.liquid5gc.runtime.security.CallerAuthentication> authentication,
                                                 ObjectProvider<ObjectMapper> json) {
        return new N1N2MessageEndpoint(ue, authentication.getIfAvailable(() -> io.liquid5gc.runtime.security.CallerAuthentication.NONE),
                json.getIfAvailable(JsonMapper::new));
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
    org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> proxyN1N2MessageRoutes(N1N2MessageEndpoint endpoint) {
        return endpoint.routes();
    }

    /** {@code POST /proxy/ues/{supi}/deregistration}: the network's own procedures on a UE (see {@link NetworkProceduresEndpoint}). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
    org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> proxyNetworkProcedureRoutes(UeSignalling ue) {
        return new NetworkProceduresEndpoint(ue).routes();
    }

    /** {@code GET /proxy/ran-nodes}, {@code /proxy/ues}, {@code /proxy/procedures}: the read-only live view (see {@link OperatorViewEndpoint}). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.REACTIVE)
    org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> proxyOperatorViewRoutes(N2Server n2, UeSignalling ue) {
        return new OperatorViewEndpoint(n2, ue.inventory()).routes();
    }

    /** {@code /proxy/} is an operator API: function-runtime's operator filter wants the operator's credentials there. */
    @Bean
    io.liquid5gc.runtime.operator.OperatorApi proxyOperatorApi() {
        return new io.liquid5gc.runtime.operator.OperatorApi("network-procedures", "/proxy/");
    }

    /** N2's entries in the start-up WARN block: listeners on all interfaces, no gNB allow-list. */
    @Bean
    io.liquid5gc.proxy.n2.N2SafetyChecks n2SafetyChecks(ProxyProperties properties) {
        return new io.liquid5gc.proxy.n2.N2SafetyChecks(properties);
    }

    @Bean
    N2Server n2Server(ProxyProperties properties, UeSignalling ue, ObjectProvider<MeterRegistry> meters, OverloadControl overload,
                      OverloadProperties overloadProperties, N2ShutdownProperties shutdown) {
        N2Server server = new N2Server(properties, meters.getIfAvailable(SimpleMeterRegistry::new));
        server.attach(ue);
        server.attachOverload(overload, overloadProperties);
        server.shutdown(shutdown);
        return server;
    }
}
