package io.liquid5gc.pfcp;

import io.liquid5gc.pfcp.GroupedIe.CreateFar;
import io.liquid5gc.pfcp.GroupedIe.CreatePdr;
import io.liquid5gc.pfcp.GroupedIe.CreateQer;
import io.liquid5gc.pfcp.GroupedIe.CreateUrr;
import io.liquid5gc.pfcp.GroupedIe.CreatedPdr;
import io.liquid5gc.pfcp.GroupedIe.DownlinkDataReport;
import io.liquid5gc.pfcp.GroupedIe.RemoveFar;
import io.liquid5gc.pfcp.GroupedIe.RemovePdr;
import io.liquid5gc.pfcp.GroupedIe.RemoveQer;
import io.liquid5gc.pfcp.GroupedIe.RemoveUrr;
import io.liquid5gc.pfcp.GroupedIe.UpdateFar;
import io.liquid5gc.pfcp.GroupedIe.UpdatePdr;
import io.liquid5gc.pfcp.GroupedIe.UpdateQer;
import io.liquid5gc.pfcp.GroupedIe.UpdateUrr;
import io.liquid5gc.pfcp.GroupedIe.UsageReport;
import io.liquid5gc.pfcp.Ie.Cause;
import io.liquid5gc.pfcp.Ie.OffendingIe;
import io.liquid5gc.pfcp.NodeIe.FSeid;
import io.liquid5gc.pfcp.NodeIe.NodeId;
import io.liquid5gc.pfcp.RuleIe.PfcpSmReqFlags;
import io.liquid5gc.pfcp.TunnelIe.PdnType;
import io.liquid5gc.pfcp.UsageIe.ReportType;
import java.util.List;
import java.util.Objects;

/** PFCP session-related messages (TS 29.244 7.5): the header's SEID is the one the receiver allocated. */
public sealed interface SessionMessage extends PfcpMessage {

    /**
     * TS 29.244 7.5.2: PFCP Session Establishment Request: Node ID, CP F-SEID, at least one Create PDR and one Create
     * FAR mandatory; PDN Type conditional (the UPF needs it to use the UE IP Address).
     */
    record SessionEstablishmentRequest(PfcpHeader header, NodeId nodeId, FSeid cpFSeid, List<CreatePdr> createPdrs,
                                       List<CreateFar> createFars, List<CreateUrr> createUrrs, List<CreateQer> createQers,
                                       PdnType pdnType, List<Ie> other) implements SessionMessage {
        public SessionEstablishmentRequest {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(cpFSeid);
            createPdrs = List.copyOf(createPdrs);
            createFars = List.copyOf(createFars);
            createUrrs = List.copyOf(createUrrs);
            createQers = List.copyOf(createQers);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_ESTABLISHMENT_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, cpFSeid, createPdrs, createFars, createUrrs, createQers, pdnType, other);
        }

        static SessionEstablishmentRequest read(PfcpHeader h, Children c) {
            return new SessionEstablishmentRequest(h, c.mandatory(NodeId.class, NodeId.TYPE), c.mandatory(FSeid.class, FSeid.TYPE),
                    c.atLeastOne(CreatePdr.class, CreatePdr.TYPE), c.atLeastOne(CreateFar.class, CreateFar.TYPE),
                    c.all(CreateUrr.class), c.all(CreateQer.class), c.optional(PdnType.class), c.rest());
        }
    }

    /** TS 29.244 7.5.3: PFCP Session Establishment Response: Node ID and Cause mandatory; UP F-SEID when accepted. */
    record SessionEstablishmentResponse(PfcpHeader header, NodeId nodeId, Cause cause, OffendingIe offendingIe, FSeid upFSeid,
                                        List<CreatedPdr> createdPdrs, List<Ie> other) implements SessionMessage {
        public SessionEstablishmentResponse {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(cause);
            createdPdrs = List.copyOf(createdPdrs);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_ESTABLISHMENT_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, cause, offendingIe, upFSeid, createdPdrs, other);
        }

        static SessionEstablishmentResponse read(PfcpHeader h, Children c) {
            return new SessionEstablishmentResponse(h, c.mandatory(NodeId.class, NodeId.TYPE), c.mandatory(Cause.class, Cause.TYPE),
                    c.optional(OffendingIe.class), c.optional(FSeid.class), c.all(CreatedPdr.class), c.rest());
        }
    }

    /** The rule changes of a Session Modification Request, in the order they are encoded. */
    record RuleChanges(List<RemovePdr> removePdrs, List<RemoveFar> removeFars, List<RemoveUrr> removeUrrs,
                       List<RemoveQer> removeQers, List<CreatePdr> createPdrs, List<CreateFar> createFars,
                       List<CreateUrr> createUrrs, List<CreateQer> createQers, List<UpdatePdr> updatePdrs,
                       List<UpdateFar> updateFars, List<UpdateUrr> updateUrrs, List<UpdateQer> updateQers) {
        public static final RuleChanges NONE = new RuleChanges(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        public RuleChanges {
            removePdrs = List.copyOf(removePdrs);
            removeFars = List.copyOf(removeFars);
            removeUrrs = List.copyOf(removeUrrs);
            removeQers = List.copyOf(removeQers);
            createPdrs = List.copyOf(createPdrs);
            createFars = List.copyOf(createFars);
            createUrrs = List.copyOf(createUrrs);
            createQers = List.copyOf(createQers);
            updatePdrs = List.copyOf(updatePdrs);
            updateFars = List.copyOf(updateFars);
            updateUrrs = List.copyOf(updateUrrs);
            updateQers = List.copyOf(updateQers);
        }

        /** Only FAR updates (the common case: a DL tunnel, buffering on and off). */
        public static RuleChanges updatingFars(List<UpdateFar> fars) {
            return new RuleChanges(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), fars, List.of(), List.of());
        }

        List<Object> parts() {
            return List.of(removePdrs, removeFars, removeUrrs, removeQers, createPdrs, createFars, createUrrs, createQers,
                    updatePdrs, updateFars, updateUrrs, updateQers);
        }

        static RuleChanges read(Children c) {
            return new RuleChanges(c.all(RemovePdr.class), c.all(RemoveFar.class), c.all(RemoveUrr.class), c.all(RemoveQer.class),
                    c.all(CreatePdr.class), c.all(CreateFar.class), c.all(CreateUrr.class), c.all(CreateQer.class),
                    c.all(UpdatePdr.class), c.all(UpdateFar.class), c.all(UpdateUrr.class), c.all(UpdateQer.class));
        }
    }

    /** TS 29.244 7.5.4: PFCP Session Modification Request: all IEs conditional. */
    record SessionModificationRequest(PfcpHeader header, FSeid cpFSeid, RuleChanges changes, PfcpSmReqFlags flags,
                                      List<Ie> other) implements SessionMessage {
        public SessionModificationRequest {
            Objects.requireNonNull(changes);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_MODIFICATION_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(cpFSeid, Children.of(changes.parts().toArray()), flags, other);
        }

        static SessionModificationRequest read(PfcpHeader h, Children c) {
            return new SessionModificationRequest(h, c.optional(FSeid.class), RuleChanges.read(c), c.optional(PfcpSmReqFlags.class), c.rest());
        }
    }

    /** TS 29.244 7.5.5: PFCP Session Modification Response: Cause mandatory. */
    record SessionModificationResponse(PfcpHeader header, Cause cause, OffendingIe offendingIe, List<CreatedPdr> createdPdrs,
                                       List<UsageReport> usageReports, List<Ie> other) implements SessionMessage {
        public SessionModificationResponse {
            Objects.requireNonNull(cause);
            createdPdrs = List.copyOf(createdPdrs);
            usageReports = List.copyOf(usageReports);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_MODIFICATION_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(cause, offendingIe, createdPdrs, usageReports, other);
        }

        static SessionModificationResponse read(PfcpHeader h, Children c) {
            return new SessionModificationResponse(h, c.mandatory(Cause.class, Cause.TYPE), c.optional(OffendingIe.class),
                    c.all(CreatedPdr.class), c.all(UsageReport.class), c.rest());
        }
    }

    /** TS 29.244 7.5.6: PFCP Session Deletion Request: no IE needed (the SEID says which session). */
    record SessionDeletionRequest(PfcpHeader header, List<Ie> other) implements SessionMessage {
        public SessionDeletionRequest {
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_DELETION_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return other;
        }

        static SessionDeletionRequest read(PfcpHeader h, Children c) {
            return new SessionDeletionRequest(h, c.rest());
        }
    }

    /** TS 29.244 7.5.7: PFCP Session Deletion Response: Cause mandatory; the final usage reports. */
    record SessionDeletionResponse(PfcpHeader header, Cause cause, OffendingIe offendingIe, List<UsageReport> usageReports,
                                   List<Ie> other) implements SessionMessage {
        public SessionDeletionResponse {
            Objects.requireNonNull(cause);
            usageReports = List.copyOf(usageReports);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_DELETION_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(cause, offendingIe, usageReports, other);
        }

        static SessionDeletionResponse read(PfcpHeader h, Children c) {
            return new SessionDeletionResponse(h, c.mandatory(Cause.class, Cause.TYPE), c.optional(OffendingIe.class),
                    c.all(UsageReport.class), c.rest());
        }
    }

    /** TS 29.244 7.5.8: PFCP Session Report Request: Report Type mandatory; DL data or usage reports per its flags. */
    record SessionReportRequest(PfcpHeader header, ReportType reportType, DownlinkDataReport downlinkDataReport,
                                List<UsageReport> usageReports, List<Ie> other) implements SessionMessage {
        public SessionReportRequest {
            Objects.requireNonNull(reportType);
            usageReports = List.copyOf(usageReports);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_REPORT_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(reportType, downlinkDataReport, usageReports, other);
        }

        static SessionReportRequest read(PfcpHeader h, Children c) {
            return new SessionReportRequest(h, c.mandatory(ReportType.class, ReportType.TYPE), c.optional(DownlinkDataReport.class),
                    c.all(UsageReport.class), c.rest());
        }
    }

    /** TS 29.244 7.5.9: PFCP Session Report Response: Cause mandatory. */
    record SessionReportResponse(PfcpHeader header, Cause cause, OffendingIe offendingIe, List<Ie> other) implements SessionMessage {
        public SessionReportResponse {
            Objects.requireNonNull(cause);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.SESSION_REPORT_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(cause, offendingIe, other);
        }

        static SessionReportResponse read(PfcpHeader h, Children c) {
            return new SessionReportResponse(h, c.mandatory(Cause.class, Cause.TYPE), c.optional(OffendingIe.class), c.rest());
        }
    }
}
