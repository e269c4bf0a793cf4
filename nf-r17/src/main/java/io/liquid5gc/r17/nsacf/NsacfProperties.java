package io.liquid5gc.r17.nsacf;

import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * NSACF settings ({@code liquid5gc.nsacf.*}): the maximum number of UEs and of PDU sessions per S-NSSAI
 * (TS 23.501 5.15.11). A slice not listed, or a maximum not set, is counted but not limited.
 *
 * <pre>
 * liquid5gc.nsacf.slices[0].sst=1
 * liquid5gc.nsacf.slices[0].sd=010203
 * liquid5gc.nsacf.slices[0].max-num-ues=1000
 * liquid5gc.nsacf.slices[0].max-num-pdus=2000
 * </pre>
 *
 * @param slices the quotas
 */
@ConfigurationProperties("liquid5gc.nsacf")
public record NsacfProperties(List<Slice> slices) {

    /** The declared defaults: what binding no {@code liquid5gc.nsacf.*} property gives (no slice limited). */
    public static NsacfProperties defaults() {
        return new Binder().bindOrCreate("liquid5gc.nsacf", NsacfProperties.class);
    }

    @ConstructorBinding
    public NsacfProperties {
        slices = slices == null ? List.of() : List.copyOf(slices);
        if (slices.stream().map(Slice::snssai).distinct().count() != slices.size()) {
            throw new IllegalArgumentException("liquid5gc.nsacf.slices: an S-NSSAI is listed twice");
        }
    }

    /** The quota of one S-NSSAI; null = not limited. */
    public record Slice(Integer sst, String sd, Long maxNumUes, Long maxNumPdus) {

        public Slice {
            if (sst == null) {
                throw new IllegalArgumentException("liquid5gc.nsacf.slices[].sst is required");
            }
            new Snssai(sst, sd);
            if ((maxNumUes != null && maxNumUes < 0) || (maxNumPdus != null && maxNumPdus < 0)) {
                throw new IllegalArgumentException("liquid5gc.nsacf.slices[]: maxima must be >= 0");
            }
        }

        Snssai snssai() {
            return new Snssai(sst, sd);
        }
    }

    Slice of(Snssai snssai) {
        return slices.stream().filter(s -> s.snssai().equals(snssai)).findFirst()
                .orElse(new Slice(snssai.sst(), snssai.sd(), null, null));
    }
}
