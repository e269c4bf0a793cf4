package io.liquid5gc.sbi;

import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.ausf.AusfApi;
import io.liquid5gc.sbi.bsf.BsfApi;
import io.liquid5gc.sbi.chf.ChfApi;
import io.liquid5gc.sbi.nrf.NrfApi;
import io.liquid5gc.sbi.nsacf.NsacfApi;
import io.liquid5gc.sbi.nssf.NssfApi;
import io.liquid5gc.sbi.nwdaf.NwdafApi;
import io.liquid5gc.sbi.pcf.PcfApi;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.sbi.udm.UdmApi;
import io.liquid5gc.sbi.udr.UdrApi;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 31 functions of the core (one per 3GPP procedure, docs/architecture.md "Modules", sbi-api). The names are part of the public contract: they are the
 * Spring bean names, the HTTP paths ({@code POST /{name}}), the FaaS function names and the metric tags.
 * Each NF's functions are declared as {@link FunctionSpec} constants in its {@code <Nf>Api} class
 * ({@link AmfApi}, {@link UdmApi}, ...); this class collects them.
 *
 * <p>Functions whose request and response are not typed yet carry {@link JsonObject} bodies (any JSON object);
 * their typed 3GPP data models arrive with their procedure logic.
 */
public final class Functions {

    /** The API classes, in the contract's order (the order of {@link #all()} and of the tables that follow it). */
    static final List<Class<?>> APIS = List.of(AmfApi.class, SmfApi.class, NrfApi.class, ChfApi.class, BsfApi.class,
            UdmApi.class, UdrApi.class, PcfApi.class, NwdafApi.class, NsacfApi.class, AusfApi.class, NssfApi.class);

    private static final Map<String, FunctionSpec<?, ?>> BY_NAME = collect();

    private Functions() {
    }

    /** Every function, API class by API class in the order of {@link #APIS}. */
    public static List<FunctionSpec<?, ?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The functions owned by one NF. */
    public static List<FunctionSpec<?, ?>> of(NfType nf) {
        return BY_NAME.values().stream().filter(f -> f.nf() == nf).toList();
    }

    public static Optional<FunctionSpec<?, ?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Map<String, FunctionSpec<?, ?>> byName() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    private static Map<String, FunctionSpec<?, ?>> collect() {
        Map<String, FunctionSpec<?, ?>> byName = new LinkedHashMap<>();
        for (Class<?> api : APIS) {
            for (Field f : api.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == FunctionSpec.class) {
                    FunctionSpec<?, ?> spec;
                    try {
                        spec = (FunctionSpec<?, ?>) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(api.getSimpleName() + "." + f.getName() + " must be public", e);
                    }
                    if (byName.putIfAbsent(spec.name(), spec) != null) {
                        throw new IllegalStateException("duplicate function " + spec.name());
                    }
                }
            }
        }
        return byName;
    }
}
