package io.liquid5gc.sbi.nsacf;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;

/** The NSACF's functions: names, request and response types. Listed in {@link io.liquid5gc.sbi.Functions}. */
public final class NsacfApi {

    /** The functions' names as compile-time constants, for {@code @Bean(name = ...)} in the NF that implements them. */
    public static final class Names {
        public static final String SLICE_AVAILABILITY_CHECK = "nsacf-slice-availability-check";
        public static final String UPDATE_COUNTERS = "nsacf-update-counters";

        private Names() {
        }
    }

    /**
     * Admission (TS 29.536 5.2.2.2 NumOfUEsUpdate / 5.2.2.3 NumOfPDUsUpdate with updateFlag INCREASE, TS 23.502 4.2.11.2):
     * checks the slice's quota and counts the UE / PDU session when admitted. Idempotent per UE / PDU session.
     * Fail-closed: when the counters cannot be read or written the answer is a 503 problem, never an admission.
     */
    public static final FunctionSpec<SliceAdmissionRequest, SliceAdmissionResponse> SLICE_AVAILABILITY_CHECK =
            new FunctionSpec<>(Names.SLICE_AVAILABILITY_CHECK, NfType.NSACF, SliceAdmissionRequest.class, SliceAdmissionResponse.class, false);

    /**
     * Counter update with each operation's updateFlag: DECREASE on deregistration / PDU session release (never below
     * zero, only for a UE / session that was counted), INCREASE as in the check.
     */
    public static final FunctionSpec<SliceAdmissionRequest, SliceAdmissionResponse> UPDATE_COUNTERS =
            new FunctionSpec<>(Names.UPDATE_COUNTERS, NfType.NSACF, SliceAdmissionRequest.class, SliceAdmissionResponse.class, false);

    private NsacfApi() {
    }
}
