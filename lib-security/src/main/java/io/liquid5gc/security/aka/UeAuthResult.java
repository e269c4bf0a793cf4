package io.liquid5gc.security.aka;

/**
 * Outcome of the UE/USIM processing of an authentication challenge (TS 33.501 6.1.3.2.0 step 7,
 * TS 33.102 6.3.3, TS 24.501 5.4.1.3.5 causes).
 */
public sealed interface UeAuthResult {

    /** The challenge is accepted: RES* for the Authentication Response, KAUSF for the UE's key hierarchy. */
    record Success(byte[] resStar, byte[] res, byte[] ck, byte[] ik, byte[] kausf) implements UeAuthResult {
        @Override
        public String toString() {
            return "Success[redacted]";
        }
    }

    /** MAC in AUTN is wrong (5GMM cause #20 "MAC failure"). */
    record MacFailure() implements UeAuthResult {
    }

    /** The AMF separation bit is 0 (5GMM cause #26 "non-5G authentication unacceptable"). */
    record Non5gAuthUnacceptable() implements UeAuthResult {
    }

    /** SQN is not fresh (5GMM cause #21 "synch failure"), with AUTS for the network. */
    record SynchFailure(byte[] auts) implements UeAuthResult {
    }
}
