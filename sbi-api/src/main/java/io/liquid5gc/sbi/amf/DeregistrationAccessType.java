package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The access type of a UE-originating De-registration Request (TS 24.501 9.11.3.20, bits 2-1), with its code. The
 * JSON form is the contract's string from before this type existed ("3GPP_ACCESS", "NON_3GPP_ACCESS", "BOTH").
 */
public enum DeregistrationAccessType {
    /** 01 3GPP access; the reserved value 00 is read as this too. */
    @JsonProperty("3GPP_ACCESS")
    THREE_GPP_ACCESS(1),
    /** 10 non-3GPP access. */
    NON_3GPP_ACCESS(2),
    /** 11 3GPP access and non-3GPP access. */
    BOTH(3);

    private final int code;

    DeregistrationAccessType(int code) {
        this.code = code;
    }

    /** The value of bits 2-1 of the IE. */
    public int code() {
        return code;
    }
}
