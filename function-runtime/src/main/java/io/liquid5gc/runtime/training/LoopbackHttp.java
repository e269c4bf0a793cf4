package io.liquid5gc.runtime.training;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The training run's HTTP/1.1 client: POSTs over one kept-alive loopback socket (RFC 9112), reconnecting when the
 * server closes it. Plain {@link Socket} I/O rather than the JDK's {@code java.net.http.HttpClient}: whatever the
 * training run loads goes into the AOT cache, and every class of the cache is loaded at each start of the unit (its
 * memory, docs/operations.md "Cold start"); the JDK HttpClient's ~280 classes and its selector thread are no part of
 * the function's request path.
 */
final class LoopbackHttp implements AutoCloseable {

    private static final int MAX_HEADER_LINE = 8192;

    /** {@code status} 0 with no body: no answer within the timeout. */
    record Answer(int status, byte[] body) {
    }

    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackHttp(int port, Duration timeout) {
        this.port = port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** POSTs {@code body} as JSON to {@code path} with the headers given ("Name: value" lines, no CRLF). */
    Answer post(String path, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        boolean reused = socket != null;
        try {
            return exchange(request, body);
        } catch (SocketTimeoutException e) {
            close();
            return new Answer(0, new byte[0]);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(request, body); // the server closed the kept-alive connection: once more on a new one
        }
    }

    private Answer exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            socket = s;
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        }
        out.write(head);
        out.write(body);
        out.flush();
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close |= value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] answer;
        if (chunked) {
            answer = chunks();
        } else if (length >= 0) {
            answer = in.readNBytes(Math.toIntExact(length));
            if (answer.length != length) {
                throw new EOFException("answer ended after " + answer.length + " of " + length + " bytes");
            }
        } else {
            answer = in.readAllBytes(); // delimited by the end of the connection (RFC 9112 6.3)
            close = true;
        }
        if (close) {
            close();
        }
        return new Answer(code, answer);
    }

    /** A chunked body (RFC 9112 7.1), trailers skipped. */
    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int ext = size.indexOf(';');
            int n = Integer.parseInt((ext < 0 ? size : size.substring(0, ext)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailer fields
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new EOFException("chunk ended after " + chunk.length + " of " + n + " bytes");
            }
            body.writeBytes(chunk);
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n') {
                int end = s.length();
                return s.substring(0, end > 0 && s.charAt(end - 1) == '\r' ? end - 1 : end);
            }
            if (s.length() >= MAX_HEADER_LINE) {
                throw new IOException("header line longer than " + MAX_HEADER_LINE);
            }
            s.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
