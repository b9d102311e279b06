package dev.gb28181.sip;

/** A SIP response (RFC 3261 §7.2): status code, reason phrase, headers and body. */
public final class SipResponse extends SipMessage {

    private final int status;
    private final String reason;

    public SipResponse(int status, String reason) {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("Status code out of range: " + status);
        }
        this.status = status;
        this.reason = reason == null ? reasonPhrase(status) : reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** 1xx. */
    public boolean isProvisional() {
        return status < 200;
    }

    /** 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    @Override
    public String startLine() {
        return "SIP/2.0 " + status + ' ' + reason;
    }

    /** The reason phrases of RFC 3261 §21 for the codes this stack sends. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 180 -> "Ringing";
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 302 -> "Moved Temporarily";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 420 -> "Bad Extension";
            case 423 -> "Interval Too Brief";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 482 -> "Loop Detected";
            case 483 -> "Too Many Hops";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 489 -> "Bad Event";
            case 500 -> "Server Internal Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 504 -> "Server Time-out";
            case 505 -> "Version Not Supported";
            case 513 -> "Message Too Large";
            case 603 -> "Decline";
            default -> status < 200 ? "Session Progress" : status < 300 ? "OK" : "Error";
        };
    }
}
