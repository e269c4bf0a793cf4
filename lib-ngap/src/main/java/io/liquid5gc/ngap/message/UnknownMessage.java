package io.liquid5gc.ngap.message;

import io.liquid5gc.ngap.ie.Criticality;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RawIe;
import java.util.List;

/**
 * A message of a procedure this codec does not model (or does not know): the PDU alternative, the procedure
 * code, the criticality and the undecoded value, so that it can be relayed, re-encoded or rejected according
 * to TS 38.413 10.3.2 (unknown or unsupported procedure code: follow the criticality).
 */
public record UnknownMessage(MessageType messageType, int procedureCodeValue, Criticality criticality, Octets value)
        implements NgapMessage {

    public UnknownMessage {
        if (messageType == null || procedureCodeValue < 0 || procedureCodeValue > 255 || criticality == null
                || value.length() == 0) {
            throw new IllegalArgumentException("message type, procedure code 0..255, criticality and a non-empty value");
        }
    }

    @Override
    public ProcedureCode procedureCode() {
        return ProcedureCode.fromCode(procedureCodeValue);
    }

    @Override
    public List<RawIe> rawIes() {
        return List.of();
    }
}
