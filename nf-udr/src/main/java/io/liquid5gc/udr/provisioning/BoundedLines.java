package io.liquid5gc.udr.provisioning;

import io.liquid5gc.sbi.common.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a stream (UTF-8, {@code \n} or {@code \r\n}), one at a time: never more than one line of at most
 * {@code maxBytes} and one read buffer in memory, however long the stream. A longer line is refused (400) before it is
 * read further; the error names the line number only.
 */
final class BoundedLines {

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int end;
    private byte[] line = new byte[512];
    private int number;

    BoundedLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its line break, or null at the end of the stream. */
    String next() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int i = pos;
            while (i < end && buffer[i] != '\n') {
                i++;
            }
            int chunk = i - pos;
            if (length + chunk > maxBytes) {
                throw tooLong(number + 1, maxBytes);
            }
            if (length + chunk > line.length) {
                byte[] bigger = new byte[Math.min(maxBytes, Math.max(line.length * 2, length + chunk))];
                System.arraycopy(line, 0, bigger, 0, length);
                line = bigger;
            }
            System.arraycopy(buffer, pos, line, length, chunk);
            length += chunk;
            if (i < end) {
                pos = i + 1;
                break;
            }
            pos = end;
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    /** The number of the line {@link #next()} returned last (1 for the first). */
    int number() {
        return number;
    }

    private boolean fill() {
        try {
            int n = in.read(buffer);
            pos = 0;
            end = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProblemException tooLong(int line, int maxBytes) {
        return SubscriberProfiles.bad("csv line " + line, "longer than " + maxBytes + " bytes (one subscriber per line)");
    }
}
