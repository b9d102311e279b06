package dev.gb28181.sdp;

/**
 * A session description that is not RFC 4566 / GB/T 28181-2016 Annex F SDP: a line that is not
 * {@code <type>=<value>}, a malformed {@code o=}, {@code c=}, {@code t=} or {@code m=}, a missing mandatory
 * line or an oversized body. The message names the offending line and its number.
 *
 * <p>It is an {@link IllegalArgumentException} because a bad SDP is bad input from a device: callers refuse
 * it (and log it once) rather than treat it as a platform fault.
 */
public final class SdpParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SdpParseException(String message) {
        super(message);
    }
}
