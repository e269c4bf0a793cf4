package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import java.nio.charset.StandardCharsets;

/**
 * DNN, TS 24.501 9.11.2.1B: the APN encoding of TS 23.003 9.1 (length-prefixed labels).
 * {@link #name()} is the dotted form, e.g. "internet" or "ims.mnc001.mcc001.gprs".
 */
public record Dnn(String name) {

    public Dnn {
        if (name == null || name.isEmpty() || name.length() > 99) {
            throw new IllegalArgumentException("bad DNN");
        }
    }

    public static Dnn decode(NasReader r) throws NasDecodeException {
        if (!r.hasRemaining()) {
            throw NasReader.invalid("empty DNN");
        }
        StringBuilder sb = new StringBuilder(r.remaining());
        while (r.hasRemaining()) {
            int len = r.u8();
            if (len == 0) {
                throw NasReader.invalid("empty DNN label");
            }
            byte[] label = r.bytes(len);
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(new String(label, StandardCharsets.US_ASCII));
        }
        return new Dnn(sb.toString());
    }

    public void encode(NasWriter w) {
        int start = 0;
        while (start <= name.length()) {
            int dot = name.indexOf('.', start);
            int end = dot < 0 ? name.length() : dot;
            byte[] label = name.substring(start, end).getBytes(StandardCharsets.US_ASCII);
            w.u8(label.length).bytes(label);
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
    }
}
