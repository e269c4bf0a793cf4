package io.liquid5gc.sbi.nssf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The NSSF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NssfApi {

    /** Nnssf_NSSelection_Get for registration (TS 29.531 5.2.2.2.2). */
    public static final FunctionSpec<NsSelectionRequest, AuthorizedNetworkSliceInfo> SLICE_SELECT =
            new FunctionSpec<>("nssf-slice-select", NfType.NSSF, NsSelectionRequest.class, AuthorizedNetworkSliceInfo.class, true);

    private NssfApi() {
    }
}
