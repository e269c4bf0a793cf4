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

    /** TS 24.501 9.11.2.1B: the DNN value is at most 100 octets (99 characters in dotted form). */
    public static final int MAX_LENGTH = 99;

    public Dnn {
        if (name == null || !valid(name)) {
            throw new IllegalArgumentException("bad DNN: " + name);
        }
    }

    /** Labels of letters, digits and hyphens, separated by dots (TS 23.003 9.1). */
    private static boolean valid(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH || name.charAt(0) == '.' || name.endsWith(".")) {
            return false;
        }
        int labelLen = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (labelLen == 0) {
                    return false;
                }
                labelLen = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                if (++labelLen > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
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
            for (byte b : label) {
                if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-')) {
                    throw NasReader.invalid("DNN label character 0x" + Integer.toHexString(b & 0xFF));
                }
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(new String(label, StandardCharsets.US_ASCII));
        }
        String name = sb.toString();
        if (!valid(name)) {
            throw NasReader.invalid("DNN is not an APN-encoded name");
        }
        return new Dnn(name);
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
