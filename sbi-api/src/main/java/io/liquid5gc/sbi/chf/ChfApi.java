package io.liquid5gc.sbi.chf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The CHF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class ChfApi {

    /** Nchf_ConvergedCharging_Create (TS 32.291 5.2.2.2): opens a charging data record, grants units per rating group. */
    public static final FunctionSpec<ChargingDataRequest, ChargingDataResponse> CHARGING_CREATE =
            new FunctionSpec<>("chf-charging-create", NfType.CHF, ChargingDataRequest.class, ChargingDataResponse.class, false);

    /** Nchf_ConvergedCharging_Update (TS 32.291 5.2.2.3): consumes the used units, grants more while quota remains. */
    public static final FunctionSpec<ChargingDataRequest, ChargingDataResponse> CHARGING_UPDATE =
            new FunctionSpec<>("chf-charging-update", NfType.CHF, ChargingDataRequest.class, ChargingDataResponse.class, false);

    /** Nchf_ConvergedCharging_Release (TS 32.291 5.2.2.4): final usage, closes the record. */
    public static final FunctionSpec<ChargingDataRequest, ChargingDataResponse> CHARGING_RELEASE =
            new FunctionSpec<>("chf-charging-release", NfType.CHF, ChargingDataRequest.class, ChargingDataResponse.class, false);

    private ChfApi() {
    }
}
