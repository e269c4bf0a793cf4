package io.liquid5gc.pfcp;

import io.liquid5gc.pfcp.Ie.Cause;
import io.liquid5gc.pfcp.NodeIe.CpFunctionFeatures;
import io.liquid5gc.pfcp.NodeIe.NodeId;
import io.liquid5gc.pfcp.NodeIe.RecoveryTimeStamp;
import io.liquid5gc.pfcp.NodeIe.UpFunctionFeatures;
import java.util.List;
import java.util.Objects;

/** PFCP node-related messages (TS 29.244 7.4): no SEID in the header. */
public sealed interface NodeMessage extends PfcpMessage {

    /** TS 29.244 7.4.2.1: Heartbeat Request: Recovery Time Stamp mandatory. */
    record HeartbeatRequest(PfcpHeader header, RecoveryTimeStamp recoveryTimeStamp, List<Ie> other) implements NodeMessage {
        public HeartbeatRequest {
            Objects.requireNonNull(recoveryTimeStamp);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.HEARTBEAT_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(recoveryTimeStamp, other);
        }

        static HeartbeatRequest read(PfcpHeader h, Children c) {
            return new HeartbeatRequest(h, c.mandatory(RecoveryTimeStamp.class, RecoveryTimeStamp.TYPE), c.rest());
        }
    }

    /** TS 29.244 7.4.2.2: Heartbeat Response: Recovery Time Stamp mandatory. */
    record HeartbeatResponse(PfcpHeader header, RecoveryTimeStamp recoveryTimeStamp, List<Ie> other) implements NodeMessage {
        public HeartbeatResponse {
            Objects.requireNonNull(recoveryTimeStamp);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.HEARTBEAT_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(recoveryTimeStamp, other);
        }

        static HeartbeatResponse read(PfcpHeader h, Children c) {
            return new HeartbeatResponse(h, c.mandatory(RecoveryTimeStamp.class, RecoveryTimeStamp.TYPE), c.rest());
        }
    }

    /** TS 29.244 7.4.4.1: PFCP Association Setup Request: Node ID and Recovery Time Stamp mandatory. */
    record AssociationSetupRequest(PfcpHeader header, NodeId nodeId, RecoveryTimeStamp recoveryTimeStamp,
                                   UpFunctionFeatures upFunctionFeatures, CpFunctionFeatures cpFunctionFeatures,
                                   List<Ie> other) implements NodeMessage {
        public AssociationSetupRequest {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(recoveryTimeStamp);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.ASSOCIATION_SETUP_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, recoveryTimeStamp, upFunctionFeatures, cpFunctionFeatures, other);
        }

        static AssociationSetupRequest read(PfcpHeader h, Children c) {
            return new AssociationSetupRequest(h, c.mandatory(NodeId.class, NodeId.TYPE),
                    c.mandatory(RecoveryTimeStamp.class, RecoveryTimeStamp.TYPE), c.optional(UpFunctionFeatures.class),
                    c.optional(CpFunctionFeatures.class), c.rest());
        }
    }

    /** TS 29.244 7.4.4.2: PFCP Association Setup Response: Node ID, Cause and Recovery Time Stamp mandatory. */
    record AssociationSetupResponse(PfcpHeader header, NodeId nodeId, Cause cause, RecoveryTimeStamp recoveryTimeStamp,
                                    UpFunctionFeatures upFunctionFeatures, CpFunctionFeatures cpFunctionFeatures,
                                    List<Ie> other) implements NodeMessage {
        public AssociationSetupResponse {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(cause);
            Objects.requireNonNull(recoveryTimeStamp);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.ASSOCIATION_SETUP_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, cause, recoveryTimeStamp, upFunctionFeatures, cpFunctionFeatures, other);
        }

        static AssociationSetupResponse read(PfcpHeader h, Children c) {
            return new AssociationSetupResponse(h, c.mandatory(NodeId.class, NodeId.TYPE), c.mandatory(Cause.class, Cause.TYPE),
                    c.mandatory(RecoveryTimeStamp.class, RecoveryTimeStamp.TYPE), c.optional(UpFunctionFeatures.class),
                    c.optional(CpFunctionFeatures.class), c.rest());
        }
    }

    /** TS 29.244 7.4.4.3: PFCP Association Update Request: Node ID mandatory. */
    record AssociationUpdateRequest(PfcpHeader header, NodeId nodeId, UpFunctionFeatures upFunctionFeatures,
                                    CpFunctionFeatures cpFunctionFeatures, List<Ie> other) implements NodeMessage {
        public AssociationUpdateRequest {
            Objects.requireNonNull(nodeId);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.ASSOCIATION_UPDATE_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, upFunctionFeatures, cpFunctionFeatures, other);
        }

        static AssociationUpdateRequest read(PfcpHeader h, Children c) {
            return new AssociationUpdateRequest(h, c.mandatory(NodeId.class, NodeId.TYPE), c.optional(UpFunctionFeatures.class),
                    c.optional(CpFunctionFeatures.class), c.rest());
        }
    }

    /** TS 29.244 7.4.4.4: PFCP Association Update Response: Node ID and Cause mandatory. */
    record AssociationUpdateResponse(PfcpHeader header, NodeId nodeId, Cause cause, UpFunctionFeatures upFunctionFeatures,
                                     CpFunctionFeatures cpFunctionFeatures, List<Ie> other) implements NodeMessage {
        public AssociationUpdateResponse {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(cause);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.ASSOCIATION_UPDATE_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, cause, upFunctionFeatures, cpFunctionFeatures, other);
        }

        static AssociationUpdateResponse read(PfcpHeader h, Children c) {
            return new AssociationUpdateResponse(h, c.mandatory(NodeId.class, NodeId.TYPE), c.mandatory(Cause.class, Cause.TYPE),
                    c.optional(UpFunctionFeatures.class), c.optional(CpFunctionFeatures.class), c.rest());
        }
    }

    /** TS 29.244 7.4.4.5: PFCP Association Release Request: Node ID mandatory. */
    record AssociationReleaseRequest(PfcpHeader header, NodeId nodeId, List<Ie> other) implements NodeMessage {
        public AssociationReleaseRequest {
            Objects.requireNonNull(nodeId);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.ASSOCIATION_RELEASE_REQUEST;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, other);
        }

        static AssociationReleaseRequest read(PfcpHeader h, Children c) {
            return new AssociationReleaseRequest(h, c.mandatory(NodeId.class, NodeId.TYPE), c.rest());
        }
    }

    /** TS 29.244 7.4.4.6: PFCP Association Release Response: Node ID and Cause mandatory. */
    record AssociationReleaseResponse(PfcpHeader header, NodeId nodeId, Cause cause, List<Ie> other) implements NodeMessage {
        public AssociationReleaseResponse {
            Objects.requireNonNull(nodeId);
            Objects.requireNonNull(cause);
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.ASSOCIATION_RELEASE_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return Children.of(nodeId, cause, other);
        }

        static AssociationReleaseResponse read(PfcpHeader h, Children c) {
            return new AssociationReleaseResponse(h, c.mandatory(NodeId.class, NodeId.TYPE), c.mandatory(Cause.class, Cause.TYPE), c.rest());
        }
    }

    /** TS 29.244 7.4.4.7: Version Not Supported Response: the header only, answering a request of another version. */
    record VersionNotSupportedResponse(PfcpHeader header, List<Ie> other) implements NodeMessage {
        public VersionNotSupportedResponse {
            other = List.copyOf(other);
        }

        @Override
        public MessageType type() {
            return MessageType.VERSION_NOT_SUPPORTED_RESPONSE;
        }

        @Override
        public List<Ie> ies() {
            return other;
        }

        static VersionNotSupportedResponse read(PfcpHeader h, Children c) {
            return new VersionNotSupportedResponse(h, c.rest());
        }
    }
}
