package io.liquid5gc.sbi.udr;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The UDR's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class UdrApi {

    /** Nudr_DataRepository Query of subscription data (TS 29.504 5.2.2.2, data sets of TS 29.505 5.2.2). */
    public static final FunctionSpec<DataReadRequest, SubscriptionData> DATA_READ =
            new FunctionSpec<>("udr-data-read", NfType.UDR, DataReadRequest.class, SubscriptionData.class, true);

    /** Nudr_DataRepository Create/Update/Delete of subscription data, incl. the atomic SQN update. */
    public static final FunctionSpec<DataWriteRequest, DataWriteResult> DATA_WRITE =
            new FunctionSpec<>("udr-data-write", NfType.UDR, DataWriteRequest.class, DataWriteResult.class, false);

    private UdrApi() {
    }
}
