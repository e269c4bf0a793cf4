package io.liquid5gc.security.nas;

/** The DIRECTION input of the NAS algorithms (TS 33.501 D.2.1.1): 0 uplink, 1 downlink. */
public enum Direction {
    UPLINK(0),
    DOWNLINK(1);

    private final int bit;

    Direction(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static Direction fromBit(int bit) {
        return bit == 0 ? UPLINK : DOWNLINK;
    }
}
