package dev.gb28181.sip;

/**
 * A SIP message, URI or header value that does not follow the grammar of RFC 3261 §25 even under
 * the leniencies this stack allows for real GB28181 devices.
 */
public class SipParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SipParseException(String message) {
        super(message);
    }

    public SipParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
