package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * ChargingDataRequest (TS 32.291 6.1.6.2.1.1) for Nchf_ConvergedCharging Create/Update/Release (TS 32.291 5.2.2).
 * {@code chargingDataRef} identifies the charging data resource for update and release (in TS 32.291 it is the path
 * segment {@code /chargingdata/{ChargingDataRef}}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChargingDataRequest(String chargingDataRef, String subscriberIdentifier, NfConsumerIdentification nfConsumerIdentification,
                                  Instant invocationTimeStamp, Integer invocationSequenceNumber,
                                  List<MultipleUnitUsage> multipleUnitUsage,
                                  @JsonProperty("pDUSessionChargingInformation") PduSessionChargingInformation pduSessionChargingInformation) {

    public ChargingDataRequest {
        multipleUnitUsage = multipleUnitUsage == null ? List.of() : List.copyOf(multipleUnitUsage);
    }
}
