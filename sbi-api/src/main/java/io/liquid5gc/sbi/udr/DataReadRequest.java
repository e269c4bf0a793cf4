package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * The request of {@code udr-data-read}: Nudr_DataRepository Query (TS 29.504 5.2.2.2) of subscription data sets of
 * one UE.
 *
 * @param ueId        the SUPI ({@code imsi-...})
 * @param dataSets    the data sets wanted
 * @param requester   the NF type of the caller. The UDR gives {@code authentication-subscription} (K, OPc) to the UDM
 *                    only. Here the caller declares itself; with mTLS and OAuth2 (TS 33.501 13.3, 13.4.1) it would
 *                    come from the client certificate / the access token's {@code consumerNfType} and scope instead.
 * @param singleNssai optional filter of sm-data
 * @param dnn         optional filter of sm-data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataReadRequest(String ueId, List<UdrDataSet> dataSets, NfType requester, Snssai singleNssai, String dnn) {

    public DataReadRequest {
        dataSets = dataSets == null ? List.of() : List.copyOf(dataSets);
    }

    public static DataReadRequest of(String ueId, NfType requester, UdrDataSet... sets) {
        return new DataReadRequest(ueId, List.of(sets), requester, null, null);
    }
}
