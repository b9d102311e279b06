package dev.gb28181.sip.codec;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipUri;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.gb28181.sip.codec.SipTestMessages.resource;
import static org.assertj.core.api.Assertions.assertThat;

class SipEncoderTest {

    private static final String REGISTER_200 = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 192.168.6.71:5060;rport=5060;branch=z9hG4bK1251336551\r\n"
            + "From: <sip:34020000001320000002@192.168.6.71:5060>;tag=2088733642\r\n"
            + "To: <sip:34020000001320000002@192.168.6.71:5060>;tag=3666500293\r\n"
            + "Call-ID: 1881196343@192.168.6.71\r\n"
            + "CSeq: 1 REGISTER\r\n"
            + "Contact: <sip:34020000001320000002@192.168.6.71:5060>\r\n"
            + "Expires: 3600\r\n"
            + "Date: 2024-05-17T14:07:33.263\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n";

    private static SipResponse register200() {
        byte[] raw = resource("capture-2024/01-register.sip");
        SipRequest register = (SipRequest) SipParser.parse(raw, 0, raw.length, true);
        SipResponse ok = register.createResponse(200, "3666500293");
        ok.setHeader(HeaderNames.VIA, register.topVia().withReceived("192.168.6.71", 5060).toString());
        ok.addHeader(HeaderNames.CONTACT, register.header(HeaderNames.CONTACT));
        ok.addHeader(HeaderNames.EXPIRES, "3600");
        ok.addHeader(HeaderNames.DATE, "2024-05-17T14:07:33.263");
        return ok;
    }

    @Test
    void register200OkIsByteExact() {
        assertThat(new String(SipEncoder.encode(register200()), StandardCharsets.ISO_8859_1)).isEqualTo(REGISTER_200);
    }

    @Test
    void byteBufPathsWriteTheSameBytesAfterExistingContent() {
        byte[] expected = REGISTER_200.getBytes(StandardCharsets.US_ASCII);
        ByteBuf heap = Unpooled.buffer(4).writeByte('x');
        ByteBuf direct = Unpooled.directBuffer(4).writeByte('x');
        try {
            for (ByteBuf buf : new ByteBuf[] {heap, direct}) {
                SipEncoder.encode(register200(), buf);
                assertThat(buf.readByte()).isEqualTo((byte) 'x');
                byte[] written = new byte[buf.readableBytes()];
                buf.readBytes(written);
                assertThat(written).isEqualTo(expected);
            }
        } finally {
            heap.release();
            direct.release();
        }
    }

    @Test
    void requestLineBodyAndContentLengthFromTheBody() {
        SipRequest message = new SipRequest("MESSAGE", SipUri.sip("34020000001320000002", "192.168.6.71", 5060));
        message.addHeader(HeaderNames.VIA, "SIP/2.0/UDP 192.168.6.106:5062;rport;branch=z9hG4bK1");
        message.addHeader(HeaderNames.CONTENT_LENGTH, "999"); // ignored: the body decides
        message.body("Application/MANSCDP+xml", "<Query/>".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(SipEncoder.encode(message), StandardCharsets.US_ASCII)).isEqualTo(
                "MESSAGE sip:34020000001320000002@192.168.6.71:5060 SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 192.168.6.106:5062;rport;branch=z9hG4bK1\r\n"
                        + "Content-Type: Application/MANSCDP+xml\r\n"
                        + "Content-Length: 8\r\n\r\n<Query/>");
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8() {
        SipResponse response = new SipResponse(488, "不可接受 \uD83D\uDCF7");
        response.addHeader(HeaderNames.SUBJECT, "前门:1 é");
        response.addHeader("X-Broken", "a\uD800b"); // an unpaired surrogate cannot be UTF-8: written as '?'
        response.body(new byte[] {(byte) 0xC7, (byte) 0xB0}); // GB2312 for 前, untouched
        byte[] encoded = SipEncoder.encode(response);
        String expectedText = "SIP/2.0 488 不可接受 \uD83D\uDCF7\r\nSubject: 前门:1 é\r\nX-Broken: a?b\r\n"
                + "Content-Length: 2\r\n\r\n";
        byte[] head = expectedText.getBytes(StandardCharsets.UTF_8);
        assertThat(encoded).hasSize(head.length + 2);
        assertThat(java.util.Arrays.copyOf(encoded, head.length)).isEqualTo(head);
        assertThat(encoded[head.length]).isEqualTo((byte) 0xC7);
        assertThat(encoded[head.length + 1]).isEqualTo((byte) 0xB0);
    }

    @Test
    void longNonAsciiValuesGrowTheBufferCorrectly() {
        String chinese = "前门入侵报警".repeat(300) + "\uD83D\uDCF7".repeat(50);
        SipResponse response = new SipResponse(200, "OK");
        response.addHeader(HeaderNames.SUBJECT, chinese);
        response.addHeader("X-Ascii", "tail");
        String expected = "SIP/2.0 200 OK\r\nSubject: " + chinese + "\r\nX-Ascii: tail\r\nContent-Length: 0\r\n\r\n";
        assertThat(SipEncoder.encode(response)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }
    @Test
    void nonAsciiTextGoesAfterWhatAHeapBufferAlreadyHolds() {
        SipResponse response = new SipResponse(200, "OK");
        response.addHeader(HeaderNames.SUBJECT, "前门:1");
        byte[] expected = "SIP/2.0 200 OK\r\nSubject: 前门:1\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteBuf heap = Unpooled.buffer(8).writeBytes("prefix".getBytes(StandardCharsets.US_ASCII));
        try {
            SipEncoder.encode(response, heap);
            byte[] prefix = new byte[6];
            heap.readBytes(prefix);
            assertThat(new String(prefix, StandardCharsets.US_ASCII)).isEqualTo("prefix");
            byte[] written = new byte[heap.readableBytes()];
            heap.readBytes(written);
            assertThat(written).isEqualTo(expected);
        } finally {
            heap.release();
        }
    }
}
