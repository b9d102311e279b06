package dev.gb28181.sip.codec;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.util.List;
import java.util.stream.Collectors;

import static dev.gb28181.sip.codec.SipTestMessages.assertSameMessage;
import static dev.gb28181.sip.codec.SipTestMessages.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every message of the 2024 capture (src/test/resources/capture-2024) through the parser and encoder. */
class Capture2024Test {

    private static final String NO_REQUEST_LINE = "03-register-auth-no-request-line.sip";

    static List<String> messages() {
        return SipTestMessages.list("capture-2024", ".sip").stream().filter(n -> !n.equals(NO_REQUEST_LINE))
                .collect(Collectors.toList());
    }

    @Test
    void theWholeCaptureIsThere() {
        assertThat(SipTestMessages.list("capture-2024", ".sip")).hasSize(53).contains(NO_REQUEST_LINE);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void parsesWithTypedHeadersAndRoundTrips(String file) {
        byte[] raw = resource("capture-2024/" + file);
        SipMessage m = SipParser.parse(raw, 0, raw.length, true);

        assertThat(m.vias()).isNotEmpty();
        assertThat(m.topVia().branch()).startsWith("z9hG4bK");
        assertThat(m.from().tag()).isNotEmpty();
        assertThat(m.to().uri().user()).hasSize(20);
        assertThat(m.callId()).isNotEmpty();
        assertThat(m.cseq().seq()).isPositive();
        for (String contact : m.headers(HeaderNames.CONTACT)) {
            assertThat(NameAddress.parse(contact).uri().user()).hasSize(20);
        }
        if (m instanceof SipRequest) {
            SipRequest request = (SipRequest) m;
            assertThat(request.requestUri().user()).hasSize(20);
            assertThat(request.cseq().method()).isEqualTo(request.method());
        } else {
            assertThat(((SipResponse) m).status()).isIn(100, 101, 200, 401);
        }
        assertThat(m.hasHeader(HeaderNames.CONTENT_LENGTH)).isFalse();
        assertThat(m.body()).hasSize(declaredContentLength(raw));
        if (m.body().length > 0) {
            // the body is the tail of the datagram, byte for byte
            byte[] tail = java.util.Arrays.copyOfRange(raw, raw.length - m.body().length, raw.length);
            assertThat(m.body()).isEqualTo(tail);
        }

        byte[] encoded = SipEncoder.encode(m);
        assertSameMessage(SipParser.parse(encoded, 0, encoded.length, true), m);
        assertSameMessage(SipParser.parse(encoded, 0, encoded.length, false), m);
    }

    @Test
    void keepaliveFromTheCamera() {
        byte[] raw = resource("capture-2024/05-keepalive.sip");
        SipRequest m = (SipRequest) SipParser.parse(raw, 0, raw.length, true);
        assertThat(m.method()).isEqualTo("MESSAGE");
        assertThat(m.requestUri().toString()).isEqualTo("sip:34020000002000000010@192.168.6.106:5062");
        assertThat(m.topVia().rport()).isEqualTo(-1);
        assertThat(m.topVia().hasParam("rport")).isTrue();
        assertThat(m.contentType()).isEqualTo("Application/MANSCDP+xml");
        assertThat(m.body()).hasSize(180);
        assertThat(m.bodyAsString(Charset.forName("GB18030"))).contains("<CmdType>Keepalive</CmdType>");
    }

    @Test
    void challengeKeepsTheDigestParametersInOneHeader() {
        byte[] raw = resource("capture-2024/02-register-401.sip");
        SipResponse m = (SipResponse) SipParser.parse(raw, 0, raw.length, true);
        assertThat(m.status()).isEqualTo(401);
        assertThat(m.reason()).isEqualTo("Unauthorized");
        assertThat(m.headers(HeaderNames.WWW_AUTHENTICATE))
                .containsExactly("Digest realm=\"34020000\",algorithm=MD5,nonce=\"1715926053\"");
        assertThat(m.header(HeaderNames.DATE)).isEqualTo("2024-05-17T14:07:33.232");
    }

    @Test
    void registerWithoutItsRequestLineIsAnsweredWith400() {
        byte[] raw = resource("capture-2024/" + NO_REQUEST_LINE);
        assertThatThrownBy(() -> SipParser.parse(raw, 0, raw.length, true))
                .isInstanceOfSatisfying(SipBadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).containsIgnoringCase("request line");
                    SipRequest partial = e.partial();
                    assertThat(partial.method()).isEqualTo("REGISTER");
                    assertThat(partial.cseq().seq()).isEqualTo(2);
                    assertThat(partial.cseq().method()).isEqualTo("REGISTER");
                    assertThat(partial.callId()).isEqualTo("1881196343@192.168.6.71");
                    SipResponse answer = partial.createResponse(400, e.reason(), "4711");
                    assertThat(answer.topVia().branch()).isEqualTo("z9hG4bK1442331620");
                    assertThat(answer.to().tag()).isEqualTo("4711");
                    assertThat(answer.from().tag()).isEqualTo("2088733642");
                    assertThat(answer.cseq().toString()).isEqualTo("2 REGISTER");
                    byte[] encoded = SipEncoder.encode(answer);
                    assertThat(SipParser.parse(encoded, 0, encoded.length, true).startLine())
                            .isEqualTo("SIP/2.0 400 " + e.reason());
                });
    }

    @Test
    void registerWithItsRequestLineRestoredParses() {
        byte[] raw = resource("capture-2024-variants/03-register-auth-request-line-restored.sip");
        SipRequest m = (SipRequest) SipParser.parse(raw, 0, raw.length, true);
        assertThat(m.startLine()).isEqualTo("REGISTER sip:34020000002000000010@192.168.6.106:5062 SIP/2.0");
        assertThat(m.header(HeaderNames.AUTHORIZATION)).startsWith("Digest username=\"34020000001320000002\", realm=")
                .endsWith("algorithm=MD5");
        assertThat(m.headers(HeaderNames.AUTHORIZATION)).hasSize(1);
        assertThat(m.expires()).isEqualTo(3600);
        assertThat(m.cseq().seq()).isEqualTo(2);
    }

    @Test
    void contentLengthBeyondTheDatagramIsRefused() {
        // the NVR's RecordInfo response as the blog rendered it: one byte shorter than its Content-Length
        byte[] raw = resource("capture-2024-variants/36-recordinfo-response-as-rendered.sip");
        assertThat(declaredContentLength(raw)).isEqualTo(777);
        assertThatThrownBy(() -> SipParser.parse(raw, 0, raw.length, true))
                .isInstanceOfSatisfying(SipBadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.reason()).isEqualTo("Content-Length larger than the message");
                    assertThat(e.partial().callId()).isEqualTo("2058944946");
                });
    }

    private static int declaredContentLength(byte[] raw) {
        String text = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Content-Length:");
        int eol = text.indexOf('\r', at);
        return Integer.parseInt(text.substring(at + "Content-Length:".length(), eol).trim());
    }
}
