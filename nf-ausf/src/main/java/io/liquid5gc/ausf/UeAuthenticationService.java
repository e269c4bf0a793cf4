package io.liquid5gc.ausf;

import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.ausf.AuthenticationInfo;
import io.liquid5gc.sbi.ausf.AusfAuthenticateRequest;
import io.liquid5gc.sbi.ausf.AusfAuthenticateResponse;
import io.liquid5gc.sbi.ausf.ConfirmationDataResponse;
import io.liquid5gc.sbi.ausf.UeAuthenticationCtx;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.udm.AuthenticationInfoRequest;
import io.liquid5gc.sbi.udm.AuthenticationInfoResult;
import io.liquid5gc.sbi.udm.AuthenticationVector;
import io.liquid5gc.sbi.udm.GenerateAuthDataRequest;
import io.liquid5gc.sbi.udm.UdmApi;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.AusfAka;
import io.liquid5gc.security.aka.HeAv;
import io.liquid5gc.security.aka.SeAv;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;

/**
 * Nausf_UEAuthentication for 5G AKA (TS 29.509 5.2.2.2.2; TS 33.501 6.1.3.2.0): step 1 checks the serving network,
 * gets a 5G HE AV from the UDM, keeps XRES* and KAUSF under a fresh authCtxId and gives the SEAF the SE AV (RAND,
 * AUTN, HXRES*); step 2 compares RES* with XRES* and gives the SEAF the SUPI and KSEAF. XRES* and KAUSF never
 * leave the AUSF.
 */
final class UeAuthenticationService {

    static final String KEY_PREFIX = "ausf/auth-ctx/";
    static final String AUTH_TYPE_5G_AKA = "5G_AKA";
    private static final Pattern SNN = Pattern.compile("5G:mnc\\d{3}\\.mcc\\d{3}\\.3gppnetwork\\.org(:[0-9A-Fa-f]{11})?");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern CTX_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final FunctionClient client;
    private final KeyValueStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final AusfProperties properties;
    private final List<String> servingNetworkNames;
    private final MeterRegistry meters;

    UeAuthenticationService(FunctionClient client, KeyValueStore store, ObjectMapper json, Clock clock, AusfProperties properties,
                            MeterRegistry meters) {
        this.client = client;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.servingNetworkNames = properties.servingNetworkNames();
        this.meters = meters;
    }

    /** {@code liquid5gc.ausf.confirmations{result}}: success, failure (wrong RES*), expired, replayed, unknown. */
    private void count(String result) {
        meters.counter("liquid5gc.ausf.confirmations", "result", result).increment();
    }

    AusfAuthenticateResponse handle(AusfAuthenticateRequest request) {
        boolean authenticate = request.authenticationInfo() != null;
        boolean confirm = request.confirmationData() != null || request.authCtxId() != null;
        if (authenticate == confirm) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING",
                    "either authenticationInfo (authenticate) or authCtxId with confirmationData (5G AKA confirmation)");
        }
        return authenticate
                ? new AusfAuthenticateResponse(handleAuthenticate(request.authenticationInfo()), null)
                : new AusfAuthenticateResponse(null, handleConfirmation(request.authCtxId(), request.confirmationData() == null
                        ? null : request.confirmationData().resStar()));
    }

    /** Step 1 (TS 33.501 6.1.3.2.0 steps 2-5; TS 29.509 5.2.2.2.2). */
    UeAuthenticationCtx handleAuthenticate(AuthenticationInfo info) {
        if (info.supiOrSuci() == null || info.servingNetworkName() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "authenticationInfo needs supiOrSuci and servingNetworkName");
        }
        if (!SNN.matcher(info.servingNetworkName()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT",
                    "servingNetworkName must be 5G:mnc<MNC>.mcc<MCC>.3gppnetwork.org (TS 24.501 9.12.1)");
        }
        // TS 33.501 6.1.2: the AUSF checks that the requesting SEAF may use this serving network name
        if (!servingNetworkNames.isEmpty() && !servingNetworkNames.contains(info.servingNetworkName())) {
            throw ProblemException.forbidden("SERVING_NETWORK_NOT_AUTHORIZED",
                    info.servingNetworkName() + " is not one of the serving networks of this AUSF " + properties.servingPlmns());
        }
        AuthenticationInfoResult result = client.call(UdmApi.GENERATE_AUTH_DATA, new GenerateAuthDataRequest(info.supiOrSuci(),
                new AuthenticationInfoRequest(info.servingNetworkName(), info.resynchronizationInfo(), properties.instanceId())));
        AuthenticationVector av = result.authenticationVector();
        if (!AUTH_TYPE_5G_AKA.equals(result.authType()) || av == null || !AuthenticationVector.AV_5G_HE_AKA.equals(av.avType())) {
            throw new ProblemException(500, "Internal Server Error", "UNSPECIFIED_NF_FAILURE",
                    "the UDM answered " + result.authType() + " without a 5G HE AV");
        }
        HeAv heAv = new HeAv(Hex.decode(av.rand()), Hex.decode(av.autn()), Hex.decode(av.xresStar()), Hex.decode(av.kausf()));
        SeAv seAv = AusfAka.toSeAv(heAv); // HXRES* = A.5(RAND, XRES*)
        String authCtxId = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(properties.authContextTtl());
        AuthContext ctx = new AuthContext(AuthContext.WAITING, result.supi(), info.servingNetworkName(), av.xresStar(), av.kausf(), expiresAt);
        // the store keeps the context twice as long as it is valid, so that a late confirmation is told it expired
        store.put(KEY_PREFIX + authCtxId, json.writeValueAsBytes(ctx), properties.authContextTtl().multipliedBy(2));
        String href = "/nausf-auth/v1/ue-authentications/" + authCtxId + "/5g-aka-confirmation";
        return new UeAuthenticationCtx(AUTH_TYPE_5G_AKA,
                new UeAuthenticationCtx.Av5gAka(av.rand(), av.autn(), Hex.encode(seAv.hxresStar())),
                Map.of("5g-aka", new UeAuthenticationCtx.Link(href)), info.servingNetworkName(), authCtxId);
    }

    /** Step 2 (TS 33.501 6.1.3.2.0 steps 11-12; TS 29.509 5.2.2.2.2 5G AKA confirmation). */
    ConfirmationDataResponse handleConfirmation(String authCtxId, String resStar) {
        if (authCtxId == null || resStar == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "authCtxId and confirmationData.resStar");
        }
        if (!CTX_ID.matcher(authCtxId).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "authCtxId is the id given by the authentication");
        }
        if (!HEX32.matcher(resStar).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "resStar is 32 hex digits");
        }
        String key = KEY_PREFIX + authCtxId;
        Optional<byte[]> raw = store.get(key);
        if (raw.isEmpty()) {
            count("unknown");
            throw ProblemException.notFound("CONTEXT_NOT_FOUND", "no authentication context " + authCtxId);
        }
        AuthContext ctx = json.readValue(raw.get(), AuthContext.class);
        if (AuthContext.CONFIRMED.equals(ctx.state())) {
            count("replayed");
            throw new ProblemException(409, "Conflict", "AUTH_CONTEXT_ALREADY_CONFIRMED",
                    "authentication context " + authCtxId + " was already confirmed");
        }
        Instant now = clock.instant();
        if (!now.isBefore(ctx.expiresAt())) {
            store.compareAndSet(key, raw.get(), null, null);
            count("expired");
            throw ProblemException.notFound("AUTH_CONTEXT_EXPIRED", "authentication context " + authCtxId + " expired at " + ctx.expiresAt());
        }
        // consume the context first (XRES*, KAUSF deleted): of two concurrent confirmations only one gets here
        Duration keep = Duration.between(now, ctx.expiresAt()).plus(properties.authContextTtl());
        if (!store.compareAndSet(key, raw.get(), json.writeValueAsBytes(ctx.confirmed()), keep)) {
            count("replayed");
            throw new ProblemException(409, "Conflict", "AUTH_CONTEXT_ALREADY_CONFIRMED",
                    "authentication context " + authCtxId + " was confirmed concurrently");
        }
        if (!AusfAka.confirm(Hex.decode(resStar), Hex.decode(ctx.xresStar()))) { // constant-time
            count("failure");
            return new ConfirmationDataResponse(ConfirmationDataResponse.FAILURE, null, null);
        }
        byte[] kseaf = AusfAka.kseaf(Hex.decode(ctx.kausf()), new ServingNetworkName(ctx.servingNetworkName()));
        count("success");
        return new ConfirmationDataResponse(ConfirmationDataResponse.SUCCESS, ctx.supi(), Hex.encode(kseaf));
    }
}
