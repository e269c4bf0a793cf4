package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.message.AmfConfigurationUpdate;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.HandoverCancel;
import io.liquid5gc.ngap.message.HandoverNotify;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgReset;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.Paging;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.message.PduSessionResourceModify;
import io.liquid5gc.ngap.message.PduSessionResourceNotify;
import io.liquid5gc.ngap.message.PduSessionResourceRelease;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.message.ProcedureCode;
import io.liquid5gc.ngap.message.RanConfigurationUpdate;
import io.liquid5gc.ngap.message.RanStatusTransfer;
import io.liquid5gc.ngap.message.UeContextModification;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.ngap.message.UeRadioCapabilityInfoIndication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the hand-written IE tables against the R17.9 ASN.1 (read at test time from the shared reference
 * directory, never committed): every typed IE must exist in the message's IE set with the same id, criticality
 * and presence, and every procedure code and procedure criticality must match. Skipped when the ASN.1 file is
 * not available (set -Dngap.asn1=/path/to/NGAP-R17.9.asn to point elsewhere).
 */
class IeTableConsistencyTest {

    static final Path ASN1 = Path.of(System.getProperty("ngap.asn1", "/work/shared/reference/ngap/NGAP-R17.9.asn"));

    /** IE set name -> (id -> "criticality presence"). */
    static Map<String, Map<Integer, String>> ieSets = new HashMap<>();
    static Map<String, Integer> ieIds = new HashMap<>();
    static Map<String, Integer> procedureCodes = new HashMap<>();
    static Map<String, String> procedureCriticality = new HashMap<>();

    @BeforeAll
    static void parse() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(ASN1), "NGAP ASN.1 not available at " + ASN1);
        List<String> lines = Files.readAllLines(ASN1);
        for (String raw : lines) {
            String l = raw.strip();
            String[] t = l.split("\\s+");
            if (t.length == 4 && t[1].equals("ProtocolIE-ID") && t[2].equals("::=")) {
                ieIds.put(t[0], Integer.parseInt(t[3]));
            } else if (t.length == 4 && t[1].equals("ProcedureCode") && t[2].equals("::=")) {
                procedureCodes.put(t[0], Integer.parseInt(t[3]));
            }
        }
        String set = null;
        String lastProcedureCode = null;
        for (String raw : lines) {
            String l = raw.strip();
            if (l.contains("NGAP-PROTOCOL-IES ::= {")) {
                set = l.split("\\s+")[0];
                ieSets.put(set, new LinkedHashMap<>());
                continue;
            }
            if (set != null && l.startsWith("}")) {
                set = null;
            }
            if (set != null && l.contains("ID id-")) {
                String[] t = l.replace("{", " ").replace("}", " ").replace("|", " ").strip().split("\\s+");
                String id = null;
                String crit = null;
                String presence = null;
                for (int i = 0; i + 1 < t.length; i++) {
                    switch (t[i]) {
                        case "ID" -> id = t[i + 1];
                        case "CRITICALITY" -> crit = t[i + 1];
                        case "PRESENCE" -> presence = t[i + 1];
                        default -> { }
                    }
                }
                ieSets.get(set).put(ieIds.get(id), crit + " " + presence);
            }
            if (l.startsWith("PROCEDURE CODE")) {
                lastProcedureCode = l.split("\\s+")[2];
            } else if (l.startsWith("CRITICALITY") && lastProcedureCode != null) {
                procedureCriticality.put(lastProcedureCode, l.split("\\s+")[1]);
                lastProcedureCode = null;
            }
        }
    }

    static final Map<Class<?>, String> SETS = new LinkedHashMap<>();

    static {
        SETS.put(NgSetup.Request.class, "NGSetupRequestIEs");
        SETS.put(NgSetup.Response.class, "NGSetupResponseIEs");
        SETS.put(NgSetup.Failure.class, "NGSetupFailureIEs");
        SETS.put(RanConfigurationUpdate.Request.class, "RANConfigurationUpdateIEs");
        SETS.put(RanConfigurationUpdate.Acknowledge.class, "RANConfigurationUpdateAcknowledgeIEs");
        SETS.put(RanConfigurationUpdate.Failure.class, "RANConfigurationUpdateFailureIEs");
        SETS.put(AmfConfigurationUpdate.Request.class, "AMFConfigurationUpdateIEs");
        SETS.put(AmfConfigurationUpdate.Acknowledge.class, "AMFConfigurationUpdateAcknowledgeIEs");
        SETS.put(AmfConfigurationUpdate.Failure.class, "AMFConfigurationUpdateFailureIEs");
        SETS.put(NgReset.Request.class, "NGResetIEs");
        SETS.put(NgReset.Acknowledge.class, "NGResetAcknowledgeIEs");
        SETS.put(ErrorIndication.class, "ErrorIndicationIEs");
        SETS.put(NasTransport.InitialUeMessage.class, "InitialUEMessage-IEs");
        SETS.put(NasTransport.DownlinkNasTransport.class, "DownlinkNASTransport-IEs");
        SETS.put(NasTransport.UplinkNasTransport.class, "UplinkNASTransport-IEs");
        SETS.put(NasTransport.NasNonDeliveryIndication.class, "NASNonDeliveryIndication-IEs");
        SETS.put(NasTransport.RerouteNasRequest.class, "RerouteNASRequest-IEs");
        SETS.put(InitialContextSetup.Request.class, "InitialContextSetupRequestIEs");
        SETS.put(InitialContextSetup.Response.class, "InitialContextSetupResponseIEs");
        SETS.put(InitialContextSetup.Failure.class, "InitialContextSetupFailureIEs");
        SETS.put(UeContextRelease.Request.class, "UEContextReleaseRequest-IEs");
        SETS.put(UeContextRelease.Command.class, "UEContextReleaseCommand-IEs");
        SETS.put(UeContextRelease.Complete.class, "UEContextReleaseComplete-IEs");
        SETS.put(UeContextModification.Request.class, "UEContextModificationRequestIEs");
        SETS.put(UeContextModification.Response.class, "UEContextModificationResponseIEs");
        SETS.put(UeContextModification.Failure.class, "UEContextModificationFailureIEs");
        SETS.put(UeRadioCapabilityInfoIndication.class, "UERadioCapabilityInfoIndicationIEs");
        SETS.put(PduSessionResourceSetup.Request.class, "PDUSessionResourceSetupRequestIEs");
        SETS.put(PduSessionResourceSetup.Response.class, "PDUSessionResourceSetupResponseIEs");
        SETS.put(PduSessionResourceRelease.Command.class, "PDUSessionResourceReleaseCommandIEs");
        SETS.put(PduSessionResourceRelease.Response.class, "PDUSessionResourceReleaseResponseIEs");
        SETS.put(PduSessionResourceModify.Request.class, "PDUSessionResourceModifyRequestIEs");
        SETS.put(PduSessionResourceModify.Response.class, "PDUSessionResourceModifyResponseIEs");
        SETS.put(PduSessionResourceNotify.class, "PDUSessionResourceNotifyIEs");
        SETS.put(Paging.class, "PagingIEs");
        SETS.put(HandoverPreparation.Required.class, "HandoverRequiredIEs");
        SETS.put(HandoverPreparation.Command.class, "HandoverCommandIEs");
        SETS.put(HandoverPreparation.Failure.class, "HandoverPreparationFailureIEs");
        SETS.put(HandoverResourceAllocation.Request.class, "HandoverRequestIEs");
        SETS.put(HandoverResourceAllocation.Acknowledge.class, "HandoverRequestAcknowledgeIEs");
        SETS.put(HandoverResourceAllocation.Failure.class, "HandoverFailureIEs");
        SETS.put(HandoverNotify.class, "HandoverNotifyIEs");
        SETS.put(HandoverCancel.Request.class, "HandoverCancelIEs");
        SETS.put(HandoverCancel.Acknowledge.class, "HandoverCancelAcknowledgeIEs");
        SETS.put(RanStatusTransfer.Uplink.class, "UplinkRANStatusTransferIEs");
        SETS.put(RanStatusTransfer.Downlink.class, "DownlinkRANStatusTransferIEs");
        SETS.put(PathSwitch.Request.class, "PathSwitchRequestIEs");
        SETS.put(PathSwitch.Acknowledge.class, "PathSwitchRequestAcknowledgeIEs");
        SETS.put(PathSwitch.Failure.class, "PathSwitchRequestFailureIEs");
        SETS.put(io.liquid5gc.ngap.message.Overload.Start.class, "OverloadStartIEs");
        SETS.put(io.liquid5gc.ngap.message.Overload.Stop.class, "OverloadStopIEs");
        SETS.put(io.liquid5gc.ngap.message.AmfStatusIndication.class, "AMFStatusIndicationIEs");
    }

    private static void check(String set, ContainerDescriptor<?> d) {
        Map<Integer, String> asn = ieSets.get(set);
        assertThat(asn).as(set).isNotNull();
        for (IeSpec s : d.specs) {
            String expected = asn.get(s.id);
            assertThat(expected).as(set + ": IE " + s.id + " is not in the ASN.1 set").isNotNull();
            String crit = s.criticality.name().toLowerCase();
            assertThat(expected).as(set + ": IE " + s.id).startsWith(crit + " ");
            if (s.mandatory) {
                assertThat(expected).as(set + ": IE " + s.id + " presence").endsWith("mandatory");
            } else {
                assertThat(expected).as(set + ": IE " + s.id + " presence").doesNotEndWith("mandatory");
            }
        }
        // every mandatory IE of the ASN.1 set is typed (so that a missing one is detected)
        for (Map.Entry<Integer, String> e : asn.entrySet()) {
            if (e.getValue().endsWith("mandatory")) {
                assertThat(d.indexOf(e.getKey())).as(set + ": mandatory IE " + e.getKey() + " not typed").isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void whenMessageIeTablesComparedWithAsn1_thenIdsCriticalitiesAndPresencesMatch() {
        assertThat(SETS.keySet()).containsExactlyInAnyOrderElementsOf(Messages.modelledMessageTypes());
        for (Map.Entry<Class<?>, String> e : SETS.entrySet()) {
            check(e.getValue(), Messages.forClass(e.getKey().asSubclass(io.liquid5gc.ngap.ie.IeContainer.class)));
        }
    }

    @Test
    void whenTransferIeTablesComparedWithAsn1_thenIdsCriticalitiesAndPresencesMatch() {
        check("PDUSessionResourceSetupRequestTransferIEs", SmTransferCodec.SETUP_REQUEST);
        check("PDUSessionResourceModifyRequestTransferIEs", SmTransferCodec.MODIFY_REQUEST);
    }

    @Test
    void whenProcedureCodesComparedWithAsn1_thenCodesAndCriticalitiesMatch() {
        assertThat(procedureCodes).hasSize(ProcedureCode.values().length);
        for (Map.Entry<String, Integer> e : procedureCodes.entrySet()) {
            ProcedureCode pc = ProcedureCode.fromCode(e.getValue());
            assertThat(pc).as(e.getKey()).isNotNull();
            String crit = procedureCriticality.get(e.getKey());
            assertThat(crit).as(e.getKey()).isNotNull();
            assertThat(pc.criticality()).as(e.getKey()).isEqualTo(Criticality.valueOf(crit.toUpperCase()));
        }
    }

    @Test
    void whenIeIdsComparedWithAsn1_thenConstantsAndTheDefinedSetMatch() throws IllegalAccessException {
        for (int id = 0; id <= 400; id++) {
            assertThat(IeIds.isDefined(id)).as("id " + id).isEqualTo(ieIds.containsValue(id));
        }
        for (java.lang.reflect.Field f : IeIds.class.getFields()) {
            if (f.getName().equals("MAX_DEFINED")) {
                continue;
            }
            String asnName = null;
            int v = f.getInt(null);
            for (Map.Entry<String, Integer> e : ieIds.entrySet()) {
                if (e.getValue() == v) {
                    asnName = e.getKey();
                }
            }
            assertThat(asnName).as(f.getName()).isNotNull();
            String normalized = asnName.replace("id-", "").replace("-", "").toUpperCase();
            assertThat(f.getName().replace("_", "")).as(f.getName() + " = " + v + " vs " + asnName)
                    .isEqualToIgnoringCase(normalized.replace("FIVEGSTMSI", "FIVEGSTMSI"));
        }
    }
}
