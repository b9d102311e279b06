package dev.gb28181.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the requests of a simulated GB/T 28181 device straight into a reused byte array: the
 * REGISTER of §9.1.2 (with and without the RFC 3261 §22.4 {@code Authorization} header) and the
 * Keepalive MESSAGE of §9.6 (Annex A.2.5 {@code Notify}). One writer per thread; no per-request
 * strings, so the generator spends its share of the two cores on sending, not on garbage.
 */
final class RequestWriter {

    /** The branch prefix of every request: RFC 3261 §8.1.1.7 magic cookie, then the request's sequence number. */
    static final String BRANCH_PREFIX = "z9hG4bKlg";

    private static final byte[] REGISTER = ascii("REGISTER");
    private static final byte[] MESSAGE = ascii("MESSAGE");
    private static final byte[] REGISTER_CALL_ID = ascii("Call-ID: reg");
    private static final byte[] KEEPALIVE_CALL_ID = ascii("Call-ID: ka");
    private static final byte[] DOT = ascii(".");
    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] SIP_VERSION = ascii(" SIP/2.0\r\n");
    private static final byte[] VIA = ascii("Via: SIP/2.0/UDP ");
    private static final byte[] VIA_PARAMS = ascii(";rport;branch=" + BRANCH_PREFIX);
    private static final byte[] FROM = ascii("From: <sip:");
    private static final byte[] TAG = ascii(">;tag=lg");
    private static final byte[] TO = ascii("To: <sip:");
    private static final byte[] AT = ascii("@");
    private static final byte[] CLOSE = ascii(">\r\n");
    private static final byte[] CSEQ = ascii("CSeq: ");
    private static final byte[] CSEQ_REGISTER = ascii(" REGISTER\r\n");
    private static final byte[] CSEQ_MESSAGE = ascii(" MESSAGE\r\n");
    private static final byte[] CONTACT = ascii("Contact: <sip:");
    private static final byte[] COLON = ascii(":");
    private static final byte[] COMMON = ascii("Max-Forwards: 70\r\nUser-Agent: camel-gb28181 load generator\r\n");
    private static final byte[] EXPIRES = ascii("Expires: 3600\r\nContent-Length: 0\r\n\r\n");
    private static final byte[] KEEPALIVE_TYPE = ascii("Content-Type: Application/MANSCDP+xml\r\nContent-Length: ");
    private static final byte[] BODY_START = ascii("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n"
            + "<CmdType>Keepalive</CmdType>\r\n<SN>");
    private static final byte[] BODY_DEVICE = ascii("</SN>\r\n<DeviceID>");
    private static final byte[] BODY_END = ascii("</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n");
    private static final int BODY_FIXED = BODY_START.length + BODY_DEVICE.length + BODY_END.length;

    private final byte[] requestLine;
    private final byte[] domain;
    private final byte[] platformId;
    private final long runId;
    private final byte[] buf = new byte[2048];
    private final ByteBuffer view = ByteBuffer.wrap(buf);
    private int pos;

    /**
     * @param platformId the platform's 20-digit ID
     * @param domain     its domain: the Request-URI is {@code sip:<platformId>@<domain>}, as devices send it
     * @param runId      makes Call-IDs unique across runs against one long-running platform
     */
    RequestWriter(String platformId, String domain, long runId) {
        this.runId = runId;
        this.platformId = ascii(platformId);
        this.domain = ascii(domain);
        this.requestLine = ascii(" sip:" + platformId + "@" + domain);
    }

    /** The digest {@code uri} a device answers with: the Request-URI. */
    static String requestUri(String platformId, String domain) {
        return "sip:" + platformId + "@" + domain;
    }

    /**
     * A REGISTER of device {@code device}; {@code authorization} is the whole header line without its
     * CRLF, or {@code null} for the first, unauthenticated one.
     */
    ByteBuffer register(long seq, int device, byte[] deviceId, byte[] via, int cseq, byte[] authorization) {
        pos = 0;
        put(REGISTER);
        startHeaders(seq, device, deviceId, via);
        put(TO).put(deviceId).put(AT).put(domain).put(CLOSE);
        put(REGISTER_CALL_ID).putNumber(device).put(DOT).putNumber(runId).put(CRLF);
        put(CSEQ).putNumber(cseq).put(CSEQ_REGISTER);
        put(CONTACT).put(deviceId).put(AT).put(via).put(CLOSE);
        if (authorization != null) {
            put(authorization).put(CRLF);
        }
        put(COMMON).put(EXPIRES);
        return view.limit(pos).position(0);
    }

    /** A Keepalive MESSAGE of device {@code device} whose SN is {@code cseq}. */
    ByteBuffer keepalive(long seq, int device, byte[] deviceId, byte[] via, int cseq) {
        pos = 0;
        put(MESSAGE);
        startHeaders(seq, device, deviceId, via);
        put(TO).put(platformId).put(AT).put(domain).put(CLOSE);
        put(KEEPALIVE_CALL_ID).putNumber(seq).put(DOT).putNumber(runId).put(CRLF);
        put(CSEQ).putNumber(cseq).put(CSEQ_MESSAGE);
        put(COMMON);
        put(KEEPALIVE_TYPE).putNumber(BODY_FIXED + digits(cseq) + deviceId.length).put(CRLF).put(CRLF);
        put(BODY_START).putNumber(cseq).put(BODY_DEVICE).put(deviceId).put(BODY_END);
        return view.limit(pos).position(0);
    }

    private void startHeaders(long seq, int device, byte[] deviceId, byte[] via) {
        put(requestLine).put(SIP_VERSION);
        put(VIA).put(via).put(VIA_PARAMS).putNumber(seq).put(CRLF);
        put(FROM).put(deviceId).put(AT).put(domain).put(TAG).putNumber(device).put(CRLF);
    }

    private RequestWriter put(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
        return this;
    }

    private RequestWriter putNumber(long value) {
        int n = digits(value);
        for (int i = pos + n - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += n;
        return this;
    }

    private static int digits(long value) {
        int n = 1;
        while (value >= 10) {
            value /= 10;
            n++;
        }
        return n;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
