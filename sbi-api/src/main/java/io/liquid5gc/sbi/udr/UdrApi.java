package io.liquid5gc.sbi.udr;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The UDR's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class UdrApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String DATA_READ = "udr-data-read";
        public static final String DATA_WRITE = "udr-data-write";

        private Names() {
        }
    }

    /** Nudr_DataRepository Query of subscription data (TS 29.504 5.2.2.2, data sets of TS 29.505 5.2.2). */
    public static final FunctionSpec<DataReadRequest, SubscriptionData> DATA_READ =
            new FunctionSpec<>(Names.DATA_READ, NfType.UDR, DataReadRequest.class, SubscriptionData.class, true);

    /** Nudr_DataRepository Create/Update/Delete of subscription data, incl. the atomic SQN update. */
    public static final FunctionSpec<DataWriteRequest, DataWriteResult> DATA_WRITE =
            new FunctionSpec<>(Names.DATA_WRITE, NfType.UDR, DataWriteRequest.class, DataWriteResult.class, false);

    private UdrApi() {
    }
}
