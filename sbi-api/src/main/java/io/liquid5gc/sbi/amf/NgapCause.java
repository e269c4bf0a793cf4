package io.liquid5gc.sbi.amf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An NGAP Cause (TS 38.413 9.3.1.2) as the AMF and the N2 proxy exchange it: the CHOICE alternative ({@link Group})
 * and the index of the value in that alternative's ENUMERATED, in ASN.1 order (the root values, then the extension
 * values of later releases). Indices never change between releases, so they are the stable form on the wire and in
 * JSON: {@code {"group":"radioNetwork","value":0}}.
 *
 * <p>Only the values of the release both sides implement (TS 38.413 R17, the values lib-ngap names) are accepted; the
 * proxy maps them to and from the NGAP IE.
 */
public record NgapCause(Group group, int value) {

    /** radioNetwork unspecified (index 0). */
    public static final NgapCause RADIO_NETWORK_UNSPECIFIED = new NgapCause(Group.RADIO_NETWORK, 0);
    /** radioNetwork ho-failure-in-target-5GC-ngran-node-or-target-system (index 7). */
    public static final NgapCause RADIO_NETWORK_HO_FAILURE_IN_TARGET = new NgapCause(Group.RADIO_NETWORK, 7);
    /** radioNetwork handover-desirable-for-radio-reason (index 16). */
    public static final NgapCause RADIO_NETWORK_HANDOVER_DESIRABLE_FOR_RADIO_REASON = new NgapCause(Group.RADIO_NETWORK, 16);
    /** radioNetwork user-inactivity (index 20). */
    public static final NgapCause RADIO_NETWORK_USER_INACTIVITY = new NgapCause(Group.RADIO_NETWORK, 20);
    /** radioNetwork radio-resources-not-available (index 22). */
    public static final NgapCause RADIO_NETWORK_RADIO_RESOURCES_NOT_AVAILABLE = new NgapCause(Group.RADIO_NETWORK, 22);
    /** transport unspecified (index 1). */
    public static final NgapCause TRANSPORT_UNSPECIFIED = new NgapCause(Group.TRANSPORT, 1);
    /** nas normal-release (index 0). */
    public static final NgapCause NAS_NORMAL_RELEASE = new NgapCause(Group.NAS, 0);
    /** nas authentication-failure (index 1). */
    public static final NgapCause NAS_AUTHENTICATION_FAILURE = new NgapCause(Group.NAS, 1);
    /** nas deregister (index 2). */
    public static final NgapCause NAS_DEREGISTER = new NgapCause(Group.NAS, 2);
    /** nas unspecified (index 3). */
    public static final NgapCause NAS_UNSPECIFIED = new NgapCause(Group.NAS, 3);
    /** protocol transfer-syntax-error (index 0). */
    public static final NgapCause PROTOCOL_TRANSFER_SYNTAX_ERROR = new NgapCause(Group.PROTOCOL, 0);
    /** protocol message-not-compatible-with-receiver-state (index 3). */
    public static final NgapCause PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE = new NgapCause(Group.PROTOCOL, 3);
    /** protocol unspecified (index 6). */
    public static final NgapCause PROTOCOL_UNSPECIFIED = new NgapCause(Group.PROTOCOL, 6);
    /** misc unspecified (index 5). */
    public static final NgapCause MISC_UNSPECIFIED = new NgapCause(Group.MISC, 5);

    /**
     * The alternatives of the Cause CHOICE (TS 38.413 9.3.1.2), each with its CHOICE index, its ASN.1 name (the JSON
     * form) and how many values its ENUMERATED has in R17 (root and extension values).
     */
    public enum Group {
        RADIO_NETWORK(0, "radioNetwork", 57),
        TRANSPORT(1, "transport", 2),
        NAS(2, "nas", 5),
        PROTOCOL(3, "protocol", 7),
        MISC(4, "misc", 6);

        private final int choiceIndex;
        private final String asn1Name;
        private final int valueCount;

        Group(int choiceIndex, String asn1Name, int valueCount) {
            this.choiceIndex = choiceIndex;
            this.asn1Name = asn1Name;
            this.valueCount = valueCount;
        }

        /** The index of the alternative in the CHOICE. */
        public int choiceIndex() {
            return choiceIndex;
        }

        /** The alternative's name in the ASN.1 of TS 38.413, e.g. {@code radioNetwork}; the JSON form. */
        @JsonValue
        public String asn1Name() {
            return asn1Name;
        }

        /** How many values the alternative's ENUMERATED has in R17: the valid {@link NgapCause#value()}s are 0 to this - 1. */
        public int valueCount() {
            return valueCount;
        }

        /** The alternative named {@code name} in the ASN.1; an {@link IllegalArgumentException} for any other name. */
        @JsonCreator
        public static Group ofAsn1Name(String name) {
            for (Group g : values()) {
                if (g.asn1Name.equals(name)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("not an NGAP Cause alternative (TS 38.413 9.3.1.2): " + name);
        }
    }

    /** Validates the value against its group's R17 range. */
    public NgapCause {
        if (group == null) {
            throw new IllegalArgumentException("an NGAP cause needs its group");
        }
        if (value < 0 || value >= group.valueCount) {
            throw new IllegalArgumentException("NGAP cause " + group.asn1Name + " has values 0.." + (group.valueCount - 1) + ", not " + value);
        }
    }

    /** E.g. {@code radioNetwork(20)}, for logs. */
    @Override
    public String toString() {
        return group.asn1Name + "(" + value + ")";
    }
}
