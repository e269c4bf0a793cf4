package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.5 Global RAN Node ID (CHOICE). */
public sealed interface GlobalRanNodeId {

    /** TS 38.413 9.3.1.6 Global gNB ID: PLMN and gNB ID of 22..32 bits. */
    record Gnb(PlmnIdentity plmn, long gnbId, int gnbIdBits) implements GlobalRanNodeId {
        public Gnb {
            if (gnbIdBits < 22 || gnbIdBits > 32 || (gnbId >>> gnbIdBits) != 0) {
                throw new IllegalArgumentException("gNB ID must fit 22..32 bits");
            }
        }
    }

    /** TS 38.413 9.3.1.8 Global ng-eNB ID: macro (20 bits), short macro (18) or long macro (21). */
    record NgEnb(PlmnIdentity plmn, int enbId, int enbIdBits) implements GlobalRanNodeId {
        public NgEnb {
            if ((enbIdBits != 20 && enbIdBits != 18 && enbIdBits != 21) || (enbId >>> enbIdBits) != 0) {
                throw new IllegalArgumentException("ng-eNB ID is 20, 18 or 21 bits");
            }
        }
    }

    /** TS 38.413 9.3.1.57 Global N3IWF ID: PLMN and 16-bit N3IWF ID. */
    record N3iwf(PlmnIdentity plmn, int n3iwfId) implements GlobalRanNodeId {
    }

    /** Choice extension (TNGF, TWIF, W-AGF...), kept raw. */
    record Extension(RawIe ie) implements GlobalRanNodeId {
    }
}
