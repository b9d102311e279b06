package dev.gb28181.sip.testsupport;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipUri;
import dev.gb28181.sip.codec.SipParser;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Requests as a GB28181 device writes them (shapes taken from capture-2024), built as text. */
public final class Requests {

    public static final String DEVICE = "34020000001320000001";
    public static final String PLATFORM = "34020000002000000001";

    private Requests() {
    }

    public static String branch() {
        return "z9hG4bK" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /**
     * A request from a device; {@code sentBy} is what the device writes into Via (e.g. its LAN
     * address, which differs from the loopback source the stack sees).
     */
    public static String request(String method, String transport, String sentBy, String branch, String callId,
            long cseq, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return method + " sip:" + PLATFORM + "@3402000000 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + ' ' + sentBy + ";rport;branch=" + branch + "\r\n"
                + "From: <sip:" + DEVICE + "@3402000000>;tag=dev" + callId.hashCode() + "\r\n"
                + "To: <sip:" + PLATFORM + "@3402000000>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + ' ' + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + (content.length > 0 ? "Content-Type: Application/MANSCDP+xml\r\n" : "")
                + "Content-Length: " + content.length + "\r\n\r\n"
                + (body == null ? "" : body);
    }

    public static String keepalive(String transport, String branch, String callId) {
        return request("MESSAGE", transport, "192.168.1.64:5060", branch, callId, 20,
                "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify>\r\n<CmdType>Keepalive</CmdType>\r\n"
                        + "<SN>1</SN>\r\n<DeviceID>" + DEVICE + "</DeviceID>\r\n<Status>OK</Status>\r\n</Notify>\r\n");
    }

    /** A request the stack sends (no Via: the stack adds its own). */
    public static SipRequest outbound(String method, String callId, long cseq) {
        SipRequest r = new SipRequest(method, SipUri.parse("sip:" + DEVICE + "@3402000000"));
        r.addHeader(HeaderNames.FROM, "<sip:" + PLATFORM + "@3402000000>;tag=plat" + cseq);
        r.addHeader(HeaderNames.TO, "<sip:" + DEVICE + "@3402000000>");
        r.addHeader(HeaderNames.CALL_ID, callId);
        r.addHeader(HeaderNames.CSEQ, cseq + " " + method);
        return r;
    }

    public static SipMessage parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return SipParser.parse(bytes, 0, bytes.length, true);
    }

    /** The status code of a response given as text. */
    public static int status(String response) {
        if (!response.startsWith("SIP/2.0 ")) {
            throw new AssertionError("Not a response: " + response);
        }
        return Integer.parseInt(response.substring(8, 11));
    }
}
