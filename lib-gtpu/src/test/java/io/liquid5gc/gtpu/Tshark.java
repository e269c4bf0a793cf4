package io.liquid5gc.gtpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wireshark's GTP dissector as an independent oracle: each GTP-U message is written as the payload of an
 * IPv4/UDP datagram to port 2152, or another ({@code text2pcap -4 -u}), and dissected by {@code tshark}. Checked with tshark 4.0.
 */
public final class Tshark {
    private Tshark() {
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/tshark")) && Files.isExecutable(Path.of("/usr/bin/text2pcap"));
    }

    /** The verbose dissection of each message, in order. */
    public static List<String> dissect(List<byte[]> messages) throws IOException, InterruptedException {
        return dissect(messages, 2152);
    }

    /**
     * The verbose dissection of each message sent as UDP payload to and from {@code port}, in order; extra tshark
     * options (for example {@code -d udp.port==8805,pfcp}) follow.
     */
    public static List<String> dissect(List<byte[]> messages, int port, String... tsharkOptions) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("gtpu-tshark");
        try {
            StringBuilder sb = new StringBuilder();
            for (byte[] p : messages) {
                for (int off = 0; off < p.length; off += 16) {
                    sb.append(String.format("%06x", off));
                    for (int i = off; i < Math.min(p.length, off + 16); i++) {
                        sb.append(' ').append(String.format("%02x", p[i] & 0xFF));
                    }
                    sb.append('\n');
                }
                sb.append('\n');
            }
            Path txt = dir.resolve("in.txt");
            Path pcap = dir.resolve("in.pcap");
            Files.writeString(txt, sb.toString());
            run(dir, List.of("text2pcap", "-q", "-4", "10.203.0.3,10.203.0.2", "-u", port + "," + port, txt.toString(), pcap.toString()));
            List<String> tshark = new ArrayList<>(List.of("tshark", "-r", pcap.toString(), "-V"));
            tshark.addAll(List.of(tsharkOptions));
            String out = run(dir, tshark);
            List<String> frames = new ArrayList<>();
            int start = out.indexOf("Frame 1:");
            for (int n = 2; start >= 0; n++) {
                int next = out.indexOf("\nFrame " + n + ":", start);
                frames.add(next < 0 ? out.substring(start) : out.substring(start, next));
                start = next < 0 ? -1 : next + 1;
            }
            return frames;
        } finally {
            try (var s = Files.list(dir)) {
                s.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Path outFile = dir.resolve("out-" + cmd.getFirst() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(outFile.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.getFirst() + " timed out");
        }
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    /** The problems Wireshark reports in one dissection, or an empty list. */
    public static List<String> problems(String frame) {
        List<String> bad = new ArrayList<>();
        for (String line : frame.split("\n")) {
            if (line.contains("Malformed") || line.contains("[Expert Info (Error") || line.contains("[Expert Info (Warn")
                    || line.contains("Dissector bug") || line.contains("Exception") || line.contains("Message not found")) {
                bad.add(line.trim());
            }
        }
        return bad;
    }
}
