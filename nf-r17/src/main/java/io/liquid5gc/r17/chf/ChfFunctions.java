package io.liquid5gc.r17.chf;

import io.liquid5gc.sbi.chf.ChfApi;
import io.liquid5gc.runtime.invoke.PendingFunctions;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.JsonObject;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * The CHF's functions (Release 17), deployed unless {@code liquid5gc.nf.chf.enabled=false}; when off,
 * callers skip the CHF (see {@code FunctionClient#isEnabled}).
 */
@AutoConfiguration(afterName = "io.liquid5gc.runtime.autoconfigure.Liquid5gcRuntimeAutoConfiguration")
@ConditionalOnBooleanProperty(name = "liquid5gc.nf.chf.enabled", matchIfMissing = true)
public class ChfFunctions {

    /** {@code chf-charging-create}: Converged charging create (TS 32.291 Nchf_ConvergedCharging). */
    @Bean(name = "chf-charging-create")
    Function<JsonObject, JsonObject> chfChargingCreate() {
        return PendingFunctions.of(ChfApi.CHARGING_CREATE, "Converged charging create");
    }

    /** {@code chf-charging-update}: Converged charging update (TS 32.291). */
    @Bean(name = "chf-charging-update")
    Function<JsonObject, JsonObject> chfChargingUpdate() {
        return PendingFunctions.of(ChfApi.CHARGING_UPDATE, "Converged charging update");
    }

    /** {@code chf-charging-release}: Converged charging release (TS 32.291). */
    @Bean(name = "chf-charging-release")
    Function<JsonObject, JsonObject> chfChargingRelease() {
        return PendingFunctions.of(ChfApi.CHARGING_RELEASE, "Converged charging release");
    }
}
