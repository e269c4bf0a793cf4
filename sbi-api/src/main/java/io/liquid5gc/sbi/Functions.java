package io.liquid5gc.sbi;

import io.liquid5gc.sbi.nrf.NfDiscoveryRequest;
import io.liquid5gc.sbi.nrf.NfDiscoveryResult;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NfRegistrationResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 31 functions of the core (DESIGN §2). The names are part of the public contract: they are the
 * Spring bean names, the HTTP paths ({@code POST /{name}}), the FaaS function names and the metric tags.
 *
 * <p>Functions whose request and response are not typed yet carry {@link JsonObject} bodies (any JSON object);
 * their typed 3GPP data models arrive with their procedure logic.
 */
public final class Functions {

    private static final Map<String, FunctionSpec<?, ?>> BY_NAME = new LinkedHashMap<>();

    // AMF
    public static final FunctionSpec<JsonObject, JsonObject> AMF_INITIAL_REGISTRATION = untyped("amf-initial-registration", NfType.AMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> AMF_DEREGISTRATION = untyped("amf-deregistration", NfType.AMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> AMF_SERVICE_REQUEST = untyped("amf-service-request", NfType.AMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> AMF_PDU_SESSION_RELAY = untyped("amf-pdu-session-relay", NfType.AMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> AMF_HANDOVER = untyped("amf-handover", NfType.AMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> AMF_AUTH_INITIATE = untyped("amf-auth-initiate", NfType.AMF, false);
    // SMF
    public static final FunctionSpec<JsonObject, JsonObject> SMF_PDU_SESSION_CREATE = untyped("smf-pdu-session-create", NfType.SMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> SMF_PDU_SESSION_UPDATE = untyped("smf-pdu-session-update", NfType.SMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> SMF_PDU_SESSION_RELEASE = untyped("smf-pdu-session-release", NfType.SMF, false);
    public static final FunctionSpec<JsonObject, JsonObject> SMF_N4_SESSION_SETUP = untyped("smf-n4-session-setup", NfType.SMF, false);
    // NRF (TS 29.510)
    public static final FunctionSpec<NfProfile, NfRegistrationResult> NRF_REGISTER =
            register(new FunctionSpec<>("nrf-register", NfType.NRF, NfProfile.class, NfRegistrationResult.class, true));
    public static final FunctionSpec<NfDiscoveryRequest, NfDiscoveryResult> NRF_DISCOVER =
            register(new FunctionSpec<>("nrf-discover", NfType.NRF, NfDiscoveryRequest.class, NfDiscoveryResult.class, true));
    public static final FunctionSpec<JsonObject, JsonObject> NRF_STATUS_NOTIFY = untyped("nrf-status-notify", NfType.NRF, false);
    // CHF (R17)
    public static final FunctionSpec<JsonObject, JsonObject> CHF_CHARGING_CREATE = untyped("chf-charging-create", NfType.CHF, false);
    public static final FunctionSpec<JsonObject, JsonObject> CHF_CHARGING_UPDATE = untyped("chf-charging-update", NfType.CHF, false);
    public static final FunctionSpec<JsonObject, JsonObject> CHF_CHARGING_RELEASE = untyped("chf-charging-release", NfType.CHF, false);
    // BSF (R17)
    public static final FunctionSpec<JsonObject, JsonObject> BSF_BINDING_REGISTER = untyped("bsf-binding-register", NfType.BSF, false);
    public static final FunctionSpec<JsonObject, JsonObject> BSF_BINDING_DISCOVER = untyped("bsf-binding-discover", NfType.BSF, true);
    public static final FunctionSpec<JsonObject, JsonObject> BSF_BINDING_DEREGISTER = untyped("bsf-binding-deregister", NfType.BSF, true);
    // UDM
    public static final FunctionSpec<JsonObject, JsonObject> UDM_GENERATE_AUTH_DATA = untyped("udm-generate-auth-data", NfType.UDM, false);
    public static final FunctionSpec<JsonObject, JsonObject> UDM_GET_SUBSCRIBER_DATA = untyped("udm-get-subscriber-data", NfType.UDM, true);
    // UDR
    public static final FunctionSpec<JsonObject, JsonObject> UDR_DATA_READ = untyped("udr-data-read", NfType.UDR, true);
    public static final FunctionSpec<JsonObject, JsonObject> UDR_DATA_WRITE = untyped("udr-data-write", NfType.UDR, false);
    // PCF
    public static final FunctionSpec<JsonObject, JsonObject> PCF_POLICY_CREATE = untyped("pcf-policy-create", NfType.PCF, false);
    public static final FunctionSpec<JsonObject, JsonObject> PCF_POLICY_GET = untyped("pcf-policy-get", NfType.PCF, true);
    // NWDAF (R17)
    public static final FunctionSpec<JsonObject, JsonObject> NWDAF_ANALYTICS_SUBSCRIBE = untyped("nwdaf-analytics-subscribe", NfType.NWDAF, false);
    public static final FunctionSpec<JsonObject, JsonObject> NWDAF_DATA_COLLECT = untyped("nwdaf-data-collect", NfType.NWDAF, false);
    // NSACF (R17)
    public static final FunctionSpec<JsonObject, JsonObject> NSACF_SLICE_AVAILABILITY_CHECK = untyped("nsacf-slice-availability-check", NfType.NSACF, false);
    public static final FunctionSpec<JsonObject, JsonObject> NSACF_UPDATE_COUNTERS = untyped("nsacf-update-counters", NfType.NSACF, false);
    // AUSF
    public static final FunctionSpec<JsonObject, JsonObject> AUSF_AUTHENTICATE = untyped("ausf-authenticate", NfType.AUSF, false);
    // NSSF
    public static final FunctionSpec<JsonObject, JsonObject> NSSF_SLICE_SELECT = untyped("nssf-slice-select", NfType.NSSF, true);

    private Functions() {
    }

    /** Every function, in the order of DESIGN §2. */
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

    private static FunctionSpec<JsonObject, JsonObject> untyped(String name, NfType nf, boolean idempotent) {
        return register(new FunctionSpec<>(name, nf, JsonObject.class, JsonObject.class, idempotent));
    }

    private static <I, O> FunctionSpec<I, O> register(FunctionSpec<I, O> spec) {
        if (BY_NAME.putIfAbsent(spec.name(), spec) != null) {
            throw new IllegalStateException("duplicate function " + spec.name());
        }
        return spec;
    }
}
