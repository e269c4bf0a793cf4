package io.liquid5gc.amf.session;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.smf.Cause5gsm;
import io.liquid5gc.sbi.smf.PduAddress;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentReject;
import io.liquid5gc.sbi.smf.PduSessionModificationCommand;
import io.liquid5gc.sbi.smf.PduSessionReleaseCommand;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionReleaseResponse;
import io.liquid5gc.sbi.smf.PduSessionResourceReleaseCommandTransfer;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.liquid5gc.sbi.smf.QosFlowDescription;
import io.liquid5gc.sbi.smf.QosFlowSetupRequestItem;
import io.liquid5gc.sbi.smf.QosRule;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small SMF stand-in for the AMF's procedures: it answers {@code smf-pdu-session-create/update/release} the way
 * nf-smf's {@code PduSessions} does (the same response shapes, 404 CONTEXT_NOT_FOUND for unknown SM contexts, 400
 * for a downlink tunnel type without a tunnel), keeps its SM contexts, and records every call in order. Any other
 * function is a test failure.
 */
public final class RecordingSmf implements FunctionClient {

    public static final String UPF_N3 = "10.100.200.2";
    public static final Ambr SESSION_AMBR = new Ambr("1 Gbps", "2 Gbps");
    public static final Arp ARP = new Arp(8, "NOT_PREEMPT", "NOT_PREEMPTABLE");

    /** One call: the function's name and the request as the AMF sent it. */
    public record Call(String function, Object request) {
    }

    /** An SM context as this SMF holds it. */
    public record SmContext(String ref, PduSessionCreateRequest request, String ueIp, long ulTeid, String upCnxState,
                            UpTransportLayerInformation dlTunnel) {
        SmContext with(String state, UpTransportLayerInformation dl) {
            return new SmContext(ref, request, ueIp, ulTeid, state, dl);
        }
    }

    public final List<Call> calls = new ArrayList<>();
    public final Map<String, SmContext> contexts = new LinkedHashMap<>();
    private Cause5gsm rejectWith;
    private final Set<String> noN2OnActivation = new HashSet<>();
    private int next;

    /** The next creates are refused with this 5GSM cause (as nf-smf answers a reject: a 200 with n1SmReject and error). */
    public RecordingSmf rejectCreatesWith(Cause5gsm cause) {
        this.rejectWith = cause;
        return this;
    }

    /** An ACTIVATING update of this SM context is answered without N2 SM information. */
    public RecordingSmf noN2OnActivation(String smContextRef) {
        noN2OnActivation.add(smContextRef);
        return this;
    }

    /** The requests of one function, in order. */
    @SuppressWarnings("unchecked")
    public <I> List<I> requests(FunctionSpec<I, ?> function) {
        return calls.stream().filter(c -> c.function().equals(function.name())).map(c -> (I) c.request()).toList();
    }

    /** The names of the functions called, in order. */
    public List<String> functionsCalled() {
        return calls.stream().map(Call::function).toList();
    }

    /** The Setup Request Transfer this SMF gives for an SM context (create and ACTIVATING update). */
    public static PduSessionResourceSetupRequestTransfer n2Of(SmContext c) {
        return new PduSessionResourceSetupRequestTransfer(SESSION_AMBR, UpTransportLayerInformation.of(UPF_N3, c.ulTeid()), "IPV4",
                List.of(new QosFlowSetupRequestItem(1, 9, ARP)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> O call(FunctionSpec<I, O> function, I request) {
        calls.add(new Call(function.name(), request));
        if (function.equals(SmfApi.PDU_SESSION_CREATE)) {
            return (O) create((PduSessionCreateRequest) request);
        }
        if (function.equals(SmfApi.PDU_SESSION_UPDATE)) {
            return (O) update((PduSessionUpdateRequest) request);
        }
        if (function.equals(SmfApi.PDU_SESSION_RELEASE)) {
            return (O) release((PduSessionReleaseRequest) request);
        }
        throw new AssertionError("the AMF called " + function.name() + ", which this test does not expect");
    }

    private PduSessionCreateResponse create(PduSessionCreateRequest r) {
        if (r.supi() == null || r.pduSessionId() == null || r.sNssai() == null || r.dnn() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "supi, pduSessionId, sNssai and dnn are required: " + r);
        }
        if (rejectWith != null) {
            return PduSessionCreateResponse.rejected(r.pduSessionId(), PduSessionEstablishmentReject.of(r.pduSessionId(), rejectWith),
                    ProblemDetails.of(403, "Forbidden", "N1_SM_ERROR", rejectWith.name()));
        }
        // a create for a PDU session id in use releases the old session first (nf-smf PduSessions)
        contexts.values().removeIf(c -> c.request().supi().equals(r.supi()) && c.request().pduSessionId().equals(r.pduSessionId()));
        next++;
        SmContext ctx = new SmContext("sm-" + r.supi() + "-" + r.pduSessionId() + "-" + next, r, "10.45.0." + (next + 1), 0x1000L + next,
                "ACTIVATING", null);
        contexts.put(ctx.ref(), ctx);
        PduSessionEstablishmentAccept accept = new PduSessionEstablishmentAccept(r.pduSessionId(), "IPV4", "SSC_MODE_1",
                List.of(new QosRule(1, true, 255, List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), 1)),
                SESSION_AMBR, new PduAddress("IPV4", ctx.ueIp()), r.sNssai(), r.dnn(), null,
                List.of(new QosFlowDescription(1, 9, null, null, null, null)));
        return PduSessionCreateResponse.accepted(ctx.ref(), accept, n2Of(ctx));
    }

    private PduSessionUpdateResponse update(PduSessionUpdateRequest r) {
        SmContext ctx = find(r.smContextRef());
        if (r.hoState() != null) {
            return new PduSessionUpdateResponse(ctx.ref(), ctx.upCnxState(), null);
        }
        if (PduSessionUpdateRequest.MODIFICATION_REQUEST.equals(r.n1SmMsgType())) {
            return new PduSessionUpdateResponse(ctx.ref(), ctx.upCnxState(), null, "PDU_RES_MOD_REQ", n2Of(ctx),
                    new PduSessionModificationCommand(ctx.request().pduSessionId(), SESSION_AMBR,
                            List.of(new QosRule(1, true, 255, List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), 1)),
                            List.of(new QosFlowDescription(1, 9, null, null, null, null))));
        }
        if (r.n2SmInfoType() != null && PduSessionUpdateRequest.DL_TUNNEL_TYPES.contains(r.n2SmInfoType())) {
            PduSessionResourceSetupResponseTransfer t = r.n2SmInfo();
            if (t == null || t.dlNguUpTnlInformation() == null) {
                throw ProblemException.badRequest("MANDATORY_IE_MISSING", "n2SmInfo.dlNguUpTnlInformation is required with " + r.n2SmInfoType());
            }
            if ("HANDOVER_REQ_ACK".equals(r.n2SmInfoType()) && t.dlForwardingUpTnlInformation() != null) {
                // indirect forwarding, as nf-smf's IndirectForwarding: the downlink stays, the UPF's forwarding tunnel is answered
                return new PduSessionUpdateResponse(ctx.ref(), "ACTIVATED", null, null, null, null,
                        new io.liquid5gc.sbi.smf.HandoverCommandTransfer(UpTransportLayerInformation.of(UPF_N3, 0xF0000000L + ctx.ulTeid()), List.of(1)));
            }
            SmContext updated = ctx.with("ACTIVATED", t.dlNguUpTnlInformation());
            contexts.put(ctx.ref(), updated);
            return new PduSessionUpdateResponse(ctx.ref(), "ACTIVATED", null);
        }
        if ("ACTIVATING".equals(r.upCnxState())) {
            SmContext updated = ctx.with("ACTIVATING", ctx.dlTunnel());
            contexts.put(ctx.ref(), updated);
            return noN2OnActivation.contains(ctx.ref()) ? new PduSessionUpdateResponse(ctx.ref(), "ACTIVATING", null)
                    : new PduSessionUpdateResponse(ctx.ref(), "ACTIVATING", null, "PDU_RES_SETUP_REQ", n2Of(updated));
        }
        if ("DEACTIVATED".equals(r.upCnxState())) {
            contexts.put(ctx.ref(), ctx.with("DEACTIVATED", null));
            return new PduSessionUpdateResponse(ctx.ref(), "DEACTIVATED", null);
        }
        throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "unsupported update " + r);
    }

    private PduSessionReleaseResponse release(PduSessionReleaseRequest r) {
        SmContext ctx = find(r.smContextRef());
        contexts.remove(ctx.ref());
        int id = ctx.request().pduSessionId();
        return new PduSessionReleaseResponse(ctx.ref(), id,
                new PduSessionReleaseCommand(id, Cause5gsm.REGULAR_DEACTIVATION.value(), Cause5gsm.REGULAR_DEACTIVATION.name()),
                new PduSessionResourceReleaseCommandTransfer("nas: normal-release"));
    }

    private SmContext find(String ref) {
        if (ref == null || ref.isBlank()) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "smContextRef is required");
        }
        SmContext ctx = contexts.get(ref);
        if (ctx == null) {
            throw ProblemException.notFound("CONTEXT_NOT_FOUND", "no SM context " + ref);
        }
        return ctx;
    }

    @Override
    public boolean isEnabled(NfType nf) {
        return true;
    }

    @Override
    public Placement placementOf(NfType nf) {
        return Placement.LOCAL;
    }
}
