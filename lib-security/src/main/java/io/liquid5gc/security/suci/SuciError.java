package io.liquid5gc.security.suci;

/**
 * Why a SUCI could not be parsed or deconcealed. Values, not exceptions: the UDM maps them to its
 * ProblemDetails (e.g. 403 AUTHENTICATION_REJECTED) without stack traces.
 */
public sealed interface SuciError extends DeconcealResult {

    /** A short description for logs; never contains key material. */
    String describe();

    /** The MAC tag of the scheme output does not verify (TS 33.501 C.3.3 step 5). */
    record BadMac() implements SuciError {
        public String describe() {
            return "MAC tag mismatch";
        }
    }

    /** No private key is configured for this home network public key identifier and scheme. */
    record UnknownKeyId(int keyId, int schemeId) implements SuciError {
        public String describe() {
            return "no private key for key id " + keyId + " and scheme " + schemeId;
        }
    }

    /** The scheme output or a field has an impossible length. */
    record WrongLength(String detail) implements SuciError {
        public String describe() {
            return "wrong length: " + detail;
        }
    }

    /** The ephemeral public key is not a valid point (or gives an all-zero shared secret). */
    record MalformedPoint() implements SuciError {
        public String describe() {
            return "malformed ephemeral public key";
        }
    }

    /** A protection scheme identifier this home network does not support. */
    record UnsupportedScheme(int schemeId) implements SuciError {
        public String describe() {
            return "unsupported protection scheme " + schemeId;
        }
    }

    /** A SUPI format other than IMSI (the NAI format is not supported yet). */
    record UnsupportedSupiType(int supiType) implements SuciError {
        public String describe() {
            return "unsupported SUPI type " + supiType;
        }
    }

    /** The text form or a BCD digit string is malformed. */
    record Malformed(String detail) implements SuciError {
        public String describe() {
            return "malformed: " + detail;
        }
    }
}
