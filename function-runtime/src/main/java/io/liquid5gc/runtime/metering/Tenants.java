package io.liquid5gc.runtime.metering;

import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which configured tenant a UE's slice and PLMN belong to ({@link TenantProperties}). */
public final class Tenants {

    public static final Tenants NONE = new Tenants(new TenantProperties(List.of()));

    private final List<TenantProperties.Tenant> tenants;
    private final Set<String> names;

    public Tenants(TenantProperties properties) {
        this.tenants = properties.tenants();
        this.names = tenants.stream().map(TenantProperties.Tenant::name).collect(Collectors.toUnmodifiableSet());
    }

    /** True for a configured tenant and for {@value Tenancy#PLATFORM}. */
    public boolean isKnown(String name) {
        return name != null && (names.contains(name) || name.equals(Tenancy.PLATFORM));
    }

    /** The configured tenants' names, in configuration order. */
    public List<String> names() {
        return tenants.stream().map(TenantProperties.Tenant::name).toList();
    }

    /**
     * The tenant of a UE on {@code slice} in {@code plmn} (either may be null when not known): the first whose lists
     * hold both (a tenant without S-NSSAIs matches any slice, one without PLMNs any PLMN, but a list it has must hold
     * a known value); {@value Tenancy#PLATFORM} when none does.
     */
    public String resolve(Snssai slice, PlmnId plmn) {
        if (tenants.isEmpty()) {
            return Tenancy.PLATFORM;
        }
        String s = slice == null ? null : slice.toString();
        String p = plmn == null ? null : plmn.mcc() + plmn.mnc();
        for (TenantProperties.Tenant t : tenants) {
            boolean sliceOk = t.snssais().isEmpty() || (s != null && t.snssais().contains(s));
            boolean plmnOk = t.plmns().isEmpty() || (p != null && t.plmns().contains(p));
            if (sliceOk && plmnOk) {
                return t.name();
            }
        }
        return Tenancy.PLATFORM;
    }

    /** The tenant of the first of {@code slices} that belongs to one (in the UE's order), else of the PLMN alone. */
    public String resolveFirst(List<Snssai> slices, PlmnId plmn) {
        if (slices != null) {
            for (Snssai slice : slices) {
                String t = resolve(slice, plmn);
                if (!t.equals(Tenancy.PLATFORM)) {
                    return t;
                }
            }
        }
        return resolve(null, plmn);
    }
}
