package io.liquid5gc.smf;

import io.liquid5gc.runtime.security.AccessTokenRefused;
import io.liquid5gc.runtime.security.ConsumerCredentials;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.amf.DownlinkDataNotifier;
import io.liquid5gc.sbi.amf.n1n2.N1N2MessageTransferReqData;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.security.SbiResource;
import io.liquid5gc.sbi.smf.Cause5gsm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The SMF's Namf_Communication N1N2MessageTransfer client (TS 29.518 5.2.2.3.1) for an AMF N2 side in another
 * process: {@code POST {n1n2-url}/namf-comm/v1/ue-contexts/{supi}/n1-n2-messages} with an SMF access token for the AMF
 * (scope namf-comm; a 401 drops it and the call is tried once more with a fresh one). The same typed
 * {@link DownlinkDataNotifier} the in-process N2 side implements: downlink data (TS 23.502 4.2.3.3 step 3a; 202
 * ATTEMPTING_TO_REACH_UE or 200) and network-requested releases (TS 23.502 4.3.4.2 step 3a; 200). Blocking: its callers
 * run on virtual threads (the PFCP report handlers, the charging update).
 */
final class AmfN1N2Client implements DownlinkDataNotifier {

    private static final Logger log = LoggerFactory.getLogger(AmfN1N2Client.class);

    private final URI base;
    private final ConsumerCredentials credentials;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;

    AmfN1N2Client(URI base, ConsumerCredentials credentials, ObjectMapper json, Duration connectTimeout, Duration timeout) {
        this.base = base;
        this.credentials = credentials;
        this.json = json;
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if (credentials.tls() != null) {
            b.sslContext(credentials.tls()); // mTLS: the N2 side checks this SMF's certificate against its token
        }
        this.http = b.build();
    }

    /** Where the transfers go (for the start-up log). */
    URI base() {
        return base;
    }

    @Override
    public boolean notifyDownlinkData(String supi, int pduSessionId) {
        return transfer(supi, N1N2MessageTransferReqData.downlinkData(pduSessionId, null), "downlink data");
    }

    @Override
    public boolean notifyPduSessionReleased(String supi, int pduSessionId, int cause5gsm) {
        String name = java.util.Arrays.stream(Cause5gsm.values()).filter(c -> c.value() == cause5gsm).findFirst().map(Enum::name).orElse(null);
        return transfer(supi, N1N2MessageTransferReqData.release(pduSessionId, cause5gsm, name, null), "PDU session release");
    }

    /** True when the N2 side took it (200 or 202); false, logged, for any refusal or failure. */
    private boolean transfer(String supi, N1N2MessageTransferReqData data, String what) {
        URI uri = uriOf(supi);
        byte[] body = json.writeValueAsBytes(data);
        String authorization = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                authorization = credentials.authorizationFor(ConsumerType.SMF, NfType.AMF);
            } catch (AccessTokenRefused e) {
                log.warn("N1N2MessageTransfer ({}) for {} not sent: no access token for the AMF: {}", what, supi, e.getMessage());
                return false;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                log.warn("N1N2MessageTransfer ({}) for {} to {} failed: {}", what, supi, uri, e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            int status = response.statusCode();
            if (status == 401 && authorization != null && attempt == 1) {
                credentials.refused(ConsumerType.SMF, NfType.AMF, authorization); // expired early, key rotated: once more
                continue;
            }
            if (status == 200 || status == 202) {
                log.info("N1N2MessageTransfer ({}) for {}: {} {}", what, supi, status, response.body());
                return true;
            }
            log.warn("N1N2MessageTransfer ({}) for {} refused: {} {}", what, supi, status, truncate(response.body()));
            return false;
        }
        return false;
    }

    private URI uriOf(String supi) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        String path = SbiResource.N1N2_MESSAGE_TRANSFER.path().replace("{ueContextId}",
                java.net.URLEncoder.encode(supi, StandardCharsets.UTF_8));
        return URI.create(root + path);
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
