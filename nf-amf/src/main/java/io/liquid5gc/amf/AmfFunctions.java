package io.liquid5gc.amf;

import io.liquid5gc.amf.authentication.ReauthenticationProcedure;
import io.liquid5gc.amf.context.SessionContexts;
import io.liquid5gc.amf.context.UeContexts;
import io.liquid5gc.amf.deregistration.DeregistrationProcedure;
import io.liquid5gc.amf.handover.HandoverProcedure;
import io.liquid5gc.amf.service.ServiceProcedure;
import io.liquid5gc.amf.session.PduSessionRelay;
import io.liquid5gc.amf.session.SessionProperties;
import io.liquid5gc.amf.session.SmfSessions;
import io.liquid5gc.amf.registration.RegistrationProcedure;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AMF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the AMF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties({AmfProperties.class, SessionProperties.class})
public class AmfFunctions {

    @Bean
    UeContexts amfUeContexts(KeyValueStore stateStore, ObjectProvider<ObjectMapper> json, AmfProperties properties) {
        return new UeContexts(stateStore, json.getIfAvailable(JsonMapper::new), properties.contextTtl());
    }

    @Bean
    SessionContexts amfSessionContexts(KeyValueStore stateStore, ObjectProvider<ObjectMapper> json, AmfProperties properties) {
        return new SessionContexts(stateStore, json.getIfAvailable(JsonMapper::new), properties.contextTtl());
    }

    @Bean
    SmfSessions amfSmfSessions(SessionContexts sessions, FunctionClient functions) {
        return new SmfSessions(sessions, functions);
    }

    @Bean
    PduSessionRelay amfPduSessionRelayProcedure(AmfProperties amf, SessionProperties properties, UeContexts contexts, SessionContexts sessions,
                                                FunctionClient functions) {
        return new PduSessionRelay(amf, properties, contexts, sessions, functions);
    }

    @Bean
    DeregistrationProcedure deregistrationProcedure(UeContexts contexts, SmfSessions sessions, AmfProperties properties, FunctionClient functions) {
        io.liquid5gc.amf.registration.SliceSelection slices = new io.liquid5gc.amf.registration.SliceSelection(properties, functions);
        return new DeregistrationProcedure(contexts, sessions, (ue, released) -> slices.releaseUe(ue.supi(), ue.allowedNssai()), properties.tacs().stream()
                .map(tac -> new io.liquid5gc.sbi.amf.DownlinkNas.Tai(new io.liquid5gc.sbi.common.PlmnId(properties.mcc(), properties.mnc()), tac))
                .toList());
    }

    @Bean
    ServiceProcedure serviceProcedure(UeContexts contexts, SessionContexts sessions, SmfSessions smf, FunctionClient functions,
                                      AmfProperties properties) {
        io.liquid5gc.amf.registration.SliceSelection slices = new io.liquid5gc.amf.registration.SliceSelection(properties, functions);
        return new ServiceProcedure(contexts, sessions, smf, functions, ue -> slices.releaseUe(ue.supi(), ue.allowedNssai()), properties.tacs().stream()
                .map(tac -> new io.liquid5gc.sbi.amf.DownlinkNas.Tai(new io.liquid5gc.sbi.common.PlmnId(properties.mcc(), properties.mnc()), tac))
                .toList());
    }

    @Bean
    HandoverProcedure handoverProcedure(UeContexts contexts, SessionContexts sessions, FunctionClient functions) {
        return new HandoverProcedure(contexts, sessions, functions);
    }

    @Bean
    ReauthenticationProcedure reauthenticationProcedure(AmfProperties properties, UeContexts contexts, FunctionClient functions) {
        return new ReauthenticationProcedure(properties, contexts, functions);
    }

    @Bean
    RegistrationProcedure registrationProcedure(AmfProperties properties, UeContexts contexts, FunctionClient functions) {
        return new RegistrationProcedure(properties, contexts, functions);
    }

    /** {@code amf-initial-registration}: Registration (TS 24.501 5.5.1, TS 23.502 4.2.2.2). */
    @Bean(name = AmfApi.Names.INITIAL_REGISTRATION)
    Function<UeRequest, UeResult> amfInitialRegistration(RegistrationProcedure procedure) {
        return procedure::handle;
    }

    /** {@code amf-deregistration}: Deregistration (TS 24.501 5.5.2). */
    @Bean(name = AmfApi.Names.DEREGISTRATION)
    Function<UeRequest, UeResult> amfDeregistration(DeregistrationProcedure procedure) {
        return procedure::handle;
    }

    /** {@code amf-service-request}: Service request (TS 24.501 5.6.1). */
    @Bean(name = AmfApi.Names.SERVICE_REQUEST)
    Function<UeRequest, UeResult> amfServiceRequest(ServiceProcedure procedure) {
        return procedure::handle;
    }

    /** {@code amf-pdu-session-relay}: PDU session relay to the SMF (TS 23.502 4.3.2). */
    @Bean(name = AmfApi.Names.PDU_SESSION_RELAY)
    Function<UeRequest, UeResult> amfPduSessionRelay(PduSessionRelay relay) {
        return relay::handle;
    }

    /** {@code amf-handover}: N2 handover and Xn path switch (TS 23.502 4.9). */
    @Bean(name = AmfApi.Names.HANDOVER)
    Function<UeRequest, UeResult> amfHandover(HandoverProcedure procedure) {
        return procedure::handle;
    }

    /** {@code amf-auth-initiate}: Authentication initiation (TS 33.501 6.1.2). */
    @Bean(name = AmfApi.Names.AUTH_INITIATE)
    Function<UeRequest, UeResult> amfAuthInitiate(ReauthenticationProcedure procedure) {
        return procedure::handle;
    }
}
