package io.liquid5gc.ngap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Wireshark's NGAP dissector over PDUs: writes them as a text2pcap hex dump, wraps them in SCTP
 * (port 38412, PPID 60 = NGAP) with {@code text2pcap -S 38412,38412,60}, and returns {@code tshark -V}'s
 * verbose dissection of each frame.
 */
public final class Tshark {
    private Tshark() {
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/tshark")) && Files.isExecutable(Path.of("/usr/bin/text2pcap"))
                || onPath("tshark") && onPath("text2pcap");
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    /** One dissection text per PDU, in order. */
    public static List<String> dissect(List<byte[]> pdus) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ngap-tshark");
        try {
            StringBuilder sb = new StringBuilder();
            for (byte[] pdu : pdus) {
                for (int off = 0; off < pdu.length; off += 16) {
                    sb.append(String.format("%06x", off));
                    for (int i = off; i < Math.min(pdu.length, off + 16); i++) {
                        sb.append(' ').append(String.format("%02x", pdu[i] & 0xFF));
                    }
                    sb.append('\n');
                }
                sb.append('\n');
            }
            Path hex = dir.resolve("pdus.txt");
            Path pcap = dir.resolve("pdus.pcap");
            Files.writeString(hex, sb.toString());
            run(List.of("text2pcap", "-q", "-S", "38412,38412,60", hex.toString(), pcap.toString()));
            String out = run(List.of("tshark", "-r", pcap.toString(), "-V", "-o", "ngap.dissect_container:FALSE", "--disable-protocol", "nr-rrc", "--disable-protocol", "lte-rrc"));
            List<String> frames = new ArrayList<>();
            int start = -1;
            for (String line : out.split("\n", -1)) {
                if (line.startsWith("Frame ")) {
                    frames.add("");
                    start = frames.size() - 1;
                }
                if (start >= 0) {
                    frames.set(start, frames.get(start) + line + "\n");
                }
            }
            return frames;
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.get(0) + " timed out");
        }
        String s = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(cmd + " failed: " + s);
        }
        return s;
    }
}
