package io.liquid5gc.sbi.security;

import static io.liquid5gc.sbi.security.ConsumerType.AMF;
import static io.liquid5gc.sbi.security.ConsumerType.AUSF;
import static io.liquid5gc.sbi.security.ConsumerType.N2_PROXY;
import static io.liquid5gc.sbi.security.ConsumerType.NRF;
import static io.liquid5gc.sbi.security.ConsumerType.NSACF;
import static io.liquid5gc.sbi.security.ConsumerType.NSSF;
import static io.liquid5gc.sbi.security.ConsumerType.NWDAF;
import static io.liquid5gc.sbi.security.ConsumerType.PCF;
import static io.liquid5gc.sbi.security.ConsumerType.SMF;
import static io.liquid5gc.sbi.security.ConsumerType.UDM;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of who may call what (TS 33.501 13.4.1: the NRF grants and the producer checks an access token for
 * an NF service; this table says which consumer types the service of each function is for). The NRF issues a token
 * only for services whose functions the consumer type may call; every producer checks the table again for the
 * function called, with the consumer type taken from the token, never from the body.
 */
public final class SbiAuthorization {

    /** One row: the function, the NF service (token scope) it belongs to, the consumer types allowed. */
    public record Rule(FunctionSpec<?, ?> function, NfService service, Set<ConsumerType> consumers) {
        public Rule {
            if (service.producer() != function.nf()) {
                throw new IllegalArgumentException(function.name() + " is not a function of " + service.serviceName());
            }
            consumers = Set.copyOf(consumers);
        }
    }

    /** Every NF type of the core (not the N2 proxy): registration in and discovery through the NRF, NWDAF input. */
    private static final Set<ConsumerType> EVERY_NF = EnumSet.complementOf(EnumSet.of(N2_PROXY));

    private static final Map<String, Rule> RULES = table(
            // AMF (Namf_Communication): the N2 proxy drives the UE's procedures; the AMF itself (another replica)
            rule(AmfApi.INITIAL_REGISTRATION, NfService.NAMF_COMM, N2_PROXY, AMF),
            rule(AmfApi.DEREGISTRATION, NfService.NAMF_COMM, N2_PROXY, AMF),
            rule(AmfApi.SERVICE_REQUEST, NfService.NAMF_COMM, N2_PROXY, AMF),
            rule(AmfApi.PDU_SESSION_RELAY, NfService.NAMF_COMM, N2_PROXY, AMF),
            rule(AmfApi.HANDOVER, NfService.NAMF_COMM, N2_PROXY, AMF),
            rule(AmfApi.AUTH_INITIATE, NfService.NAMF_COMM, N2_PROXY, AMF),
            // SMF (Nsmf_PDUSession, TS 29.502): the AMF; N4 set-up also by the SMF itself
            rule(SmfApi.PDU_SESSION_CREATE, NfService.NSMF_PDUSESSION, AMF),
            rule(SmfApi.PDU_SESSION_UPDATE, NfService.NSMF_PDUSESSION, AMF),
            rule(SmfApi.PDU_SESSION_RELEASE, NfService.NSMF_PDUSESSION, AMF),
            rule(SmfApi.N4_SESSION_SETUP, NfService.NSMF_PDUSESSION, AMF, SMF),
            // NRF (TS 29.510): every NF registers itself and discovers its peers; the proxy discovers AMFs
            rule(NrfApi.REGISTER, NfService.NNRF_NFM, EVERY_NF),
            rule(NrfApi.DISCOVER, NfService.NNRF_DISC, with(EVERY_NF, N2_PROXY)),
            rule(NrfApi.STATUS_NOTIFY, NfService.NNRF_NFM, EVERY_NF),
            // CHF, BSF, PCF: the SMF (TS 32.290, TS 29.521, TS 29.512)
            rule(ChfApi.CHARGING_CREATE, NfService.NCHF_CONVERGEDCHARGING, SMF),
            rule(ChfApi.CHARGING_UPDATE, NfService.NCHF_CONVERGEDCHARGING, SMF),
            rule(ChfApi.CHARGING_RELEASE, NfService.NCHF_CONVERGEDCHARGING, SMF),
            rule(BsfApi.BINDING_REGISTER, NfService.NBSF_MANAGEMENT, SMF),
            rule(BsfApi.BINDING_DISCOVER, NfService.NBSF_MANAGEMENT, SMF),
            rule(BsfApi.BINDING_DEREGISTER, NfService.NBSF_MANAGEMENT, SMF),
            rule(PcfApi.POLICY_CREATE, NfService.NPCF_SMPOLICYCONTROL, SMF),
            rule(PcfApi.POLICY_GET, NfService.NPCF_SMPOLICYCONTROL, SMF),
            // UDM (TS 29.503): authentication vectors to the AUSF only; subscription data to AMF and SMF
            rule(UdmApi.GENERATE_AUTH_DATA, NfService.NUDM_UEAU, AUSF),
            rule(UdmApi.GET_SUBSCRIBER_DATA, NfService.NUDM_SDM, AMF, SMF),
            // UDR (TS 29.504): subscription data to the UDM only (K and OPc never leave UDR/UDM, TS 33.501 6.1.3.2)
            rule(UdrApi.DATA_READ, NfService.NUDR_DR, UDM),
            rule(UdrApi.DATA_WRITE, NfService.NUDR_DR, UDM),
            // NWDAF (TS 29.520): analytics for the core's NFs; data collected from them
            rule(NwdafApi.ANALYTICS_SUBSCRIBE, NfService.NNWDAF_EVENTSSUBSCRIPTION, AMF, SMF, PCF, NSSF, NSACF, NRF),
            rule(NwdafApi.DATA_COLLECT, NfService.NNWDAF_DATAMANAGEMENT, EVERY_NF),
            // NSACF (TS 29.536): the AMF (UE admission) and the SMF (PDU admission)
            rule(NsacfApi.SLICE_AVAILABILITY_CHECK, NfService.NNSACF_NSAC, AMF, SMF),
            rule(NsacfApi.UPDATE_COUNTERS, NfService.NNSACF_NSAC, AMF, SMF),
            // AUSF (TS 29.509): the AMF (SEAF) only
            rule(AusfApi.AUTHENTICATE, NfService.NAUSF_AUTH, AMF),
            // NSSF (TS 29.531): the AMF
            rule(NssfApi.SLICE_SELECT, NfService.NNSSF_NSSELECTION, AMF));

    static {
        for (FunctionSpec<?, ?> f : Functions.all()) {
            if (!RULES.containsKey(f.name())) {
                throw new IllegalStateException("no authorization rule for " + f.name());
            }
        }
    }

    private SbiAuthorization() {
    }

    /** True when a consumer of this type may call the function. */
    public static boolean permits(FunctionSpec<?, ?> function, ConsumerType consumer) {
        Rule r = RULES.get(function.name());
        return r != null && consumer != null && r.consumers().contains(consumer);
    }

    /** The rule of one function. */
    public static Rule ruleOf(FunctionSpec<?, ?> function) {
        Rule r = RULES.get(function.name());
        if (r == null) {
            throw new IllegalArgumentException("not a function of the contract: " + function.name());
        }
        return r;
    }

    /** The NF service (token scope) of a function. */
    public static NfService serviceOf(FunctionSpec<?, ?> function) {
        return ruleOf(function).service();
    }

    /** Every rule, in the order of {@link io.liquid5gc.sbi.Functions#all()}. */
    public static List<Rule> rules() {
        return List.copyOf(RULES.values());
    }

    /**
     * The services of {@code producer} of which a consumer of this type may call at least one function or
     * {@link SbiResource} (the SMF gets namf-comm for N1N2MessageTransfer, which lets it call no AMF function).
     */
    public static Set<NfService> servicesFor(ConsumerType consumer, NfType producer) {
        Set<NfService> services = EnumSet.noneOf(NfService.class);
        for (Rule r : RULES.values()) {
            if (r.function().nf() == producer && r.consumers().contains(consumer)) {
                services.add(r.service());
            }
        }
        for (SbiResource r : SbiResource.values()) {
            if (r.producer() == producer && r.permits(consumer)) {
                services.add(r.service());
            }
        }
        return services;
    }

    private static Rule rule(FunctionSpec<?, ?> function, NfService service, ConsumerType... consumers) {
        return new Rule(function, service, Set.of(consumers));
    }

    private static Rule rule(FunctionSpec<?, ?> function, NfService service, Set<ConsumerType> consumers) {
        return new Rule(function, service, consumers);
    }

    private static Set<ConsumerType> with(Set<ConsumerType> set, ConsumerType more) {
        EnumSet<ConsumerType> s = EnumSet.copyOf(set);
        s.add(more);
        return s;
    }

    private static Map<String, Rule> table(Rule... rules) {
        Map<String, Rule> byName = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (byName.put(r.function().name(), r) != null) {
                throw new IllegalStateException("two rules for " + r.function().name());
            }
        }
        return byName;
    }
}
