package io.liquid5gc.sbi.security;

import io.liquid5gc.sbi.NfType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The NF services the functions belong to (TS 23.501 7.2, service names of TS 29.510 6.1.6.3.11 ServiceName): an
 * access token's {@code scope} is a list of these names (TS 33.501 13.4.1.1), and a producer requires the service of
 * the function called.
 */
public enum NfService {
    NAMF_COMM("namf-comm", NfType.AMF),
    NSMF_PDUSESSION("nsmf-pdusession", NfType.SMF),
    NNRF_NFM("nnrf-nfm", NfType.NRF),
    NNRF_DISC("nnrf-disc", NfType.NRF),
    NCHF_CONVERGEDCHARGING("nchf-convergedcharging", NfType.CHF),
    NBSF_MANAGEMENT("nbsf-management", NfType.BSF),
    NUDM_UEAU("nudm-ueau", NfType.UDM),
    NUDM_SDM("nudm-sdm", NfType.UDM),
    NUDR_DR("nudr-dr", NfType.UDR),
    NPCF_SMPOLICYCONTROL("npcf-smpolicycontrol", NfType.PCF),
    NNWDAF_EVENTSSUBSCRIPTION("nnwdaf-eventssubscription", NfType.NWDAF),
    NNWDAF_DATAMANAGEMENT("nnwdaf-datamanagement", NfType.NWDAF),
    NNSACF_NSAC("nnsacf-nsac", NfType.NSACF),
    NAUSF_AUTH("nausf-auth", NfType.AUSF),
    NNSSF_NSSELECTION("nnssf-nsselection", NfType.NSSF);

    private final String serviceName;
    private final NfType producer;

    NfService(String serviceName, NfType producer) {
        this.serviceName = serviceName;
        this.producer = producer;
    }

    /** The name used in {@code scope}, e.g. {@code nudr-dr}. */
    public String serviceName() {
        return serviceName;
    }

    /** The NF type that produces the service. */
    public NfType producer() {
        return producer;
    }

    public static Optional<NfService> fromName(String name) {
        return Arrays.stream(values()).filter(s -> s.serviceName.equals(name)).findFirst();
    }

    /** The services one NF type produces. */
    public static List<NfService> of(NfType producer) {
        return Arrays.stream(values()).filter(s -> s.producer == producer).toList();
    }
}
