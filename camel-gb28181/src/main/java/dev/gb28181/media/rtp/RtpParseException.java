package dev.gb28181.media.rtp;

/**
 * A datagram or RFC 4571 frame that is not a valid RTP packet (RFC 3550 §5.1): a receiver counts it
 * as malformed and drops it; it never ends the session.
 */
public final class RtpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public RtpParseException(String message) {
        super(message, null, false, false);
    }
}
