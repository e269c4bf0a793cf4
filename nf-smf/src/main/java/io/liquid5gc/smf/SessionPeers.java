package io.liquid5gc.smf;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.bsf.BindingDeregisterRequest;
import io.liquid5gc.sbi.bsf.BsfApi;
import io.liquid5gc.sbi.bsf.PcfBinding;
import io.liquid5gc.sbi.chf.ChargingDataRequest;
import io.liquid5gc.sbi.chf.ChargingDataResponse;
import io.liquid5gc.sbi.chf.ChfApi;
import io.liquid5gc.sbi.chf.MultipleUnitUsage;
import io.liquid5gc.sbi.chf.NfConsumerIdentification;
import io.liquid5gc.sbi.chf.PduSessionChargingInformation;
import io.liquid5gc.sbi.chf.RequestedUnit;
import io.liquid5gc.sbi.chf.UsedUnitContainer;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nsacf.AcuOperationItem;
import io.liquid5gc.sbi.nsacf.NsacfApi;
import io.liquid5gc.sbi.nsacf.PduACRequestInfo;
import io.liquid5gc.sbi.nsacf.SliceAdmissionRequest;
import io.liquid5gc.sbi.nsacf.SliceAdmissionResponse;
import io.liquid5gc.sbi.smf.Cause5gsm;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The R17 peers of a PDU session's lifecycle: NSACF admission and its count (TS 23.502 4.2.11.4), converged charging
 * with the CHF (TS 32.255 5.2.2) and the PCF binding in the BSF (TS 29.521). {@link PduSessions} calls them in its
 * establishment (undoing them when a later step fails) and release.
 */
final class SessionPeers {

    private static final Logger log = LoggerFactory.getLogger(SessionPeers.class);

    private final FunctionClient client;
    private final SmfProperties properties;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();

    SessionPeers(FunctionClient client, SmfProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    /** NSAC for the PDU session (TS 23.502 4.2.11.4): fail-closed, a full slice is 5GSM #69 with a back-off timer. */
    void admitPduSession(PduSessionCreateRequest r) {
        SliceAdmissionResponse answer;
        try {
            answer = client.call(NsacfApi.SLICE_AVAILABILITY_CHECK, SliceAdmissionRequest.ofPdu(new PduACRequestInfo(r.supi(),
                    r.anType() == null ? "3GPP_ACCESS" : r.anType(), r.pduSessionId(),
                    List.of(new AcuOperationItem(AcuOperationItem.INCREASE, r.sNssai(), r.servingNetwork())))));
        } catch (ProblemException e) {
            throw new PduSessions.Reject(Cause5gsm.INSUFFICIENT_RESOURCES, 503, "INSUFFICIENT_RESOURCES",
                    "slice admission could not be checked (fail-closed): " + e.getMessage(), null);
        }
        if (!answer.allAdmitted()) {
            throw new PduSessions.Reject(Cause5gsm.INSUFFICIENT_RESOURCES_FOR_SPECIFIC_SLICE, 403, "INSUFFICIENT_RESOURCES_SLICE",
                    "maximum number of PDU sessions reached on " + r.sNssai() + ": " + answer.acuFailureList(), properties.backOffTimer());
        }
    }

    void countPduSessionDown(String supi, int pduSessionId, Snssai snssai, String anType) {
        try {
            client.call(NsacfApi.UPDATE_COUNTERS, SliceAdmissionRequest.ofPdu(new PduACRequestInfo(supi,
                    anType == null ? "3GPP_ACCESS" : anType, pduSessionId, List.of(new AcuOperationItem(AcuOperationItem.DECREASE, snssai, null)))));
        } catch (RuntimeException e) {
            log.warn("NSACF PDU session count of {}-{} on {} not decreased: {}", supi, pduSessionId, snssai, e.getMessage());
        }
    }

    /**
     * Converged charging update (TS 32.255 5.2.2.3) with the volumes the UPF measured since its last report, asking for
     * the next grant; null when it could not be sent (logged: the release reports the rest).
     */
    ChargingDataResponse updateCharging(SmContext ctx, long uplinkOctets, long downlinkOctets) {
        try {
            return client.call(ChfApi.CHARGING_UPDATE, new ChargingDataRequest(ctx.chargingDataRef(), ctx.supi(),
                    new NfConsumerIdentification("SMF", instanceId), clock.instant(), null,
                    List.of(new MultipleUnitUsage(properties.charging().ratingGroup(), RequestedUnit.ofVolume(properties.charging().requestedVolume()),
                            List.of(new UsedUnitContainer(null, uplinkOctets + downlinkOctets, uplinkOctets, downlinkOctets, 1)))),
                    null));
        } catch (RuntimeException e) {
            log.warn("charging update of {} ({} octets) not sent: {}", ctx.chargingDataRef(), uplinkOctets + downlinkOctets, e.getMessage());
            return null;
        }
    }

    /**
     * Converged charging create (TS 32.255 5.2.2.2): a refused grant rejects the session (#31); a CHF that does not
     * answer is skipped (TS 32.255 failure handling CONTINUE) and the session is not charged.
     */
    String openCharging(PduSessionCreateRequest r, String type, String ueIp, long chargingId) {
        ChargingDataResponse answer;
        try {
            answer = client.call(ChfApi.CHARGING_CREATE, new ChargingDataRequest(null, r.supi(),
                    new NfConsumerIdentification("SMF", instanceId), clock.instant(), 1,
                    List.of(new MultipleUnitUsage(properties.charging().ratingGroup(),
                            RequestedUnit.ofVolume(properties.charging().requestedVolume()), List.of())),
                    new PduSessionChargingInformation(chargingId, r.pduSessionId(), r.dnn(), r.sNssai(), type, ueIp)));
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                log.warn("CHF unavailable, PDU session {} of {} continues without charging: {}", r.pduSessionId(), r.supi(), e.getMessage());
                return null;
            }
            throw new PduSessions.Reject(Cause5gsm.REQUEST_REJECTED_UNSPECIFIED, 403, "CHARGING_FAILED", "CHF refused: " + e.getMessage(), null);
        }
        if (!answer.allGranted()) {
            if (answer.chargingDataRef() != null) {
                closeCharging(answer.chargingDataRef(), r.supi());
            }
            throw new PduSessions.Reject(Cause5gsm.REQUEST_REJECTED_UNSPECIFIED, 403, "CHARGING_FAILED",
                    "no quota granted: " + answer.multipleUnitInformation(), null);
        }
        return answer.chargingDataRef();
    }

    void closeCharging(String chargingDataRef, String supi) {
        closeCharging(chargingDataRef, supi, null);
    }

    /** Converged charging release (TS 32.255 5.2.2.4) with the UPF's measured uplink/downlink octets, when there are. */
    void closeCharging(String chargingDataRef, String supi, long[] usedOctets) {
        List<MultipleUnitUsage> usage = usedOctets == null ? List.of() : List.of(new MultipleUnitUsage(properties.charging().ratingGroup(), null,
                List.of(new UsedUnitContainer(null, usedOctets[0] + usedOctets[1], usedOctets[0], usedOctets[1], 1))));
        try {
            client.call(ChfApi.CHARGING_RELEASE, new ChargingDataRequest(chargingDataRef, supi,
                    new NfConsumerIdentification("SMF", instanceId), clock.instant(), null, usage, null));
        } catch (RuntimeException e) {
            log.warn("charging data {} not released: {}", chargingDataRef, e.getMessage());
        }
    }

    /** Nbsf_Management_Register (TS 29.521 5.2.2.2, TS 23.503 6.1.1.2): failures are logged, the session goes on. */
    String registerBinding(PduSessionCreateRequest r, String ueIp) {
        try {
            return client.call(BsfApi.BINDING_REGISTER, new PcfBinding(r.supi(), null, ueIp, null, null, r.dnn(), r.sNssai(),
                    properties.pcfFqdn(), null, null, "NF_SET")).bindingId();
        } catch (RuntimeException e) {
            log.warn("PCF binding of {} ({}) not registered in the BSF: {}", r.supi(), ueIp, e.getMessage());
            return null;
        }
    }

    void deregisterBinding(String bindingId) {
        try {
            client.call(BsfApi.BINDING_DEREGISTER, new BindingDeregisterRequest(bindingId));
        } catch (RuntimeException e) {
            log.warn("PCF binding {} not deregistered: {}", bindingId, e.getMessage());
        }
    }
}
