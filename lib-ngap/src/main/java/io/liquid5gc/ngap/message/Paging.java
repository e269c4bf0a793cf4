package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.FiveGSTmsi;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.PagingPriority;
import io.liquid5gc.ngap.ie.RawIe;
import io.liquid5gc.ngap.ie.Tai;
import java.util.List;

/** TS 38.413 8.5.1 / 9.2.4.1 PAGING; pagingDrx and pagingPriority may be null. */
public record Paging(FiveGSTmsi uePagingIdentity, PagingDrx pagingDrx, List<Tai> taiList, PagingPriority pagingPriority, List<RawIe> rawIes)
        implements InitiatingMessage {
    public Paging {
        taiList = taiList == null ? null : List.copyOf(taiList);
        rawIes = List.copyOf(rawIes);
    }

    @Override
    public ProcedureCode procedureCode() {
        return ProcedureCode.PAGING;
    }
}
