package io.liquid5gc.sbi.chf;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** MultipleUnitUsage (TS 32.291 6.1.6.2.1.5): per rating group, the units requested and the units used. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MultipleUnitUsage(Integer ratingGroup, RequestedUnit requestedUnit, List<UsedUnitContainer> usedUnitContainer) {

    public MultipleUnitUsage {
        usedUnitContainer = usedUnitContainer == null ? List.of() : List.copyOf(usedUnitContainer);
    }
}
