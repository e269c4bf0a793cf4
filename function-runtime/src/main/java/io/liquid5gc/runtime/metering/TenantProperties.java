package io.liquid5gc.runtime.metering;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The tenants of a shared network ({@code liquid5gc.tenants[i].*}): each a name and a set of S-NSSAIs and/or PLMNs.
 *
 * <pre>
 * liquid5gc.tenants[0].name=campus-a
 * liquid5gc.tenants[0].snssais=1-010203
 * liquid5gc.tenants[1].name=campus-b
 * liquid5gc.tenants[1].snssais=1-000002,2
 * liquid5gc.tenants[2].name=visitor
 * liquid5gc.tenants[2].plmns=00102
 * </pre>
 * A UE's invocation belongs to the first tenant whose S-NSSAIs (when it lists any) hold the slice and whose PLMNs (when
 * it lists any) hold the PLMN. Default: no tenant, everything billed to {@value Tenancy#PLATFORM}.
 */
@ConfigurationProperties("liquid5gc")
public record TenantProperties(List<Tenant> tenants) {

    /** The declared defaults: what binding no {@code liquid5gc.*} property gives (no tenant). */
    public static TenantProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc", TenantProperties.class);
    }

    public TenantProperties {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        Set<String> names = new HashSet<>();
        for (Tenant t : tenants) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("liquid5gc.tenants: the name " + t.name() + " is used twice");
            }
        }
    }

    /**
     * @param name    lower-case letters, digits and '-', at most 40 (a metric label and a CSV field)
     * @param snssais S-NSSAIs as {@code SST} or {@code SST-SD} (SD 6 hex digits)
     * @param plmns   PLMNs as MCC followed by MNC, 5 or 6 digits
     */
    public record Tenant(String name, List<String> snssais, List<String> plmns) {

        public Tenant {
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("liquid5gc.tenants[].name must be 1 to 40 lower-case letters, digits or '-': " + name);
            }
            if (name.equals(Tenancy.PLATFORM)) {
                throw new IllegalArgumentException("liquid5gc.tenants[].name: '" + Tenancy.PLATFORM + "' is the tenant of what serves no UE");
            }
            snssais = snssais == null ? List.of() : snssais.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
            plmns = plmns == null ? List.of() : plmns.stream().map(String::strip).toList();
            if (snssais.isEmpty() && plmns.isEmpty()) {
                throw new IllegalArgumentException("liquid5gc.tenants: " + name + " needs snssais or plmns");
            }
            for (String s : snssais) {
                if (!s.matches("\\d{1,3}(-[0-9a-f]{6})?") || Integer.parseInt(s.split("-")[0]) > 255) {
                    throw new IllegalArgumentException("liquid5gc.tenants: " + name + ": S-NSSAI '" + s + "' is not SST or SST-SD (SST 0..255, SD 6 hex digits)");
                }
            }
            for (String p : plmns) {
                if (!p.matches("\\d{5,6}")) {
                    throw new IllegalArgumentException("liquid5gc.tenants: " + name + ": PLMN '" + p + "' is not MCC+MNC (5 or 6 digits)");
                }
            }
        }
    }
}
