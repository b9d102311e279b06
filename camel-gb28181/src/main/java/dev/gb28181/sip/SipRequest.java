package dev.gb28181.sip;

import java.util.Objects;

/** A SIP request (RFC 3261 §7.1): method, Request-URI, headers and body. */
public final class SipRequest extends SipMessage {

    private final String method;
    private final SipUri requestUri;

    public SipRequest(String method, SipUri requestUri) {
        this.method = Objects.requireNonNull(method, "method");
        this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
    }

    public String method() {
        return method;
    }

    public SipUri requestUri() {
        return requestUri;
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    @Override
    public String startLine() {
        return method + ' ' + requestUri + " SIP/2.0";
    }

    /**
     * The response a UAS sends to this request (RFC 3261 §8.2.6): Via, From, Call-ID and CSeq
     * copied, To copied with {@code toTag} added when it has none and the status is above 100. Header
     * values are copied as received, so the 400 for a request the parser refused can be built from
     * its partial request even when its To does not parse.
     */
    public SipResponse createResponse(int status, String reason, String toTag) {
        SipResponse response = new SipResponse(status, reason);
        response.copyHeaders(this, HeaderNames.VIA);
        response.copyFirstHeader(this, HeaderNames.FROM);
        NameAddress typedTo = status > 100 && toTag != null ? toOrNull() : null;
        if (typedTo != null && typedTo.tag() == null) {
            response.addHeader(HeaderNames.TO, typedTo.withTag(toTag).toString());
        } else {
            // a To that does not parse (a 400 for a malformed request) is echoed as received
            response.copyFirstHeader(this, HeaderNames.TO);
        }
        response.copyFirstHeader(this, HeaderNames.CALL_ID);
        response.copyFirstHeader(this, HeaderNames.CSEQ);
        return response;
    }

    private NameAddress toOrNull() {
        try {
            return to();
        } catch (SipParseException e) {
            return null;
        }
    }

    /** {@link #createResponse(int, String, String)} with the standard reason phrase. */
    public SipResponse createResponse(int status, String toTag) {
        return createResponse(status, SipResponse.reasonPhrase(status), toTag);
    }
}
