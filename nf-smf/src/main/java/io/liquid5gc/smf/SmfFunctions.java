package io.liquid5gc.smf;

import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SMF's functions as Spring Cloud Function beans, named as in the contract. An auto-configuration,
 * so that the SMF application and the all-in-one both deploy them by having this jar on the classpath.
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
public class SmfFunctions {

    /** {@code smf-pdu-session-create}: PDU session establishment (TS 29.502 Nsmf_PDUSession, TS 23.502 4.3.2). */
    @Bean(name = "smf-pdu-session-create")
    Function<JsonObject, JsonObject> smfPduSessionCreate() {
        return PendingFunctions.of(SmfApi.PDU_SESSION_CREATE, "PDU session establishment");
    }

    /** {@code smf-pdu-session-update}: PDU session update (TS 29.502). */
    @Bean(name = "smf-pdu-session-update")
    Function<JsonObject, JsonObject> smfPduSessionUpdate() {
        return PendingFunctions.of(SmfApi.PDU_SESSION_UPDATE, "PDU session update");
    }

    /** {@code smf-pdu-session-release}: PDU session release (TS 29.502, TS 23.502 4.3.4). */
    @Bean(name = "smf-pdu-session-release")
    Function<JsonObject, JsonObject> smfPduSessionRelease() {
        return PendingFunctions.of(SmfApi.PDU_SESSION_RELEASE, "PDU session release");
    }

    /** {@code smf-n4-session-setup}: N4 session establishment (TS 29.244). */
    @Bean(name = "smf-n4-session-setup")
    Function<JsonObject, JsonObject> smfN4SessionSetup() {
        return PendingFunctions.of(SmfApi.N4_SESSION_SETUP, "N4 session establishment");
    }
}
