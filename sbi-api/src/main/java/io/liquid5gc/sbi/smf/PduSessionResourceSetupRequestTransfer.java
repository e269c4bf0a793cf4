package io.liquid5gc.sbi.smf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.pcf.Ambr;
import java.util.List;

/**
 * PDU Session Resource Setup Request Transfer (TS 38.413 9.3.4.1) as values: the session AMBR, the UPF's N3 tunnel
 * endpoint for the uplink (UL NG-U UP TNL Information), the PDU session type and the QoS flows to set up.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PduSessionResourceSetupRequestTransfer(Ambr pduSessionAggregateMaximumBitRate,
                                                     UpTransportLayerInformation ulNguUpTnlInformation,
                                                     String pduSessionType,
                                                     List<QosFlowSetupRequestItem> qosFlowSetupRequestList) {
}
