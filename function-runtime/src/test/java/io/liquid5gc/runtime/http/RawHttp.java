package io.liquid5gc.runtime.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** An HTTP/1.1 exchange over a plain socket, so a test controls exactly what is sent and when. */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;

    public RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Everything the server sends until it closes the connection or goes quiet for a while after answering. */
    public String readAnswer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
                if (isWholeResponse(got.toString(StandardCharsets.ISO_8859_1))) {
                    return got.toString(StandardCharsets.ISO_8859_1);
                }
                if (got.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                    socket.setSoTimeout(2_000); // the JSON body is complete: wait briefly for more, or the close
                }
            }
        } catch (SocketTimeoutException quiet) {
            if (got.size() == 0) {
                throw quiet;
            }
        } catch (java.net.SocketException reset) {
            // the server closed while we were still sending: what was read is the answer
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    /** One whole response: its head, and the body its Content-Length or last chunk says ends it. */
    static boolean isWholeResponse(String text) {
        int head = text.indexOf("\r\n\r\n");
        if (head < 0) {
            return false;
        }
        String headers = text.substring(0, head).toLowerCase(java.util.Locale.ROOT);
        String body = text.substring(head + 4);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(headers);
        if (length.find()) {
            return body.length() >= Long.parseLong(length.group(1));
        }
        return headers.contains("\r\ntransfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
    }

    /** True when the server closed the connection (read returns -1 or reset) within the socket timeout. */
    public boolean closedByServer() throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    public void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
