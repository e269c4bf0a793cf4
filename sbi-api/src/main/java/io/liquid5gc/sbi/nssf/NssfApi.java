package io.liquid5gc.sbi.nssf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The NSSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NssfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String SLICE_SELECT = "nssf-slice-select";

        private Names() {
        }
    }

    /** Nnssf_NSSelection_Get for registration (TS 29.531 5.2.2.2.2). */
    public static final FunctionSpec<NsSelectionRequest, AuthorizedNetworkSliceInfo> SLICE_SELECT =
            new FunctionSpec<>(Names.SLICE_SELECT, NfType.NSSF, NsSelectionRequest.class, AuthorizedNetworkSliceInfo.class, true);

    private NssfApi() {
    }
}
