package io.liquid5gc.sbi.chf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The CHF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class ChfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String CHARGING_CREATE = "chf-charging-create";
        public static final String CHARGING_UPDATE = "chf-charging-update";
        public static final String CHARGING_RELEASE = "chf-charging-release";

        private Names() {
        }
    }

    /** Nchf_ConvergedCharging_Create (TS 32.291 5.2.2.2): opens a charging data record, grants units per rating group. */
    public static final FunctionSpec<ChargingDataRequest, ChargingDataResponse> CHARGING_CREATE =
            new FunctionSpec<>(Names.CHARGING_CREATE, NfType.CHF, ChargingDataRequest.class, ChargingDataResponse.class, false);

    /** Nchf_ConvergedCharging_Update (TS 32.291 5.2.2.3): consumes the used units, grants more while quota remains. */
    public static final FunctionSpec<ChargingDataRequest, ChargingDataResponse> CHARGING_UPDATE =
            new FunctionSpec<>(Names.CHARGING_UPDATE, NfType.CHF, ChargingDataRequest.class, ChargingDataResponse.class, false);

    /** Nchf_ConvergedCharging_Release (TS 32.291 5.2.2.4): final usage, closes the record. */
    public static final FunctionSpec<ChargingDataRequest, ChargingDataResponse> CHARGING_RELEASE =
            new FunctionSpec<>(Names.CHARGING_RELEASE, NfType.CHF, ChargingDataRequest.class, ChargingDataResponse.class, false);

    private ChfApi() {
    }
}
