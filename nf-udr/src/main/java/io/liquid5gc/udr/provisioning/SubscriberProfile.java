package io.liquid5gc.udr.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.udm.Ambr;
import java.util.List;

/**
 * A subscriber as an operator provisions it (REST body, a YAML entry, a CSV row): the IMSI, the USIM's secrets and
 * the slices with their DNNs. {@code count} > 1 provisions that many consecutive IMSIs with the same data. Exactly one
 * of {@code op} and {@code opc}; OPc is computed from OP at provisioning and only OPc is stored. The secrets are never
 * returned: views show {@code "***"}, and {@link #toString()} hides them.
 *
 * @param imsi   5..15 digits ({@code imsi-} prefix allowed)
 * @param k      K, 32 hex digits
 * @param amf    authentication management field, 4 hex digits (default 8000)
 * @param sqn    initial SQN_HE, 12 hex digits (default 000000000000)
 * @param slices default: SST 1 without SD, DNN internet
 * @param msisdn optional, becomes the GPSI msisdn-&lt;digits&gt;
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberProfile(String imsi, Integer count, String k, String op, String opc, String amf, String sqn,
                                List<SliceProfile> slices, String msisdn, Ambr ueAmbr, Ambr sessionAmbr) {

    /**
     * One subscribed S-NSSAI and its DNNs (the first DNN is the slice's default).
     *
     * @param defaultSlice true for a default S-NSSAI of the subscription (when no slice says so, all are)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SliceProfile(Integer sst, String sd, List<String> dnns, Boolean defaultSlice) {
    }

    @Override
    public String toString() {
        return "SubscriberProfile[imsi=" + imsi + ", count=" + count + ", k=***, op=***, opc=***, amf=" + amf + ", sqn=" + sqn
                + ", slices=" + slices + "]";
    }
}
