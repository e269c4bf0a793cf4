package io.liquid5gc.pfcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** DNS label encoding of names (TS 23.003 9.1, RFC 1035 3.1), as PFCP carries FQDNs and DNNs. */
final class Labels {
    private Labels() {
    }

    static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.", -1)) {
            byte[] b = label.getBytes(StandardCharsets.US_ASCII);
            if (b.length == 0 || b.length > 63) {
                throw new IllegalArgumentException("a label is 1-63 characters: \"" + label + "\" in " + name);
            }
            out.write(b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static String decode(byte[] octets, Octets context) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < octets.length) {
            int n = octets[i] & 0xFF;
            if (n == 0 || n > 63 || i + 1 + n > octets.length) {
                throw context.bad("bad label length " + n + " at " + i);
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            for (int k = i + 1; k <= i + n; k++) {
                int c = octets[k] & 0xFF;
                if (c == '.' || c < 0x21 || c > 0x7E) {
                    throw context.bad("label character 0x" + Integer.toHexString(c));
                }
                sb.append((char) c);
            }
            i += 1 + n;
        }
        if (sb.isEmpty()) {
            throw context.bad("empty name");
        }
        return sb.toString();
    }
}
