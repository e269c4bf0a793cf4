package io.liquid5gc.pcf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.pcf.PcfApi;
import io.liquid5gc.sbi.pcf.SmPolicyContextData;
import io.liquid5gc.sbi.pcf.SmPolicyControl;
import io.liquid5gc.sbi.pcf.SmPolicyGetRequest;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The PCF's functions as Spring Cloud Function beans, named as in the contract. */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@EnableConfigurationProperties(PcfProperties.class)
public class PcfFunctions {

    @Bean
    SmPolicies pcfSmPolicies(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json, PcfProperties properties) {
        return new SmPolicies(store, json.getIfAvailable(JsonMapper::new), properties);
    }

    /** {@code pcf-policy-create}: Npcf_SMPolicyControl_Create (TS 29.512 4.2.2). */
    @Bean(name = PcfApi.Names.POLICY_CREATE)
    Function<SmPolicyContextData, SmPolicyControl> pcfPolicyCreate(SmPolicies policies) {
        return policies::handleCreate;
    }

    /** {@code pcf-policy-get}: an SM policy association by id (TS 29.512 4.2.5). */
    @Bean(name = PcfApi.Names.POLICY_GET)
    Function<SmPolicyGetRequest, SmPolicyControl> pcfPolicyGet(SmPolicies policies) {
        return policies::handleGet;
    }
}
