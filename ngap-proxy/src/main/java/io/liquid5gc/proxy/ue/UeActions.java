package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.GprsTimer;
import io.liquid5gc.nas.ie.PayloadContainerType;
import io.liquid5gc.nas.mm.GmmCause;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseMisc;
import io.liquid5gc.ngap.ie.CauseNas;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.Guami;
import io.liquid5gc.ngap.ie.HandoverType;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.SecurityContext;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UeAggregateMaximumBitRate;
import io.liquid5gc.ngap.ie.UeNgapIds;
import io.liquid5gc.ngap.message.ErrorIndication;
import io.liquid5gc.ngap.message.HandoverCancel;
import io.liquid5gc.ngap.message.HandoverPreparation;
import io.liquid5gc.ngap.message.HandoverResourceAllocation;
import io.liquid5gc.ngap.message.InitialContextSetup;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.Paging;
import io.liquid5gc.ngap.message.PathSwitch;
import io.liquid5gc.ngap.message.PduSessionResourceModify;
import io.liquid5gc.ngap.message.PduSessionResourceRelease;
import io.liquid5gc.ngap.message.PduSessionResourceSetup;
import io.liquid5gc.ngap.message.UeContextModification;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.ngap.transfer.HandoverCommandTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestAcknowledgeTransfer;
import io.liquid5gc.ngap.transfer.PathSwitchRequestUnsuccessfulTransfer;
import io.liquid5gc.ngap.transfer.PduSessionResourceReleaseCommandTransfer;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.n2.NonUeProcedures;
import io.liquid5gc.proxy.n2.RanLink;
import io.liquid5gc.runtime.store.StoreException;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.FiveGGuti;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.kdf.AccessType;
import io.liquid5gc.security.kdf.KeyHierarchy;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes what the AMF answers ({@link UeAction}) on a UE: the NAS message protected and sent in a DOWNLINK NAS
 * TRANSPORT under its NAS timer, and the NGAP procedures the AMF asked for (TS 38.413 8.2 PDU session management,
 * 8.3 UE context management, 8.4 mobility with the NH/NCC chain of TS 33.501 6.9.2, 8.5 paging), one {@code send*}
 * method each.
 */
final class UeActions implements NasTimers.Expiry {

    private static final Logger log = LoggerFactory.getLogger(UeActions.class);

    private final UeConnections connections;
    private final UeNasSecurity security;
    private final UeMetrics metrics;
    private final Guami guami;
    private final NasTimers timers;
    private volatile Function<String, RanLink> ranByName = name -> null;
    private volatile Supplier<List<RanLink>> allRanNodes = List::of;
    private volatile BiConsumer<UeN2, NasTimer> lastExpiry = (ue, timer) -> log.warn("{}: {} expired; nobody to tell", ue, timer);

    /**
     * The gNB and UE NGAP ids an N2 message of the UE came with (a handover's target, say, before the UE is reached
     * through it): where an {@link UeAction.ErrorIndication} about that message goes. Null: the UE's own connection.
     */
    record Sender(RanLink ran, long amfUeNgapId, long ranUeNgapId) {
    }

    UeActions(UeConnections connections, UeNasSecurity security, UeMetrics metrics, Guami guami, ProxyProperties.NasTimers configured,
              NasTimerScheduler scheduler) {
        this.connections = connections;
        this.security = security;
        this.metrics = metrics;
        this.guami = guami;
        this.timers = new NasTimers(configured, scheduler, connections, metrics, this);
    }

    NasTimers timers() {
        return timers;
    }

    /** How to find a connected RAN node by its name (handover targets) and all of them (paging). */
    void ranDirectory(Function<String, RanLink> directory, Supplier<List<RanLink>> all) {
        this.ranByName = directory;
        this.allRanNodes = all;
    }

    void execute(UeN2 ue, UeAction action, Sender sender) {
        switch (action) {
            case UeAction.SendNas s -> sendDownlinkNas(ue, s.message(), s.protection());
            case UeAction.InitialContextSetup ics -> sendInitialContextSetupRequest(ue, ics);
            case UeAction.PduSessionResourceSetup setup -> sendPduSessionResourceSetupRequest(ue, setup);
            case UeAction.PduSessionResourceRelease release -> sendPduSessionResourceReleaseCommand(ue, release);
            case UeAction.PduSessionResourceModify modify -> sendPduSessionResourceModifyRequest(ue, modify);
            case UeAction.ReleaseUe r -> sendUeContextReleaseCommand(ue, r);
            case UeAction.HandoverRequest h -> sendHandoverRequest(ue, h);
            case UeAction.HandoverCommand c -> sendHandoverCommand(ue, c);
            case UeAction.HandoverPreparationFailure f -> sendHandoverPreparationFailure(ue, NgapCauses.toNgap(f.cause()));
            case UeAction.ReleaseHandoverSource r -> completeHandover(ue);
            case UeAction.HandoverCancelAcknowledge a -> sendHandoverCancelAcknowledge(ue);
            case UeAction.PathSwitchRequestAcknowledge a -> sendPathSwitchRequestAcknowledge(ue, a);
            case UeAction.Page p -> sendPaging(p);
            case UeAction.RefreshAsKeys k -> sendUeContextModificationRequest(ue, k);
            case UeAction.PathSwitchRequestFailure f -> sendPathSwitchRequestFailure(ue, f);
            case UeAction.ErrorIndication e -> sendErrorIndication(ue, sender, e);
        }
    }

    // ---- NAS ----

    /** DOWNLINK NAS TRANSPORT (TS 38.413 8.6.2). */
    private void sendDownlinkNas(UeN2 ue, DownlinkNas message, UeAction.Protection protection) {
        GmmMessage gmm = NasMapping.toGmm(message);
        if (message instanceof DownlinkNas.DlNasTransport t && t.sm() == null && ue.lastUplinkSm != null) {
            // TS 24.501 5.4.5.3.1: a 5GSM message the AMF could not forward goes back to the UE in the container
            gmm = new GmmMessage.DlNasTransport(PayloadContainerType.N1_SM_INFORMATION, ue.lastUplinkSm, t.pduSessionId(),
                    null, ((GmmMessage.DlNasTransport) gmm).cause(), null, List.of());
        }
        byte[] pdu = security.protect(ue, NasCodec.encode(gmm), protection);
        timers.start(ue, message, protection); // started before the message can be answered
        sendDownlinkNasTransport(ue, pdu);
    }

    /**
     * REGISTRATION REJECT with 5GMM cause #22 congestion and T3346 (TS 24.501 5.5.1.2.5, 5.3.9), plain (no security
     * context exists on this connection; the UE accepts it, 4.4.4.2), then the release of the NG connection: an
     * overloaded AMF turns the UE away before any function runs.
     */
    void sendRegistrationRejectForCongestion(RanLink ran, long ranUeNgapId, UeLocation location,
                                             java.time.Duration backOff) {
        UeN2 ue;
        try {
            ue = new UeN2(connections.allocateAmfUeNgapId(), ranUeNgapId, ran, location);
        } catch (StoreException e) {
            sendErrorIndicationStoreUnavailable(ran, ranUeNgapId, e);
            return;
        }
        metrics.count("congestion_reject");
        sendDownlinkNasTransport(ue, NasCodec.encode(new GmmMessage.RegistrationReject(GmmCause.CONGESTION,
                GprsTimer.seconds((int) backOff.toSeconds()), null, null, List.of())));
        sendUeContextReleaseCommand(ue, new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
    }

    /**
     * An Initial UE Message for which the store does not answer (no AMF UE NGAP ID, no UE context): as for one over the
     * rate, ERROR INDICATION with the RAN UE NGAP ID, misc control-processing-overload (TS 38.413 8.7.4.2, 9.3.1.2); the
     * gNB releases the RRC connection and the UE tries again (TS 24.501 5.5.1.2.7 b).
     */
    void sendErrorIndicationStoreUnavailable(RanLink ran, long ranUeNgapId, RuntimeException why) {
        log.warn("Initial UE Message from {} (RAN UE NGAP ID {}) not admitted: {}", ran.describe(), ranUeNgapId, why.getMessage());
        metrics.count("initial_store_unavailable");
        ran.sendUeAssociated(NonUeProcedures.buildErrorIndicationUeNotAdmitted(ranUeNgapId), ranUeNgapId);
    }

    static void sendDownlinkNasTransport(UeN2 ue, byte[] pdu) {
        ue.ran.sendUeAssociated(new NasTransport.DownlinkNasTransport(ue.amfUeNgapId, ue.ranUeNgapId, null, NgapMessage.ABSENT,
                Octets.wrap(pdu), null, null, List.of()), ue.ranUeNgapId);
    }

    @Override
    public void retransmit(UeN2 ue, UeN2.PendingNas pending) {
        // the downlink NAS COUNT moves on: saved before the message leaves, as after every event (another proxy may get the answer)
        io.liquid5gc.proxy.n2.HeldSends.holding(() -> {
            sendDownlinkNasTransport(ue, security.protect(ue, NasCodec.encode(NasMapping.toGmm(pending.message)), pending.protection, false));
            return null;
        }, r -> {
            try {
                connections.persist(ue);
            } catch (io.liquid5gc.runtime.store.StoreException e) {
                log.debug("{}: state after the retransmission not saved: {}", ue, e.getMessage());
            }
        });
    }

    @Override
    public void expired(UeN2 ue, NasTimer timer) {
        lastExpiry.accept(ue, timer);
    }

    /** Where the last expiry of a NAS timer goes (the AMF function owning the UE's procedure, {@link AmfRouting}). */
    void onLastExpiry(BiConsumer<UeN2, NasTimer> handler) {
        this.lastExpiry = handler;
    }

    private Octets protectedNas(UeN2 ue, DownlinkNas nas) {
        return nas == null ? null : Octets.wrap(security.protect(ue, NasCodec.encode(NasMapping.toGmm(nas)), UeAction.Protection.PROTECTED));
    }

    // ---- UE context management (TS 38.413 8.3) ----

    /** INITIAL CONTEXT SETUP REQUEST (TS 38.413 8.3.1) with KgNB (TS 33.501 A.9) and the PDU sessions to set up. */
    private void sendInitialContextSetupRequest(UeN2 ue, UeAction.InitialContextSetup ics) {
        byte[] pdu = security.protect(ue, NasCodec.encode(NasMapping.toGmm(ics.nas())), UeAction.Protection.PROTECTED);
        // TS 33.501 A.9: KgNB from KAMF and the uplink NAS COUNT of the last message (Security Mode Complete, Service Request)
        byte[] kgnb = KeyHierarchy.kgnb(ue.kamf, Math.max(ue.lastUplinkCount(), 0), AccessType.THREE_GPP);
        // TS 33.501 6.9.2.1.1: NCC 0 with a fresh KgNB; the first NH derives from it
        ue.nh = kgnb;
        ue.ncc = 0;
        timers.start(ue, ics.nas(), UeAction.Protection.PROTECTED);
        ue.ran.sendUeAssociated(new InitialContextSetup.Request(ue.amfUeNgapId, ue.ranUeNgapId, null, null, guami,
                ics.pduSessions().isEmpty() ? null : ics.pduSessions().stream().map(s -> sessionItem(ue, s)).toList(),
                ics.allowedNssai().stream().map(NgapValues::sNssai).toList(),
                NgapValues.securityCapabilities(ics.ueSecurityCapability()), Octets.wrap(kgnb), null, NgapMessage.ABSENT, null, Octets.wrap(pdu),
                List.of()), ue.ranUeNgapId);
    }

    /**
     * UE CONTEXT MODIFICATION REQUEST (TS 38.413 8.3.4) with the KgNB of the new KAMF from the uplink COUNT of the
     * Security Mode Complete (TS 33.501 A.9, 6.9.4.1); the NH chain restarts from it.
     */
    private void sendUeContextModificationRequest(UeN2 ue, UeAction.RefreshAsKeys k) {
        byte[] kgnb = KeyHierarchy.kgnb(ue.kamf, Math.max(ue.lastUplinkCount(), 0), AccessType.THREE_GPP);
        ue.nh = kgnb;
        ue.ncc = 0;
        ue.ran.sendUeAssociated(new UeContextModification.Request(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT,
                Octets.wrap(kgnb), NgapMessage.ABSENT, null, NgapValues.securityCapabilities(k.ueSecurityCapability()), NgapMessage.ABSENT, null,
                List.of()), ue.ranUeNgapId);
        metrics.count("as_key_refresh");
    }

    /**
     * UE CONTEXT RELEASE COMMAND (TS 38.413 8.3.3) with the AMF's cause, counted as {@code released_<value>} for a NAS
     * cause (e.g. released_normal_release), {@code released_<group>_<value>} for another group.
     */
    void sendUeContextReleaseCommand(UeN2 ue, UeAction.ReleaseUe r) {
        Cause cause = NgapCauses.toNgap(r.cause());
        String value = NgapCauses.asn1Name(cause);
        String event = r.cause().group() == NgapCause.Group.NAS ? value : r.cause().group().asn1Name() + "_" + value;
        sendUeContextReleaseCommand(ue, cause, "released_" + event.replace('-', '_').toLowerCase(Locale.ROOT));
    }

    /**
     * The connection of an initial NAS message that got no answer is released and leaves no UE context here: one that
     * cannot be decoded or verified (or is no 5GMM message handled here) with nas unspecified (TS 38.413 8.3.3); one
     * whose AMF function did not answer (it or its store unavailable: 503) with misc control-processing-overload rather
     * than left waiting: the UE sees its NAS signalling connection released and retries (TS 24.501 5.5.1.2.7 b, 5.6.1.7 b).
     */
    void releaseInitialConnection(UeN2 ue, boolean amfFailed) {
        if (amfFailed) {
            sendUeContextReleaseCommand(ue, CauseMisc.CONTROL_PROCESSING_OVERLOAD, "initial_amf_unavailable");
        } else {
            sendUeContextReleaseCommand(ue, CauseNas.UNSPECIFIED, "initial_nas_rejected");
        }
        connections.remove(ue.amfUeNgapId, ue);
    }

    /** UE CONTEXT RELEASE COMMAND (TS 38.413 8.3.3) with an NGAP cause, counted as {@code event}. */
    void sendUeContextReleaseCommand(UeN2 ue, Cause cause, String event) {
        ue.releaseCommanded = true;
        metrics.forgetRegistration(ue.amfUeNgapId);
        NasTimers.stop(ue);
        metrics.count(event);
        ue.ran.sendUeAssociated(new UeContextRelease.Command(new UeNgapIds.Pair(ue.amfUeNgapId, ue.ranUeNgapId), cause, List.of()),
                ue.ranUeNgapId);
    }

    /**
     * ERROR INDICATION (TS 38.413 8.7.4) to the gNB that sent the N2 message the AMF refused, with the ids that
     * message carried and the AMF's cause (10.4: not compatible with the receiver's state).
     */
    private void sendErrorIndication(UeN2 ue, Sender sender, UeAction.ErrorIndication e) {
        Sender to = sender != null ? sender : new Sender(ue.ran, ue.amfUeNgapId, ue.ranUeNgapId);
        Cause cause = NgapCauses.toNgap(e.cause());
        log.warn("{}: the AMF refused the message from {}: ERROR INDICATION {}", ue, to.ran().describe(), NgapCauses.describe(cause));
        metrics.count("error_indication_" + NgapCauses.asn1Name(cause).replace('-', '_'));
        to.ran().sendUeAssociated(new ErrorIndication(to.amfUeNgapId(), to.ranUeNgapId(), cause, null, null,
                List.of()), to.ranUeNgapId());
    }

    // ---- PDU session resource management (TS 38.413 8.2) ----

    /** PDU SESSION RESOURCE SETUP REQUEST (TS 38.413 8.2.1). */
    private void sendPduSessionResourceSetupRequest(UeN2 ue, UeAction.PduSessionResourceSetup setup) {
        ue.ran.sendUeAssociated(new PduSessionResourceSetup.Request(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT, null,
                setup.sessions().stream().map(s -> sessionItem(ue, s)).toList(), null, List.of()), ue.ranUeNgapId);
    }

    private PduSessionItem sessionItem(UeN2 ue, UeAction.SessionSetup s) {
        return new PduSessionItem(s.pduSessionId(), protectedNas(ue, s.nas()), NgapValues.sNssai(s.sNssai()), SmMapping.setupRequestTransfer(s.transfer()));
    }

    /** PDU SESSION RESOURCE MODIFY REQUEST (TS 38.413 8.2.3) with the NAS for the UE in the session's item. */
    private void sendPduSessionResourceModifyRequest(UeN2 ue, UeAction.PduSessionResourceModify m) {
        ue.ran.sendUeAssociated(new PduSessionResourceModify.Request(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT,
                List.of(new PduSessionItem(m.pduSessionId(), protectedNas(ue, m.nas()), null, SmMapping.modifyRequestTransfer(m.qos()))), List.of()),
                ue.ranUeNgapId);
    }

    /** PDU SESSION RESOURCE RELEASE COMMAND (TS 38.413 8.2.2). */
    private void sendPduSessionResourceReleaseCommand(UeN2 ue, UeAction.PduSessionResourceRelease release) {
        Octets nas = protectedNas(ue, release.nas());
        Octets transfer = SmTransferCodec.encode(new PduSessionResourceReleaseCommandTransfer(NgapCauses.toNgap(release.cause())));
        ue.ran.sendUeAssociated(new PduSessionResourceRelease.Command(ue.amfUeNgapId, ue.ranUeNgapId, NgapMessage.ABSENT, nas,
                release.pduSessionIds().stream().map(id -> PduSessionItem.withTransfer(id, transfer)).toList(), List.of()), ue.ranUeNgapId);
    }

    // ---- mobility (TS 38.413 8.4) ----

    /**
     * HANDOVER REQUEST (TS 38.413 8.4.2) to the target gNB on a new UE-associated connection, with the next NH and
     * NCC (TS 33.501 6.9.2.3.3: the AMF steps the NH chain, A.10).
     */
    private void sendHandoverRequest(UeN2 ue, UeAction.HandoverRequest h) {
        RanLink target = ranByName.apply(h.targetGnb());
        if (target == null) {
            log.warn("{}: handover target {} is not connected here", ue, h.targetGnb());
            sendHandoverPreparationFailure(ue, CauseRadioNetwork.UNKNOWN_TARGET_ID);
            return;
        }
        if (ue.handover != null) {
            connections.remove(ue.handover.amfUeNgapId, ue); // a preparation the source gave up: its target connection goes
        }
        long targetId = connections.allocateAmfUeNgapId();
        ue.handover = new UeN2.HandoverTarget(target, targetId);
        connections.add(targetId, ue);
        nextHop(ue);
        long ambr = 0;
        for (UeAction.SessionSetup s : h.sessions()) {
            ambr += s.transfer().pduSessionAggregateMaximumBitRate() == null ? 0 : s.transfer().pduSessionAggregateMaximumBitRate().downlinkBps();
        }
        target.sendUeAssociated(new HandoverResourceAllocation.Request(targetId, HandoverType.INTRA_5GS, NgapCauses.toNgap(h.cause()),
                new UeAggregateMaximumBitRate(Math.max(ambr, 1), Math.max(ambr, 1)),
                NgapValues.securityCapabilities(h.ueSecurityCapability()), new SecurityContext(ue.ncc, Octets.wrap(ue.nh)),
                h.sessions().stream().map(s -> sessionItem(ue, s)).toList(), h.allowedNssai().stream().map(NgapValues::sNssai).toList(),
                container(h.sourceToTargetContainer()), guami, List.of()),
                targetId);
    }

    /** A transparent container from the contract (hex); one octet when the AMF gave none (the IE is mandatory). */
    private static Octets container(String hex) {
        return hex == null ? Octets.wrap(new byte[1]) : Octets.wrap(Hex.decode(hex));
    }

    /** HANDOVER COMMAND (TS 38.413 8.4.1.2) to the source gNB. */
    private void sendHandoverCommand(UeN2 ue, UeAction.HandoverCommand c) {
        Octets none = SmTransferCodec.encode(new HandoverCommandTransfer(null, null, null));
        java.util.Map<Integer, Octets> forwarded = new java.util.HashMap<>();
        for (UeAction.HandoverCommand.Forwarding f : c.forwarding()) {
            // indirect data forwarding: the UPF's tunnel the source sends the session's downlink to (TS 38.413 9.3.4.10)
            var t = f.transfer();
            forwarded.put(f.pduSessionId(), SmTransferCodec.encode(new HandoverCommandTransfer(
                    t.dlForwardingUpTnlInformation() == null ? null : SmMapping.tunnel(t.dlForwardingUpTnlInformation()),
                    t.qosFlowsToBeForwarded().isEmpty() ? null : t.qosFlowsToBeForwarded(), null)));
        }
        ue.ran.sendUeAssociated(new HandoverPreparation.Command(ue.amfUeNgapId, ue.ranUeNgapId, HandoverType.INTRA_5GS,
                c.pduSessionIds().stream().map(id -> PduSessionItem.withTransfer(id, forwarded.getOrDefault(id, none))).toList(), null,
                container(c.targetToSourceContainer()), null, List.of()),
                ue.ranUeNgapId);
    }

    /**
     * HANDOVER PREPARATION FAILURE (TS 38.413 8.4.1.3) to the source; the target connection, if any, is forgotten, and a
     * target that had acknowledged gets the UE CONTEXT RELEASE COMMAND for what it allocated (with the same cause; TS
     * 23.502 4.9.1.3.2: the handover is not going on, the target's resources are released).
     */
    void sendHandoverPreparationFailure(UeN2 ue, Cause cause) {
        UeN2.HandoverTarget target = ue.handover;
        if (target != null) {
            connections.remove(target.amfUeNgapId, ue);
            ue.handover = null;
            if (target.ranUeNgapId >= 0) {
                target.ran.sendUeAssociated(new UeContextRelease.Command(new UeNgapIds.Pair(target.amfUeNgapId, target.ranUeNgapId),
                        cause, List.of()), target.ranUeNgapId);
            }
        }
        metrics.count("handover_preparation_failure");
        ue.ran.sendUeAssociated(new HandoverPreparation.Failure(ue.amfUeNgapId, ue.ranUeNgapId, cause, null, List.of()), ue.ranUeNgapId);
    }

    /**
     * HANDOVER CANCEL ACKNOWLEDGE (TS 38.413 8.4.5.2) to the source; a target that acknowledged gets the UE CONTEXT
     * RELEASE COMMAND for what it allocated (cause handover-cancelled, TS 23.502 4.9.1.4 step 3), and the target
     * connection is forgotten.
     */
    void sendHandoverCancelAcknowledge(UeN2 ue) {
        UeN2.HandoverTarget target = ue.handover;
        if (target != null) {
            connections.remove(target.amfUeNgapId, ue);
            ue.handover = null;
            if (target.ranUeNgapId >= 0) {
                target.ran.sendUeAssociated(new UeContextRelease.Command(new UeNgapIds.Pair(target.amfUeNgapId, target.ranUeNgapId),
                        CauseRadioNetwork.HANDOVER_CANCELLED, List.of()), target.ranUeNgapId);
            }
        }
        metrics.count("handover_cancelled");
        ue.ran.sendUeAssociated(new HandoverCancel.Acknowledge(ue.amfUeNgapId, ue.ranUeNgapId, null, List.of()), ue.ranUeNgapId);
    }

    /** After HANDOVER NOTIFY: the target connection becomes the UE's; the source's is released (successful-handover). */
    private void completeHandover(UeN2 ue) {
        UeN2.HandoverTarget target = ue.handover;
        if (target == null || target.ranUeNgapId < 0) {
            log.warn("{}: no handover to complete", ue);
            return;
        }
        // the UE is the target's before the source hears of its release, so nothing arriving on either side meanwhile
        // finds the old ids
        RanLink sourceRan = ue.ran;
        UeNgapIds.Pair sourceIds = new UeNgapIds.Pair(ue.amfUeNgapId, ue.ranUeNgapId);
        connections.remove(ue.amfUeNgapId, ue);
        ue.amfUeNgapId = target.amfUeNgapId;
        ue.ranUeNgapId = target.ranUeNgapId;
        ue.ran = target.ran;
        ue.handover = null;
        sourceRan.sendUeAssociated(new UeContextRelease.Command(sourceIds, CauseRadioNetwork.SUCCESSFUL_HANDOVER, List.of()),
                sourceIds.ranUeNgapId());
        metrics.count("handover_completed");
        log.info("{}: handed over to {}", ue, ue.ran.describe());
    }

    /** PATH SWITCH REQUEST ACKNOWLEDGE (TS 38.413 8.4.4.2) with the next NH and NCC (TS 33.501 6.9.2.3.2). */
    private void sendPathSwitchRequestAcknowledge(UeN2 ue, UeAction.PathSwitchRequestAcknowledge a) {
        nextHop(ue);
        Octets transfer = SmTransferCodec.encode(new PathSwitchRequestAcknowledgeTransfer(null, null));
        ue.ran.sendUeAssociated(new PathSwitch.Acknowledge(ue.amfUeNgapId, ue.ranUeNgapId, NgapValues.securityCapabilities(a.ueSecurityCapability()),
                new SecurityContext(ue.ncc, Octets.wrap(ue.nh)), a.pduSessionIds().stream().map(id -> PduSessionItem.withTransfer(id, transfer)).toList(),
                null, a.allowedNssai().stream().map(NgapValues::sNssai).toList(), null, List.of()), ue.ranUeNgapId);
        metrics.count("path_switched");
    }

    /** PATH SWITCH REQUEST FAILURE (TS 38.413 8.4.4.3) with the AMF's cause for each session. */
    private static void sendPathSwitchRequestFailure(UeN2 ue, UeAction.PathSwitchRequestFailure f) {
        Cause cause = NgapCauses.toNgap(f.cause());
        log.info("{}: path switch refused by the AMF ({})", ue, NgapCauses.describe(cause));
        sendPathSwitchRequestFailure(ue, cause);
    }

    /**
     * PATH SWITCH REQUEST FAILURE (TS 38.413 8.4.4.3) to the gNB the UE switched to: each session of the request in the
     * PDU Session Resource Released List (mandatory, 9.2.3.10) with a Path Switch Request Unsuccessful Transfer.
     */
    static void sendPathSwitchRequestFailure(UeN2 ue, Cause cause) {
        if (ue.pathSwitchSessions.isEmpty()) {
            log.warn("{}: path switch failure without sessions to list: not sent", ue);
            return;
        }
        Octets transfer = SmTransferCodec.encode(new PathSwitchRequestUnsuccessfulTransfer(cause));
        ue.ran.sendUeAssociated(new PathSwitch.Failure(ue.amfUeNgapId, ue.ranUeNgapId,
                ue.pathSwitchSessions.stream().map(id -> PduSessionItem.withTransfer(id, transfer)).toList(), null, List.of()), ue.ranUeNgapId);
    }

    /** TS 33.501 6.9.2.1.1 and A.10: NH = KDF(KAMF, previous NH or the initial KgNB), NCC + 1 (mod 8). */
    private static void nextHop(UeN2 ue) {
        if (ue.kamf == null || ue.nh == null) {
            throw new IllegalStateException(ue + ": no security context to derive the next hop from");
        }
        ue.nh = KeyHierarchy.nh(ue.kamf, ue.nh);
        ue.ncc = (ue.ncc + 1) & 7;
    }

    // ---- paging (TS 38.413 8.5) ----

    /** PAGING (TS 38.413 8.5.1) with the UE's 5G-S-TMSI to every set-up gNB (they page in the TAIs they serve of the list). */
    private void sendPaging(UeAction.Page p) {
        FiveGGuti g = FiveGGuti.parse(p.guti());
        Paging paging = new Paging(new FiveGSTmsi(g.amfSetId(), g.amfPointer(), g.tmsi()), null,
                p.taiList().stream().map(t -> new Tai(PlmnIdentity.of(t.plmn().mcc(), t.plmn().mnc()), t.tac())).toList(),
                null, List.of());
        List<RanLink> nodes = allRanNodes.get();
        for (RanLink node : nodes) {
            node.sendNonUe(paging);
        }
        metrics.count("paging");
        log.info("paging 5G-GUTI {} through {} gNB(s)", p.guti(), nodes.size());
    }
}
