package io.liquid5gc.ngap.transfer;

import io.liquid5gc.ngap.codec.IeReport;
import io.liquid5gc.ngap.ie.Cause;
import java.util.List;

/** The outcome of decoding an SM transfer container: the value, or why there is none (never an exception). */
public sealed interface TransferResult<T extends SmTransfer> {
    record Ok<T extends SmTransfer>(T value, List<IeReport> reports) implements TransferResult<T> {
        public Ok {
            reports = List.copyOf(reports);
        }
    }

    /** cause is a protocol cause (transfer-syntax-error, abstract-syntax-error-reject, semantic-error...). */
    record Error<T extends SmTransfer>(Cause cause, String detail) implements TransferResult<T> {
    }
}
