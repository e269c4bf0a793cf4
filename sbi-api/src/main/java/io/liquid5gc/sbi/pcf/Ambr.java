package io.liquid5gc.sbi.pcf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ambr (TS 29.571 5.5.4.1): aggregate maximum bit rates, each a BitRate string (TS 29.571 5.5.2,
 * {@code "<number> bps|Kbps|Mbps|Gbps|Tbps"}), e.g. {@code "1 Gbps"}.
 */
public record Ambr(String uplink, String downlink) {

    private static final Pattern BIT_RATE = Pattern.compile("^(\\d+(?:\\.\\d+)?) (bps|Kbps|Mbps|Gbps|Tbps)$");

    public Ambr {
        bitsPerSecond(uplink);
        bitsPerSecond(downlink);
    }

    /** The bit rate in bits per second of a TS 29.571 BitRate string. */
    public static long bitsPerSecond(String bitRate) {
        Matcher m = bitRate == null ? null : BIT_RATE.matcher(bitRate);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("BitRate must be '<number> bps|Kbps|Mbps|Gbps|Tbps' (TS 29.571 5.5.2): " + bitRate);
        }
        double value = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "bps" -> 1L;
            case "kbps" -> 1_000L;
            case "mbps" -> 1_000_000L;
            case "gbps" -> 1_000_000_000L;
            default -> 1_000_000_000_000L;
        };
        return Math.round(value * unit);
    }

    public long uplinkBps() {
        return bitsPerSecond(uplink);
    }

    public long downlinkBps() {
        return bitsPerSecond(downlink);
    }
}
