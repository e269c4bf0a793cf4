package io.liquid5gc.udm;

import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.udm.AuthenticationInfoRequest;
import io.liquid5gc.sbi.udm.AuthenticationInfoResult;
import io.liquid5gc.sbi.udm.AuthenticationVector;
import io.liquid5gc.sbi.udm.GenerateAuthDataRequest;
import io.liquid5gc.sbi.udm.ResynchronizationInfo;
import io.liquid5gc.sbi.udr.AuthenticationSubscription;
import io.liquid5gc.sbi.udr.AuthenticationSubscription.SequenceNumber;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.DataWriteResult;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.aka.HeAv;
import io.liquid5gc.security.aka.HomeNetworkAka;
import io.liquid5gc.security.kdf.ServingNetworkName;
import io.liquid5gc.security.milenage.Sqn;
import io.liquid5gc.security.milenage.SqnManager;
import io.liquid5gc.security.suci.DeconcealResult;
import io.liquid5gc.security.suci.Suci;
import io.liquid5gc.security.suci.SuciDeconcealer;
import io.liquid5gc.security.suci.SuciError;
import io.liquid5gc.security.suci.SuciException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nudm_UEAU GenerateAuthData (TS 29.503 5.4.2.2; TS 33.501 6.1.3.2.0 steps 1-2, 6.1.3.3.2 resynchronisation): the
 * SIDF deconceals a SUCI (TS 33.501 6.12.2), the ARPF takes the next SQN from the UDR with a compare-and-set and
 * generates the 5G HE AV with Milenage. K and OPc are read from the UDR and never leave this class.
 */
final class UeAuthentication {

    private static final Logger log = LoggerFactory.getLogger(UeAuthentication.class);
    /** TS 24.501 9.12.1 / TS 33.501 6.1.1.4: 5G:mnc<MNC>.mcc<MCC>.3gppnetwork.org (optionally :<NID> for SNPN). */
    static final Pattern SERVING_NETWORK_NAME = Pattern.compile("5G:mnc\\d{3}\\.mcc\\d{3}\\.3gppnetwork\\.org(:[0-9A-Fa-f]{11})?");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern HEX28 = Pattern.compile("[0-9a-fA-F]{28}");

    private final UdrClient udr;
    private final SuciDeconcealer sidf;
    private final int sqnAttempts;
    private final Counter sqnConflicts;
    private final Counter resynchronisations;
    private final AmDataPrefetch prefetch;

    UeAuthentication(UdrClient udr, SuciDeconcealer sidf, int sqnAttempts, MeterRegistry meters, AmDataPrefetch prefetch) {
        this.udr = udr;
        this.prefetch = prefetch;
        this.sidf = sidf;
        this.sqnAttempts = sqnAttempts;
        this.sqnConflicts = Counter.builder("liquid5gc.udm.sqn.conflicts")
                .description("SQN compare-and-sets lost to a concurrent authentication of the same subscriber").register(meters);
        this.resynchronisations = Counter.builder("liquid5gc.udm.resynchronisations")
                .description("Accepted AUTS (TS 33.102 6.3.5)").register(meters);
    }

    AuthenticationInfoResult handleGenerateAuthData(GenerateAuthDataRequest request) {
        AuthenticationInfoRequest info = request.authenticationInfoRequest();
        if (request.supiOrSuci() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "supiOrSuci");
        }
        if (info == null || info.servingNetworkName() == null) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "authenticationInfoRequest.servingNetworkName");
        }
        if (!SERVING_NETWORK_NAME.matcher(info.servingNetworkName()).matches()) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT",
                    "servingNetworkName must be 5G:mnc<MNC>.mcc<MCC>.3gppnetwork.org (TS 24.501 9.12.1): " + info.servingNetworkName());
        }
        ResynchronizationInfo resync = info.resynchronizationInfo();
        if (resync != null && (resync.rand() == null || !HEX32.matcher(resync.rand()).matches()
                || resync.auts() == null || !HEX28.matcher(resync.auts()).matches())) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "resynchronizationInfo: rand is 32 and auts 28 hex digits");
        }
        String supi = supiOf(request.supiOrSuci());
        ServingNetworkName snn = new ServingNetworkName(info.servingNetworkName());

        // one UDR query for the registration: the AM data the AMF's SDM Get asks for next comes with it (AmDataPrefetch)
        io.liquid5gc.sbi.udr.SubscriptionData data = udr.read(prefetch.enabled()
                ? DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION, UdrDataSet.AM_DATA)
                : DataReadRequest.of(supi, UdrDataSet.AUTHENTICATION_SUBSCRIPTION));
        AuthenticationSubscription auth = data.authenticationSubscription();
        if (auth == null || !AuthenticationSubscription.METHOD_5G_AKA.equals(auth.authenticationMethod())) {
            // TS 29.503 6.3.7.3: the subscriber is not provisioned for 5G AKA
            throw new ProblemException(501, "Not Implemented", "UNSUPPORTED_AUTH_METHOD",
                    supi + ": authentication method " + (auth == null ? "none" : auth.authenticationMethod()) + "; only 5G_AKA is supported");
        }
        byte[] k = Hex.decode(auth.encPermanentKey());
        byte[] opc = Hex.decode(auth.encOpcKey());
        byte[] amf = Hex.decode(auth.authenticationManagementField());
        amf[0] |= (byte) 0x80; // the AMF separation bit marks a 5G vector (TS 33.501 6.1.3.2.0, TS 33.102 Annex H)
        int indBits = auth.sequenceNumber().indLength() == null ? Sqn.DEFAULT_IND_BITS : auth.sequenceNumber().indLength();
        SqnManager sqnManager = new SqnManager(indBits);

        Optional<Sqn> sqnMs = Optional.empty();
        byte[] resyncRand = null;
        if (resync != null) {
            // TS 33.102 6.3.5: verify MAC-S of AUTS with the RAND of the failed challenge, recover SQN_MS
            resyncRand = Hex.decode(resync.rand());
            sqnMs = HomeNetworkAka.verifyAuts(k, opc, resyncRand, Hex.decode(resync.auts()));
            if (sqnMs.isEmpty()) {
                throw ProblemException.forbidden("AUTHENTICATION_REJECTED", "resynchronisation of " + supi + ": MAC-S of AUTS does not verify");
            }
            resynchronisations.increment();
            log.debug("resynchronisation of {}: SQN_MS {}", supi, sqnMs.get().toHex());
        }
        Sqn sqn = takeNextSqn(supi, auth.sequenceNumber(), sqnManager, sqnMs);
        HeAv av = HomeNetworkAka.generateHeAv(k, opc, sqn, amf, snn);
        prefetch.keep(supi, data.amData());
        return new AuthenticationInfoResult(AuthenticationInfoResult.AUTH_TYPE_5G_AKA,
                new AuthenticationVector(AuthenticationVector.AV_5G_HE_AKA, Hex.encode(av.rand()), Hex.encode(av.xresStar()),
                        Hex.encode(av.autn()), Hex.encode(av.kausf())), supi);
    }

    /**
     * SQN_HE := next(SQN_HE), or next(max(SQN_HE, SQN_MS)) after a resynchronisation (TS 33.102 C.3.2, C.3.4), with
     * a compare-and-set in the UDR: the SQN returned is used by this vector only.
     */
    private Sqn takeNextSqn(String supi, SequenceNumber stored, SqnManager sqnManager, Optional<Sqn> sqnMs) {
        SequenceNumber current = stored;
        for (int attempt = 1; attempt <= sqnAttempts; attempt++) {
            Sqn sqnHe = Sqn.fromHex(current.sqn());
            Sqn base = sqnMs.map(ms -> sqnManager.afterResync(sqnHe, ms)).orElse(sqnHe);
            Sqn next;
            try {
                next = sqnManager.next(base);
            } catch (IllegalStateException exhausted) {
                throw ProblemException.forbidden("AUTHENTICATION_REJECTED", supi + ": " + exhausted.getMessage());
            }
            SequenceNumber nextSqn = new SequenceNumber(current.sqnScheme(), next.toHex(), sqnManager.indBits());
            DataWriteResult r = udr.write(UdrClient.updateSqn(supi, current.sqn(), nextSqn));
            if (r.applied()) {
                return next;
            }
            current = r.sequenceNumber();
            sqnConflicts.increment();
            if (attempt > 2) {
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 50_000L * Math.min(attempt, 40)));
            }
        }
        throw new ProblemException(503, "Service Unavailable", "NF_CONGESTION",
                "SQN of " + supi + " still contended after " + sqnAttempts + " attempts");
    }

    /** A SUPI as is; a SUCI deconcealed by the SIDF (TS 33.501 6.12.2, Annex C). */
    private String supiOf(String supiOrSuci) {
        if (supiOrSuci.startsWith("imsi-") || supiOrSuci.startsWith("nai-")) {
            if (!supiOrSuci.matches("imsi-\\d{5,15}|nai-.{1,253}")) {
                throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "not a SUPI: " + supiOrSuci);
            }
            return supiOrSuci;
        }
        if (!supiOrSuci.startsWith("suci-")) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "supiOrSuci must start with imsi-, nai- or suci-");
        }
        Suci suci;
        try {
            suci = Suci.parse(supiOrSuci);
        } catch (SuciException e) {
            throw ProblemException.badRequest("MANDATORY_IE_INCORRECT", "SUCI: " + e.error().describe());
        }
        return switch (sidf.deconceal(suci)) {
            case DeconcealResult.Deconcealed d -> d.supi().toString();
            case SuciError.UnsupportedScheme e ->
                    throw new ProblemException(501, "Not Implemented", "UNSUPPORTED_PROTECTION_SCHEME", "SUCI: " + e.describe());
            case SuciError e -> {
                log.info("SUCI of home network {}-{} key id {} scheme {} rejected: {}", suci.mcc(), suci.mnc(), suci.hnKeyId(),
                        suci.schemeId(), e.describe());
                throw ProblemException.forbidden("AUTHENTICATION_REJECTED", "SUCI deconcealment failed: " + e.describe());
            }
        };
    }
}
