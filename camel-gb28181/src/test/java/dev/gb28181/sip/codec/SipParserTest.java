package dev.gb28181.sip.codec;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipParseException;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.Via;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.gb28181.sip.codec.SipTestMessages.ascii;
import static dev.gb28181.sip.codec.SipTestMessages.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipParserTest {

    private static final String HEADERS = "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=z9hG4bK1\r\n"
            + "From: <sip:34020000001320000001@3402000000>;tag=7\r\n"
            + "To: <sip:34020000002000000001@3402000000>\r\n"
            + "Call-ID: 42@192.168.1.64\r\n";

    private static String request(String method, String extraHeaders) {
        return method + " sip:34020000002000000001@3402000000 SIP/2.0\r\n" + HEADERS + "CSeq: 1 " + method + "\r\n"
                + extraHeaders;
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void compactFormsInAnyCaseMapToCanonicalNames() {
        SipMessage m = parse("MESSAGE sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK2\r\nF: <sip:x@y>;tag=1\r\n"
                + "T: <sip:a@b>\r\ni: c1\r\nCSEQ: 3 MESSAGE\r\nC: Application/MANSCDP+xml\r\nL: 2\r\n"
                + "m: <sip:x@10.0.0.1:5060>\r\nk: timer\r\n\r\nok");
        assertThat(SipTestMessages.entries(m)).containsExactly("Via: SIP/2.0/UDP h;branch=z9hG4bK2",
                "From: <sip:x@y>;tag=1", "To: <sip:a@b>", "Call-ID: c1", "CSeq: 3 MESSAGE",
                "Content-Type: Application/MANSCDP+xml", "Contact: <sip:x@10.0.0.1:5060>", "Supported: timer");
        assertThat(m.bodyAsString()).isEqualTo("ok");
    }

    @Test
    void foldedLinesContinueThePreviousHeader() {
        SipMessage m = parse(request("MESSAGE", "Subject: first\r\n  second\r\n\tthird\r\nX-Long:\r\n value\r\n\r\n"));
        assertThat(m.header(HeaderNames.SUBJECT)).isEqualTo("first second third");
        assertThat(m.header("X-Long")).isEqualTo("value");
    }

    @Test
    void listHeadersAreSplitOutsideQuotesAndAngleBrackets() {
        SipMessage m = parse(request("REGISTER",
                "Contact: \"Cam, front\" <sip:a@10.0.0.1;x=1,2>;expires=60, <sip:b@10.0.0.2>\r\n"
                        + "Allow: INVITE, ACK,MESSAGE ,  BYE\r\nSupported:\r\n"
                        + "Via: SIP/2.0/UDP 10.0.0.9;branch=z9hG4bK9, SIP/2.0/TCP [2001:db8::10]:5070;branch=z9hG4bKa\r\n"
                        + "Route: <sip:p1;lr>,<sip:p2;lr>\r\n\r\n"));
        assertThat(m.headers(HeaderNames.CONTACT)).containsExactly("\"Cam, front\" <sip:a@10.0.0.1;x=1,2>;expires=60",
                "<sip:b@10.0.0.2>");
        assertThat(m.headers(HeaderNames.ALLOW)).containsExactly("INVITE", "ACK", "MESSAGE", "BYE");
        assertThat(m.headers(HeaderNames.SUPPORTED)).containsExactly("");
        assertThat(m.headers(HeaderNames.ROUTE)).containsExactly("<sip:p1;lr>", "<sip:p2;lr>");
        assertThat(m.vias()).extracting(Via::host).containsExactly("192.168.1.64", "10.0.0.9", "[2001:db8::10]");
        assertThat(m.vias().get(2).port()).isEqualTo(5070);
        assertThat(NameAddress.parse(m.headers(HeaderNames.CONTACT).get(0)).displayName()).isEqualTo("\"Cam, front\"");
    }

    @Test
    void authenticationDateAndOtherSingleValuedHeadersAreNeverSplit() {
        String auth = "Digest username=\"34020000001320000001\", realm=\"3402000000\", nonce=\"a,b\", "
                + "uri=\"sip:34020000002000000001@3402000000\", response=\"0123\", algorithm=MD5";
        SipMessage m = parse(request("REGISTER", "Authorization: " + auth + "\r\nProxy-Authorization: " + auth
                + "\r\nWWW-Authenticate: Digest realm=\"x\", qop=\"auth,auth-int\"\r\n"
                + "Date: Sat, 13 Nov 2010 23:29:00 GMT\r\nUser-Agent: A, B\r\n\r\n"));
        assertThat(m.headers(HeaderNames.AUTHORIZATION)).containsExactly(auth);
        assertThat(m.headers(HeaderNames.PROXY_AUTHORIZATION)).containsExactly(auth);
        assertThat(m.headers(HeaderNames.WWW_AUTHENTICATE)).containsExactly("Digest realm=\"x\", qop=\"auth,auth-int\"");
        assertThat(m.headers(HeaderNames.DATE)).containsExactly("Sat, 13 Nov 2010 23:29:00 GMT");
        assertThat(m.headers(HeaderNames.USER_AGENT)).containsExactly("A, B");
    }

    @Test
    void ipv6ReferencesInRequestUriViaAndContact() {
        SipRequest m = (SipRequest) parse("REGISTER sip:34020000002000000001@[2001:db8::1]:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP [2001:db8::10]:5070;rport;branch=z9hG4bK3\r\n"
                + "From: <sip:34020000001320000001@[2001:db8::10]:5070>;tag=1\r\n"
                + "To: <sip:34020000001320000001@[2001:db8::10]:5070>\r\nCall-ID: v6\r\nCSeq: 1 REGISTER\r\n"
                + "Contact: <sip:34020000001320000001@[2001:db8::10]:5070>\r\n\r\n");
        assertThat(m.requestUri().host()).isEqualTo("[2001:db8::1]");
        assertThat(m.requestUri().port()).isEqualTo(5060);
        assertThat(m.topVia().host()).isEqualTo("[2001:db8::10]");
        assertThat(m.topVia().port()).isEqualTo(5070);
        assertThat(m.from().uri().host()).isEqualTo("[2001:db8::10]");
    }

    @Test
    void whitespaceAroundNamesValuesAndInTheStartLineIsTolerated() {
        SipRequest m = (SipRequest) parse("MESSAGE   sip:34020000002000000001@3402000000   SIP/2.0  \r\n"
                + "Via :   SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK4  \r\nFrom:<sip:a@b>;tag=1\r\nTo:\t<sip:c@d> \r\n"
                + "Call-ID:   c4\r\nCSeq:  7   MESSAGE \r\nContent-Length:   0   \r\n\r\n");
        assertThat(m.method()).isEqualTo("MESSAGE");
        assertThat(m.topVia().branch()).isEqualTo("z9hG4bK4");
        assertThat(m.header(HeaderNames.TO)).isEqualTo("<sip:c@d>");
        assertThat(m.callId()).isEqualTo("c4");
        assertThat(m.cseq().seq()).isEqualTo(7);
    }

    @Test
    void bareLfLineEndsAndLeadingCrlfsAreAccepted() {
        SipMessage m = parse("\r\n\r\n" + request("MESSAGE", "Content-Length: 3\r\n\r\nabc").replace("\r\n", "\n"));
        assertThat(m.callId()).isEqualTo("42@192.168.1.64");
        assertThat(m.bodyAsString()).isEqualTo("abc");
    }

    @Test
    void missingMaxForwardsIsFine() {
        SipRequest m = (SipRequest) parse(request("REGISTER", "Expires: 3600\r\n\r\n"));
        assertThat(m.hasHeader(HeaderNames.MAX_FORWARDS)).isFalse();
        assertThat(m.expires()).isEqualTo(3600);
    }

    @Test
    void paddedContentLengthIsNotStoredAsAHeader() {
        SipMessage m = parse(request("MESSAGE", "Content-Type: text/plain\r\nContent-Length:    5\r\n\r\nhello"));
        assertThat(m.hasHeader(HeaderNames.CONTENT_LENGTH)).isFalse();
        assertThat(m.bodyAsString()).isEqualTo("hello");
    }

    @Test
    void gb18030BodyBytesSurviveUntouched() {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify><CmdType>Alarm</CmdType>"
                + "<AlarmDescription>前门 入侵报警 𠀀</AlarmDescription></Notify>\r\n").getBytes(GB18030);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(request("MESSAGE", "Content-Type: Application/MANSCDP+xml\r\nContent-Length: "
                + body.length + "\r\n\r\n")));
        out.writeBytes(body);
        byte[] wire = out.toByteArray();
        SipMessage m = SipParser.parse(wire, 0, wire.length, true);
        assertThat(m.body()).isEqualTo(body);
        assertThat(m.bodyAsString(GB18030)).contains("前门 入侵报警 𠀀");
        byte[] again = SipEncoder.encode(m);
        assertThat(Arrays.copyOfRange(again, again.length - body.length, again.length)).isEqualTo(body);
        assertThat(SipParser.parse(again, 0, again.length, false).body()).isEqualTo(body);
    }

    @Test
    void utf8HeaderTextIsDecoded() {
        SipMessage m = parse(request("MESSAGE", "Subject: 前门摄像机:1\r\nFrom-Name: \"张三\" <sip:x@y>\r\n\r\n"));
        assertThat(m.header(HeaderNames.SUBJECT)).isEqualTo("前门摄像机:1");
        assertThat(m.header("From-Name")).isEqualTo("\"张三\" <sip:x@y>");
        byte[] encoded = SipEncoder.encode(m);
        assertThat(SipParser.parse(encoded, 0, encoded.length, true).header(HeaderNames.SUBJECT))
                .isEqualTo("前门摄像机:1");
    }

    // ---- datagram body rules (RFC 3261 §18.3) --------------------------------------------------

    @Test
    void hikvisionBodyBehindContentLengthZeroIsTakenOnADatagram() {
        String body = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Notify><CmdType>Keepalive</CmdType></Notify>\r\n";
        SipMessage m = parse(request("MESSAGE", "Content-Type: Application/MANSCDP+xml\r\nContent-Length: 0\r\n\r\n")
                + body);
        assertThat(m.bodyAsString()).isEqualTo(body);
    }

    @Test
    void contentLengthZeroWithoutContentTypeIgnoresTrailingBytes() {
        SipMessage m = parse(request("MESSAGE", "Content-Length: 0\r\n\r\n") + "garbage");
        assertThat(m.body()).isEmpty();
        SipMessage blank = parse(request("MESSAGE", "Content-Type: text/plain\r\nContent-Length: 0\r\n\r\n") + "\r\n");
        assertThat(blank.body()).isEmpty();
    }

    @Test
    void shorterContentLengthTruncatesTheDatagramBody() {
        SipMessage m = parse(request("MESSAGE", "Content-Type: text/plain\r\nContent-Length: 4\r\n\r\nbodyEXTRA"));
        assertThat(m.bodyAsString()).isEqualTo("body");
    }

    @Test
    void missingContentLengthOnADatagramTakesTheRest() {
        SipMessage m = parse(request("MESSAGE", "Content-Type: text/plain\r\n\r\nrest of it"));
        assertThat(m.bodyAsString()).isEqualTo("rest of it");
    }

    @Test
    void missingContentLengthOnAStreamWithBytesIsRefused() {
        byte[] bytes = ascii(request("MESSAGE", "Content-Type: text/plain\r\n\r\nrest"));
        assertThatThrownBy(() -> SipParser.parse(bytes, 0, bytes.length, false))
                .isInstanceOfSatisfying(SipBadRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo("Missing Content-Length on a stream"));
    }

    @Test
    void longerContentLengthThanTheDatagramIsAnswerable() {
        assertBadRequest(request("MESSAGE", "Content-Length: 10\r\n\r\nshort"), 400,
                "Content-Length larger than the message");
    }

    @Test
    void datagramWithoutTheEmptyLineEndsItsHeaders() {
        SipMessage m = parse(request("OPTIONS", "Accept: application/sdp"));
        assertThat(m.header(HeaderNames.ACCEPT)).isEqualTo("application/sdp");
        byte[] bytes = ascii(request("OPTIONS", "Accept: application/sdp"));
        assertThatThrownBy(() -> SipParser.parse(bytes, 0, bytes.length, false))
                .isInstanceOf(SipBadRequestException.class);
    }

    // ---- refusals ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: -1", "Content-Length: 12a", "Content-Length: 99999999999", "l:"})
    void malformedContentLength(String header) {
        assertBadRequest(request("MESSAGE", header + "\r\n\r\n"), 400, "Malformed Content-Length");
    }

    @Test
    void malformedTypedHeadersAreAnswerable() {
        assertBadRequest(request("MESSAGE", "").replace("CSeq: 1 MESSAGE", "CSeq: one MESSAGE") + "\r\n", 400,
                "Malformed CSeq");
        assertBadRequest(request("MESSAGE", "").replace("From: <sip:", "From: <") + "\r\n", 400, "Malformed From");
        assertBadRequest(request("MESSAGE", "").replace("To: <sip:34020000002000000001@3402000000>",
                "To: \"open <sip:a@b>") + "\r\n", 400, "Malformed To");
        assertBadRequest(request("MESSAGE", "").replace("SIP/2.0/UDP 192.168.1.64:5060", "SIP/2.0/UDP 192.168.1.64:99999")
                + "\r\n", 400, "Malformed Via");
        assertBadRequest(request("MESSAGE", "Contact: <sip:a@b\r\n\r\n"), 400, "Malformed Contact");
        assertBadRequest(request("MESSAGE", "").replace("Call-ID: 42@192.168.1.64\r\n", "") + "\r\n", 400,
                "Missing Call-ID");
        assertBadRequest(request("MESSAGE", "Call-ID: 43@x\r\n\r\n"), 400, "Duplicate Call-ID");
        assertBadRequest(request("MESSAGE", "no colon here\r\n\r\n"), 400, "Malformed header line");
        assertBadRequest(request("MESSAGE", "").replace("MESSAGE sip:", "MESSAGE <sip:") + "\r\n", 400,
                "Malformed Request-URI");
    }

    @Test
    void malformedToStillYieldsAnAnswer() {
        String text = request("MESSAGE", "").replace("To: <sip:34020000002000000001@3402000000>", "To: <sip:a@b") + "\r\n";
        SipBadRequestException e = assertBadRequest(text, 400, "Malformed To");
        SipResponse answer = e.partial().createResponse(400, e.reason(), "t1");
        assertThat(answer.header(HeaderNames.TO)).isEqualTo("<sip:a@b");
        assertThat(answer.callId()).isEqualTo("42@192.168.1.64");
    }

    @Test
    void otherSipVersionIsAnswered505() {
        SipBadRequestException e = assertBadRequest(request("OPTIONS", "\r\n").replace("SIP/2.0\r\nVia",
                "SIP/3.0\r\nVia"), 505, "SIP version not supported");
        assertThat(e.partial().method()).isEqualTo("OPTIONS");
        assertThat(e.partial().requestUri().user()).isEqualTo("34020000002000000001");
    }

    @Test
    void lostRequestLineUsesTheCSeqMethodAndToUri() {
        SipBadRequestException e = assertBadRequest(HEADERS + "CSeq: 5 MESSAGE\r\n\r\n", 400, "Missing request line");
        assertThat(e.partial().method()).isEqualTo("MESSAGE");
        assertThat(e.partial().requestUri().toString()).isEqualTo("sip:34020000002000000001@3402000000");
    }

    @Test
    void unanswerableInputIsAPlainParseException() {
        assertPlainParseException("");
        assertPlainParseException("\r\n\r\n");
        assertPlainParseException("hello world");
        assertPlainParseException("Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-ID: x\r\n\r\n");
        assertPlainParseException("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n");
        assertPlainParseException("SIP/2.0 999 Nope\r\n" + HEADERS + "CSeq: 1 MESSAGE\r\n\r\n");
        assertPlainParseException("SIP/3.0 200 OK\r\n" + HEADERS + "CSeq: 1 MESSAGE\r\n\r\n");
        assertPlainParseException("SIP/2.0 200 OK\r\n" + HEADERS + "\r\n"); // response without CSeq
    }

    @Test
    void messagesOverTheSizeLimitAreRefused() {
        byte[] big = new byte[SipParser.MAX_MESSAGE_SIZE + 1];
        Arrays.fill(big, (byte) 'a');
        assertThatThrownBy(() -> SipParser.parse(big, 0, big.length, true)).isExactlyInstanceOf(SipParseException.class)
                .hasMessageContaining("exceeds 65536");
    }

    @Test
    void byteBufOverloadReadsHeapAndDirectBuffersWithoutMovingIndices() {
        byte[] bytes = ascii(request("MESSAGE", "Content-Length: 2\r\n\r\nhi"));
        ByteBuf heap = Unpooled.wrappedBuffer(bytes);
        ByteBuf direct = Unpooled.directBuffer().writeBytes(bytes);
        try {
            assertThat(SipParser.parse(heap, true).bodyAsString()).isEqualTo("hi");
            assertThat(SipParser.parse(direct, false).bodyAsString()).isEqualTo("hi");
            assertThat(heap.readerIndex()).isZero();
            assertThat(direct.readableBytes()).isEqualTo(bytes.length);
        } finally {
            direct.release();
        }
    }

    @Test
    void offsetAndLengthSelectTheMessage() {
        byte[] inner = ascii(request("MESSAGE", "Content-Length: 2\r\n\r\nhi"));
        byte[] outer = new byte[inner.length + 20];
        Arrays.fill(outer, (byte) 'x');
        System.arraycopy(inner, 0, outer, 10, inner.length);
        assertThat(SipParser.parse(outer, 10, inner.length, true).bodyAsString()).isEqualTo("hi");
        assertThatThrownBy(() -> SipParser.parse(outer, 10, outer.length, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SipBadRequestException assertBadRequest(String text, int status, String reason) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            SipParser.parse(bytes, 0, bytes.length, true);
        } catch (SipBadRequestException e) {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.partial().headers(HeaderNames.VIA)).isNotEmpty();
            return e;
        }
        throw new AssertionError("Expected a SipBadRequestException for:\n" + text);
    }

    private static void assertPlainParseException(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SipParser.parse(bytes, 0, bytes.length, true))
                .as(text).isExactlyInstanceOf(SipParseException.class);
    }
}
