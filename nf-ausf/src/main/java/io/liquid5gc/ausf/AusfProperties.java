package io.liquid5gc.ausf;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AUSF settings ({@code liquid5gc.ausf.*}).
 *
 * @param servingPlmns    the PLMNs whose serving networks may authenticate UEs here, as {@code MCC-MNC} (e.g.
 *                        {@code 001-01}); the AUSF checks the serving network name against them (TS 33.501 6.1.2).
 *                        Empty: any well-formed serving network name is accepted
 * @param authContextTtl  how long an authentication context waits for its confirmation (default 30 s: the UE's
 *                        answer comes within T3560 x retransmissions, TS 24.501 10.2)
 * @param instanceId      this AUSF's NF instance id, sent to the UDM (default: a random UUID at startup)
 */
@ConfigurationProperties("liquid5gc.ausf")
public record AusfProperties(List<String> servingPlmns, @DefaultValue("30s") Duration authContextTtl, String instanceId) {

    /** The declared defaults: what binding no {@code liquid5gc.ausf.*} property gives (with a fresh random instance id). */
    public static AusfProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.ausf", AusfProperties.class);
    }

    public AusfProperties {
        servingPlmns = servingPlmns == null ? List.of() : List.copyOf(servingPlmns);
        for (String plmn : servingPlmns) {
            if (!plmn.matches("\\d{3}-\\d{2,3}")) {
                throw new IllegalArgumentException("liquid5gc.ausf.serving-plmns: MCC-MNC such as 001-01, not " + plmn);
            }
        }
        Objects.requireNonNull(authContextTtl, "liquid5gc.ausf.auth-context-ttl");
        if (authContextTtl.toMillis() < 1000) {
            throw new IllegalArgumentException("liquid5gc.ausf.auth-context-ttl must be at least 1 s");
        }
        // null means "not configured": this AUSF takes a random id at startup (not a declared default)
        instanceId = instanceId == null || instanceId.isBlank() ? UUID.randomUUID().toString() : instanceId;
    }

    /** The serving network names of the configured PLMNs (TS 24.501 9.12.1: a 2-digit MNC gets a leading 0). */
    List<String> servingNetworkNames() {
        return servingPlmns.stream().map(p -> {
            String[] mccMnc = p.split("-");
            String mnc = mccMnc[1].length() == 2 ? "0" + mccMnc[1] : mccMnc[1];
            return "5G:mnc" + mnc + ".mcc" + mccMnc[0] + ".3gppnetwork.org";
        }).toList();
    }
}
