package io.liquid5gc.runner;

/** A JSON string literal (RFC 8259 7): the runner writes its few JSON answers by hand, without a library. */
final class Json {

    private Json() {
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A TS 29.571 ProblemDetails for a refusal. */
    static String problem(Refusal refusal, String detail, String instance) {
        return "{\"title\":" + quote(refusal.title()) + ",\"status\":" + refusal.status() + ",\"detail\":" + quote(detail)
                + ",\"cause\":" + quote(refusal.cause()) + ",\"instance\":" + quote(instance) + "}";
    }
}
