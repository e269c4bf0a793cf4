package io.liquid5gc.proxy.ue;

import io.liquid5gc.nas.NasMessage;
import io.liquid5gc.nas.NasPdu;
import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.security.SecurityProtectedNasMessage;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.AmfStoreKeys;
import io.liquid5gc.sbi.amf.NasSecurityContext;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.security.Hex;
import io.liquid5gc.security.kdf.KeyHierarchy;
import io.liquid5gc.security.kdf.NasKeys;
import io.liquid5gc.security.nas.CipheringAlgorithm;
import io.liquid5gc.security.nas.IntegrityAlgorithm;
import io.liquid5gc.security.nas.NasProtection;
import io.liquid5gc.security.nas.NasSecurityAssociation;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * The N1 termination's NAS security on a UE (TS 24.501 4.4; TS 33.501 6.4): the keys of the AMF's NAS security
 * context from the store, the uplink check (integrity, replay, deciphering) and the downlink protection, on the
 * UE's {@link NasSecurityAssociation} (lib-security), which keeps the COUNTs.
 */
final class UeNasSecurity {

    private static final Logger log = LoggerFactory.getLogger(UeNasSecurity.class);

    private final KeyValueStore store;
    private final ObjectMapper json;
    private final UeMetrics metrics;

    UeNasSecurity(KeyValueStore store, ObjectMapper json, UeMetrics metrics) {
        this.store = store;
        this.json = json;
        this.metrics = metrics;
    }

    /** An uplink NAS message as received: decoded, and whether its integrity was verified. */
    record Received(NasMessage message, boolean verified) {
    }

    /** Integrity check, replay check and deciphering (TS 24.501 4.4.3-4.4.5; TS 33.501 6.4); empty when discarded. */
    Optional<Received> unprotect(UeN2 ue, byte[] pdu) {
        DecodeResult<NasPdu> decoded = NasCodec.decodePdu(pdu);
        if (decoded instanceof DecodeResult.Err<NasPdu> err) {
            log.warn("{}: undecodable NAS ({}): {}", ue, err.error().kind(), err.error().detail());
            metrics.count("nas_undecodable");
            return Optional.empty();
        }
        NasPdu nas = ((DecodeResult.Ok<NasPdu>) decoded).value();
        if (nas instanceof NasPdu.Plain plain) {
            return Optional.of(new Received(plain.message(), false));
        }
        SecurityProtectedNasMessage sp = ((NasPdu.Protected) nas).message();
        boolean ciphered = sp.securityHeaderType() == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED
                || sp.securityHeaderType() == SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT;
        if (ue.nas == null) {
            if (ciphered) {
                log.warn("{}: ciphered NAS without a security context here; discarded", ue);
                metrics.count("nas_no_context");
                return Optional.empty();
            }
            return decodeInner(ue, sp.innerBytes()).map(m -> new Received(m, false));
        }
        return switch (ue.nas.unprotect(sp.sequenceNumber(), sp.macInput(), sp.mac(), sp.innerBytes(), ciphered)) {
            case NasSecurityAssociation.Accepted a -> decodeInner(ue, a.message()).map(m -> new Received(m, true));
            case NasSecurityAssociation.Replayed r -> {
                log.warn("{}: replayed NAS COUNT {} (last {}); discarded", ue, r.count(), r.lastAccepted());
                metrics.count("nas_replay");
                yield Optional.empty();
            }
            case NasSecurityAssociation.IntegrityFailure f when !ciphered -> {
                // TS 24.501 4.4.4.3: e.g. a Registration Request with a context this network no longer has: plain, unverified
                log.info("{}: NAS integrity check failed (COUNT {}); handled as not integrity protected", ue, f.count());
                metrics.count("nas_integrity_failure");
                yield decodeInner(ue, sp.innerBytes()).map(m -> new Received(m, false));
            }
            case NasSecurityAssociation.IntegrityFailure f -> {
                log.warn("{}: NAS integrity check failed (COUNT {}); discarded", ue, f.count());
                metrics.count("nas_integrity_failure");
                yield Optional.empty();
            }
        };
    }

    private Optional<NasMessage> decodeInner(UeN2 ue, byte[] inner) {
        DecodeResult<NasMessage> d = NasCodec.decode(inner);
        if (d instanceof DecodeResult.Ok<NasMessage> ok) {
            return Optional.of(ok.value());
        }
        log.warn("{}: undecodable inner NAS: {}", ue, ((DecodeResult.Err<NasMessage>) d).error().detail());
        metrics.count("nas_undecodable");
        return Optional.empty();
    }

    /** Applies the protection the AMF asked for (TS 24.501 4.4.4, 4.4.5, 9.3.1). */
    byte[] protect(UeN2 ue, byte[] plain, UeAction.Protection protection) {
        return protect(ue, plain, protection, true);
    }

    /** {@code activate}: a Security Mode Command sent for the first time takes the new context; its retransmission does not. */
    byte[] protect(UeN2 ue, byte[] plain, UeAction.Protection protection, boolean activate) {
        if (protection == UeAction.Protection.NEW_CONTEXT_INTEGRITY && activate) {
            activateNewContext(ue);
        }
        if (protection == UeAction.Protection.PLAIN || ue.nas == null) {
            if (protection != UeAction.Protection.PLAIN) {
                log.warn("{}: no NAS security context for a protected message; sent plain", ue);
            }
            return plain;
        }
        boolean cipher = protection == UeAction.Protection.PROTECTED;
        SecurityHeaderType sht = cipher ? SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED : SecurityHeaderType.INTEGRITY_PROTECTED_WITH_NEW_CONTEXT;
        NasSecurityAssociation.Protected p = ue.nas.protect(plain, cipher); // plain is ours: ciphered in place
        return NasCodec.protect(sht, p.mac(), p.sequenceNumber(), plain);
    }

    /** Takes the NAS security context the AMF just established (TS 24.501 4.4.2.3): new keys, COUNTs from zero. */
    private void activateNewContext(UeN2 ue) {
        NasSecurityContext c = amfContext(ue.contextId())
                .orElseThrow(() -> new IllegalStateException(ue + ": the AMF asked for a new NAS security context but stored none"));
        ue.nas = NasSecurityAssociation.network(keys(ue, c));
    }

    /**
     * Takes the AMF's current NAS security context with the COUNTs the proxy kept (keys derived again, TS 33.501 A.8);
     * nothing when the AMF has none.
     */
    void resume(UeN2 ue, int downlinkCount, long lastUplinkCount) {
        amfContext(ue.contextId()).ifPresent(c -> ue.nas = NasSecurityAssociation.network(keys(ue, c), downlinkCount, lastUplinkCount));
    }

    private Optional<NasSecurityContext> amfContext(String contextId) {
        return store.get(AmfStoreKeys.nasSecurity(contextId)).map(b -> json.readValue(b, NasSecurityContext.class));
    }

    private static NasProtection keys(UeN2 ue, NasSecurityContext c) {
        ue.kamf = Hex.decode(c.kamf());
        NasKeys keys = KeyHierarchy.nasKeys(ue.kamf, c.cipheringAlgorithm(), c.integrityAlgorithm());
        return new NasProtection(CipheringAlgorithm.fromCode(c.cipheringAlgorithm()), keys.encryptionKey(),
                IntegrityAlgorithm.fromCode(c.integrityAlgorithm()), keys.integrityKey());
    }
}
