package io.liquid5gc.proxy;

import io.liquid5gc.proxy.ue.UeSignalling;
import io.liquid5gc.proxy.ue.UeSignalling.NetworkProcedureOutcome;
import io.liquid5gc.runtime.security.AccessTokenVerifier;
import io.liquid5gc.runtime.security.CallerAuthentication;
import io.liquid5gc.sbi.amf.n1n2.N1MessageClass;
import io.liquid5gc.sbi.amf.n1n2.N1N2MessageTransferCause;
import io.liquid5gc.sbi.amf.n1n2.N1N2MessageTransferError;
import io.liquid5gc.sbi.amf.n1n2.N1N2MessageTransferReqData;
import io.liquid5gc.sbi.amf.n1n2.N1N2MessageTransferRspData;
import io.liquid5gc.sbi.amf.n1n2.N2InformationClass;
import io.liquid5gc.sbi.amf.n1n2.NgapIeType;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.SbiResource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Namf_Communication N1N2MessageTransfer (TS 29.518 5.2.2.3.1) served by the process terminating N2, for an SMF in
 * another process: {@code POST /namf-comm/v1/ue-contexts/{supi}/n1-n2-messages} with N1N2MessageTransferReqData.
 * Downlink data (N2 SM information, no N1 message; TS 23.502 4.2.3.3 step 3a): 202 ATTEMPTING_TO_REACH_UE when the
 * CM-IDLE UE is paged, 200 N1_N2_TRANSFER_INITIATED when it is connected, 504 UE_NOT_REACHABLE when the AMF does not
 * page it (not registered). A network-requested release (PDU Session Release Command; TS 23.502 4.3.4.2 step 3a): 200
 * N1_N2_TRANSFER_INITIATED when the UE got it, 200 N1_MSG_NOT_TRANSFERRED for a CM-IDLE UE (never paged for it, as with
 * skipInd). An unknown UE: 404 CONTEXT_NOT_FOUND. The caller is proven by its access token (audience AMF, scope
 * namf-comm, TS 33.501 13.4.1) and must be an SMF by the token's consumer type; 401/403 problem+json otherwise.
 */
final class N1N2MessageEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(N1N2MessageEndpoint.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);
    private static final String PATH = SbiResource.N1N2_MESSAGE_TRANSFER.path();
    /** How long the AMF's answer may take (the N2 side waits for the UE's executor and the AMF function). */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    /** What the request asks, once read. */
    sealed interface Transfer {
        int pduSessionId();

        record DownlinkData(int pduSessionId) implements Transfer {
        }

        record Release(int pduSessionId, int cause5gsm) implements Transfer {
        }
    }

    private final UeSignalling signalling;
    private final CallerAuthentication authentication;
    private final ObjectMapper json;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final Scheduler scheduler = Schedulers.fromExecutorService(virtualThreads, "liquid5gc-n1n2");
    private final AtomicLong transfers = new AtomicLong();

    N1N2MessageEndpoint(UeSignalling signalling, CallerAuthentication authentication, ObjectMapper json) {
        this.signalling = signalling;
        this.authentication = authentication;
        this.json = json;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().POST(PATH, this::handleN1N2MessageTransfer).build();
    }

    private Mono<ServerResponse> handleN1N2MessageTransfer(ServerRequest request) {
        String ueContextId = request.pathVariable("ueContextId");
        String authorization = request.headers().firstHeader("Authorization");
        java.security.cert.X509Certificate peer = peerCertificate(request);
        boolean jsonBody = request.headers().contentType().map(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON)).orElse(false);
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .publishOn(scheduler) // the token check may fetch the NRF's keys, the UE lookup reads the store
                .flatMap(body -> handle(ueContextId, authorization, peer, jsonBody, body))
                .onErrorResume(e -> problem(ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT",
                        "cannot read the request body: " + e.getMessage())));
    }

    private Mono<ServerResponse> handle(String ueContextId, String authorization, java.security.cert.X509Certificate peer, boolean jsonBody,
                                        byte[] body) {
        Caller caller;
        try {
            caller = authentication.authenticate(authorization, peer, SbiResource.N1N2_MESSAGE_TRANSFER);
        } catch (AccessTokenVerifier.Rejected e) {
            return ServerResponse.status(e.problem().status()).contentType(PROBLEM).header("WWW-Authenticate", e.wwwAuthenticate())
                    .bodyValue(e.problem());
        }
        if (!caller.trusted() && !SbiResource.N1N2_MESSAGE_TRANSFER.permits(caller.type())) {
            return problem(ProblemDetails.of(403, "Forbidden", "ACCESS_TOKEN_DENIED", "N1N2MessageTransfer is for "
                    + SbiResource.N1N2_MESSAGE_TRANSFER.consumers() + ", not " + caller.describe() + " (TS 33.501 13.4.1)"));
        }
        if (!NetworkProceduresEndpoint.SUPI.matcher(ueContextId).matches()) {
            return problem(ProblemDetails.of(400, "Bad Request", "MANDATORY_IE_INCORRECT",
                    "ueContextId must be a SUPI: imsi-<5 to 15 digits> or nai-<NAI> (TS 29.518 6.1.3.5.2, TS 29.571)"));
        }
        if (!jsonBody) {
            return problem(ProblemDetails.of(415, "Unsupported Media Type", null,
                    "N1N2MessageTransferReqData as application/json (this AMF takes no multipart/related binary parts)"));
        }
        N1N2MessageTransferReqData data;
        try {
            data = json.readValue(body, N1N2MessageTransferReqData.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return problem(ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT", "not an N1N2MessageTransferReqData: "
                    + (e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage())));
        }
        if (data == null) {
            return problem(ProblemDetails.of(400, "Bad Request", "MANDATORY_IE_MISSING", "N1N2MessageTransferReqData is required"));
        }
        Transfer transfer;
        try {
            transfer = transferOf(data);
        } catch (InvalidTransfer e) {
            return problem(e.problem);
        }
        log.info("N1N2MessageTransfer from {} for {} PDU session {}: {}", caller.describe(), ueContextId, transfer.pduSessionId(),
                transfer.getClass().getSimpleName());
        Optional<CompletableFuture<NetworkProcedureOutcome>> started = switch (transfer) {
            case Transfer.DownlinkData d -> signalling.downlinkData(ueContextId, d.pduSessionId());
            case Transfer.Release r -> signalling.pduSessionReleased(ueContextId, r.pduSessionId(), r.cause5gsm());
        };
        if (started.isEmpty()) {
            return problem(ProblemDetails.of(404, "Not Found", "CONTEXT_NOT_FOUND", "no UE context for " + ueContextId));
        }
        NetworkProcedureOutcome outcome;
        try {
            outcome = started.get().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return problem(ProblemDetails.of(504, "Gateway Timeout", "UE_NOT_REACHABLE", "the AMF did not answer for " + ueContextId
                    + " within " + ANSWER_WITHIN.toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem(ProblemDetails.of(503, "Service Unavailable", null, "shutting down"));
        } catch (java.util.concurrent.ExecutionException e) {
            return problem(ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE", "the N2 side failed: " + e.getCause()));
        }
        return answer(ueContextId, transfer, outcome);
    }

    private Mono<ServerResponse> answer(String ueContextId, Transfer transfer, NetworkProcedureOutcome outcome) {
        return switch (outcome) {
            // TS 29.518 5.2.2.3.1.2: paging; the Location only correlates a later failure notification (none sent here)
            case PAGED -> ServerResponse.accepted().location(URI.create(PATH.replace("{ueContextId}", ueContextId) + "/"
                            + transfers.incrementAndGet()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(new N1N2MessageTransferRspData(N1N2MessageTransferCause.ATTEMPTING_TO_REACH_UE));
            case CONNECTED, PDU_SESSION_RELEASE_SENT -> ok(N1N2MessageTransferCause.N1_N2_TRANSFER_INITIATED);
            case NOT_CONNECTED -> ok(N1N2MessageTransferCause.N1_MSG_NOT_TRANSFERRED);
            case NOT_PAGED -> ServerResponse.status(504).contentType(MediaType.APPLICATION_JSON).bodyValue(new N1N2MessageTransferError(
                    ProblemDetails.of(504, "Gateway Timeout", "UE_NOT_REACHABLE", ueContextId + " is not registered: not paged")));
            case REFUSED -> problem(ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE",
                    "the AMF failed to handle the " + transfer.getClass().getSimpleName() + " for " + ueContextId));
            default -> problem(ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE", "unexpected outcome " + outcome));
        };
    }

    /** The request's meaning, from its containers (TS 29.518 6.1.6.2.23); the body's nfId names nobody: the token does. */
    static Transfer transferOf(N1N2MessageTransferReqData data) {
        var n1 = data.n1MessageContainer();
        var n2 = data.n2InfoContainer();
        if (n2 != null && (n2.n2InformationClass() != N2InformationClass.SM || n2.smInfo() == null || n2.smInfo().pduSessionId() == null)) {
            throw new InvalidTransfer("MANDATORY_IE_MISSING", "n2InfoContainer: class SM with smInfo.pduSessionId");
        }
        Integer n2Session = n2 == null ? null : n2.smInfo().pduSessionId();
        if (n1 != null) {
            if (n1.n1MessageClass() != N1MessageClass.SM || n1.n1SmMsg() == null) {
                throw new InvalidTransfer("MANDATORY_IE_MISSING", "n1MessageContainer: class SM with the PDU Session Release Command (n1SmMsg)");
            }
            int id = sessionOf(data.pduSessionId(), n1.n1SmMsg().pduSessionId(), n2Session);
            int cause = n1.n1SmMsg().cause5gsm();
            if (cause < 0 || cause > 255) {
                throw new InvalidTransfer("MANDATORY_IE_INCORRECT", "n1SmMsg.cause5gsm must be 0..255 (TS 24.501 9.11.4.2)");
            }
            return new Transfer.Release(id, cause);
        }
        if (n2 == null) {
            throw new InvalidTransfer("MANDATORY_IE_MISSING", "n1MessageContainer or n2InfoContainer");
        }
        var content = n2.smInfo().n2InfoContent();
        if (content != null && content.ngapIeType() != null && content.ngapIeType() != NgapIeType.PDU_RES_SETUP_REQ) {
            throw new InvalidTransfer("MANDATORY_IE_INCORRECT", "N2 SM information without an N1 message is downlink data: ngapIeType "
                    + NgapIeType.PDU_RES_SETUP_REQ + ", not " + content.ngapIeType());
        }
        return new Transfer.DownlinkData(sessionOf(data.pduSessionId(), null, n2Session));
    }

    /** The PDU session the request is about: every place naming one names the same, 1..15 (TS 24.501 9.4). */
    private static int sessionOf(Integer... named) {
        Integer id = null;
        for (Integer n : named) {
            if (n != null) {
                if (id != null && !id.equals(n)) {
                    throw new InvalidTransfer("MANDATORY_IE_INCORRECT", "the request names PDU sessions " + id + " and " + n);
                }
                id = n;
            }
        }
        if (id == null || id < 1 || id > 15) {
            throw new InvalidTransfer("MANDATORY_IE_INCORRECT", "pduSessionId must be 1..15 (TS 24.501 9.4), got " + id);
        }
        return id;
    }

    private static final class InvalidTransfer extends RuntimeException {
        final transient ProblemDetails problem;

        InvalidTransfer(String cause, String detail) {
            super(detail, null, false, false);
            this.problem = ProblemDetails.of(400, "Bad Request", cause, detail);
        }
    }

    private static Mono<ServerResponse> ok(N1N2MessageTransferCause cause) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(new N1N2MessageTransferRspData(cause));
    }

    private static Mono<ServerResponse> problem(ProblemDetails p) {
        return ServerResponse.status(p.status()).contentType(PROBLEM).bodyValue(p);
    }

    private static java.security.cert.X509Certificate peerCertificate(ServerRequest request) {
        org.springframework.http.server.reactive.SslInfo ssl = request.exchange().getRequest().getSslInfo();
        java.security.cert.X509Certificate[] chain = ssl == null ? null : ssl.getPeerCertificates();
        return chain == null || chain.length == 0 ? null : chain[0];
    }

    @Override
    public void close() {
        scheduler.dispose();
        virtualThreads.close();
    }
}
