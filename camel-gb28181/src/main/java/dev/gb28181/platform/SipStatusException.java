package dev.gb28181.platform;

/**
 * The device answered a request with a final response other than 2xx (RFC 3261 §21): for a MESSAGE
 * (GB/T 28181-2016 §9.3, §9.5) or a SUBSCRIBE (§9.11, RFC 6665 §4.1.2.2) that means it refused.
 */
public class SipStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    public SipStatusException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** The SIP status code, e.g. 403, 404, 489. */
    public int status() {
        return status;
    }

    /** The reason phrase the device sent. */
    public String reason() {
        return reason;
    }
}
