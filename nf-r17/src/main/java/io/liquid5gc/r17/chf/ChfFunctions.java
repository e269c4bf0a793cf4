package io.liquid5gc.r17.chf;

import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.chf.ChfApi;
import io.liquid5gc.sbi.chf.ChargingDataRequest;
import io.liquid5gc.sbi.chf.ChargingDataResponse;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CHF's functions (Release 17), deployed unless {@code liquid5gc.nf.chf.enabled=false}; when off,
 * callers skip the CHF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.chf.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChfProperties.class)
public class ChfFunctions {

    @Bean
    ConvergedCharging chfConvergedCharging(@Qualifier("stateStore") KeyValueStore store, ObjectProvider<ObjectMapper> json,
                                           ChfProperties properties, Clock clock) {
        return new ConvergedCharging(store, json.getIfAvailable(JsonMapper::new), properties, clock);
    }

    /** {@code chf-charging-create}: Converged charging create (TS 32.291 Nchf_ConvergedCharging). */
    @Bean(name = ChfApi.Names.CHARGING_CREATE)
    Function<ChargingDataRequest, ChargingDataResponse> chfChargingCreate(ConvergedCharging charging) {
        return charging::handleCreate;
    }

    /** {@code chf-charging-update}: Converged charging update (TS 32.291). */
    @Bean(name = ChfApi.Names.CHARGING_UPDATE)
    Function<ChargingDataRequest, ChargingDataResponse> chfChargingUpdate(ConvergedCharging charging) {
        return charging::handleUpdate;
    }

    /** {@code chf-charging-release}: Converged charging release (TS 32.291). */
    @Bean(name = ChfApi.Names.CHARGING_RELEASE)
    Function<ChargingDataRequest, ChargingDataResponse> chfChargingRelease(ConvergedCharging charging) {
        return charging::handleRelease;
    }
}
