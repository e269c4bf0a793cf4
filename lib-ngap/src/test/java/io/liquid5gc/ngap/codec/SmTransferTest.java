package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.TestMessages;
import io.liquid5gc.ngap.ie.CauseProtocol;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupRequestTransfer;
import io.liquid5gc.ngap.transfer.SmTransfer;
import io.liquid5gc.ngap.transfer.TransferResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmTransferTest {

    static Stream<SmTransfer> transfers() {
        return TestMessages.transfers().stream();
    }

    @ParameterizedTest
    @MethodSource("transfers")
    void whenTransferEncodedAndDecoded_thenEqual(SmTransfer t) {
        Octets bytes = SmTransferCodec.encode(t);
        TransferResult<? extends SmTransfer> r = SmTransferCodec.decode(t.getClass(), bytes);
        assertThat(r).isInstanceOf(TransferResult.Ok.class);
        assertThat(((TransferResult.Ok<?>) r).value()).isEqualTo(t);
    }

    @ParameterizedTest
    @MethodSource("transfers")
    void whenTransferTruncated_thenErrorValueNotException(SmTransfer t) {
        byte[] bytes = SmTransferCodec.encode(t).toByteArray();
        for (int n = 0; n < bytes.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, n);
            assertThat(SmTransferCodec.decode(t.getClass(), Octets.wrap(prefix))).isNotNull();
        }
    }

    @Test
    void whenSetupRequestTransferIsGarbage_thenTransferSyntaxError() {
        TransferResult<PduSessionResourceSetupRequestTransfer> r =
                SmTransferCodec.decode(PduSessionResourceSetupRequestTransfer.class, Octets.ofHex("00ffff"));
        assertThat(r).isInstanceOf(TransferResult.Error.class);
        assertThat(((TransferResult.Error<?>) r).cause()).isEqualTo(CauseProtocol.TRANSFER_SYNTAX_ERROR);
    }
}
