package io.liquid5gc.smf;

import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.SubscribedDefaultQos;
import io.liquid5gc.sbi.smf.Cause5gsm;
import java.util.List;

/**
 * The SM subscription check of PDU session establishment (TS 23.502 4.3.2.2.1 step 4: Nudm_SDM_Get of the session
 * management subscription data for the SUPI, S-NSSAI and DNN). {@link UdmSubscriptionCheck} asks the UDM through the
 * function client.
 */
interface SubscriptionCheck {

    /**
     * The subscription of the UE for the slice and DNN.
     *
     * @throws Rejected with the 5GSM cause to answer when there is none (or it cannot be obtained)
     */
    SmSubscription check(String supi, Snssai sNssai, String dnn);

    /** What the SMF needs of a DnnConfiguration (TS 29.503 6.1.6.2.12). */
    record SmSubscription(String defaultSessionType, List<String> allowedSessionTypes, String defaultSscMode,
                          List<String> allowedSscModes, Ambr sessionAmbr, SubscribedDefaultQos defaultQos) {
    }

    /** No subscription for this session: the 5GSM cause and the TS 29.502 application error. */
    final class Rejected extends RuntimeException {

        private final Cause5gsm cause;
        private final String problemCause;

        Rejected(Cause5gsm cause, String problemCause, String detail) {
            super(detail, null, false, false);
            this.cause = cause;
            this.problemCause = problemCause;
        }

        Cause5gsm cause() {
            return cause;
        }

        String problemCause() {
            return problemCause;
        }
    }
}
