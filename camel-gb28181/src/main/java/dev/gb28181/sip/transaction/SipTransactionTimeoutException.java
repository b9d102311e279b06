package dev.gb28181.sip.transaction;

import java.util.concurrent.TimeoutException;

/**
 * A client transaction got no final response in time: Timer B (INVITE) or Timer F (non-INVITE) of
 * RFC 3261 §17.1.1.2 / §17.1.2.2 fired, or Timer C after a provisional response. The request may
 * or may not have reached the peer.
 */
public class SipTransactionTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String callId;

    public SipTransactionTimeoutException(String method, String callId, String message) {
        super(message);
        this.method = method;
        this.callId = callId;
    }

    /** The method of the request that timed out. */
    public String method() {
        return method;
    }

    /** The Call-ID of the request that timed out. */
    public String callId() {
        return callId;
    }
}
