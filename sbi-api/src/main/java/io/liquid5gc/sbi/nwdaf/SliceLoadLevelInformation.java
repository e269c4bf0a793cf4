package io.liquid5gc.sbi.nwdaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;

/**
 * SliceLoadLevelInformation (TS 29.520 5.1.6.2.6): the load level of slices ({@code loadLevelInformation}), here the
 * number of registered UEs / PDU sessions reported for them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SliceLoadLevelInformation(Integer loadLevelInformation, List<Snssai> snssais) {

    public SliceLoadLevelInformation {
        snssais = snssais == null ? List.of() : List.copyOf(snssais);
    }
}
