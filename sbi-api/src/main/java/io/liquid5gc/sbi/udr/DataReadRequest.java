package io.liquid5gc.sbi.udr;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * The request of {@code udr-data-read}: Nudr_DataRepository Query (TS 29.504 5.2.2.2) of subscription data sets of
 * one UE. Who asks is not part of the request: the UDR gives {@code authentication-subscription} (K, OPc) to the UDM
 * only, and takes the caller's NF type from its access token (TS 33.501 13.4.1), see
 * {@link io.liquid5gc.sbi.security.Caller}.
 *
 * @param ueId        the SUPI ({@code imsi-...})
 * @param dataSets    the data sets wanted
 * @param singleNssai optional filter of sm-data
 * @param dnn         optional filter of sm-data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataReadRequest(String ueId, List<UdrDataSet> dataSets, Snssai singleNssai, String dnn) {

    public DataReadRequest {
        dataSets = dataSets == null ? List.of() : List.copyOf(dataSets);
    }

    public static DataReadRequest of(String ueId, UdrDataSet... sets) {
        return new DataReadRequest(ueId, List.of(sets), null, null);
    }
}
