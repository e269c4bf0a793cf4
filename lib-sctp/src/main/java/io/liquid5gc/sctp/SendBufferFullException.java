package io.liquid5gc.sctp;

/** A send was refused because the association's bounded send buffer is full (back-pressure). */
public final class SendBufferFullException extends RuntimeException {
    public SendBufferFullException(String message) {
        super(message, null, false, false);
    }
}
