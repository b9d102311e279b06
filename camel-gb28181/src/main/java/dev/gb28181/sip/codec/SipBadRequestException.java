package dev.gb28181.sip.codec;

import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;

/**
 * A request that is recognisably a request but cannot be processed, and can still be answered.
 *
 * <p>A server answers a malformed request with 400 Bad Request (RFC 3261 §21.4.1) and one in an
 * unsupported SIP version with 505 (§21.5.6).
 * Answering needs the headers a response copies (Via, From, To, Call-ID and CSeq, §8.2.6.2), so the
 * parser hands them over in {@link #partial()} even when another part of the message was refused.
 */
public final class SipBadRequestException extends SipParseException {

    private static final long serialVersionUID = 1L;

    private final transient SipRequest partial;
    private final String reason;
    private final int status;

    public SipBadRequestException(String message, int status, String reason, SipRequest partial) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.partial = partial;
    }

    /**
     * The request as far as it could be read: its method (from the request line, or from CSeq when the
     * request line was lost), its Request-URI when that parsed (otherwise the To URI, or
     * {@code sip:invalid}), and every Via, From, To, Call-ID and CSeq value as received. Build the
     * answer with {@link SipRequest#createResponse(int, String, String)}; the typed views of a value
     * named in {@link #reason()} may not parse.
     */
    public SipRequest partial() {
        return partial;
    }

    /** A short reason for the reason phrase or a Warning header, e.g. "Malformed CSeq". */
    public String reason() {
        return reason;
    }

    /** 400 for a malformed request, 505 for a SIP version other than 2.0. */
    public int status() {
        return status;
    }
}
