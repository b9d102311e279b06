package dev.gb28181.sip.codec;

import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipParseException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.gb28181.sip.codec.SipTestMessages.assertSameMessage;
import static dev.gb28181.sip.codec.SipTestMessages.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipFramingTest {

    private static final String MESSAGE = "MESSAGE sip:34020000002000000001@3402000000 SIP/2.0\r\n"
            + "Via: SIP/2.0/TCP 192.168.1.64:5060;branch=z9hG4bK1\r\n"
            + "From: <sip:34020000001320000001@3402000000>;tag=1\r\n"
            + "To: <sip:34020000002000000001@3402000000>\r\n"
            + "Call-ID: tcp-1\r\nCSeq: 1 MESSAGE\r\nContent-Type: Application/MANSCDP+xml\r\n"
            + "Content-Length:   5\r\n\r\nhello";

    private static int length(String text) {
        return SipFraming.messageLength(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void completeMessage() {
        assertThat(length(MESSAGE)).isEqualTo(MESSAGE.length());
        byte[] bytes = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        assertThat(SipFraming.messageLength(bytes, 0, bytes.length)).isEqualTo(bytes.length);
    }

    @Test
    void partialHeaderOrBodyIsIncomplete() {
        assertThat(length("")).isEqualTo(SipFraming.INCOMPLETE);
        for (int cut = 1; cut < MESSAGE.length(); cut++) {
            assertThat(length(MESSAGE.substring(0, cut))).as("cut at %d", cut).isEqualTo(SipFraming.INCOMPLETE);
        }
    }

    @Test
    void twoMessagesBackToBack() {
        ByteBuf buf = Unpooled.copiedBuffer(MESSAGE + MESSAGE.replace("tcp-1", "tcp-22"), StandardCharsets.US_ASCII);
        int first = SipFraming.messageLength(buf);
        assertThat(first).isEqualTo(MESSAGE.length());
        assertThat(buf.readerIndex()).isZero();
        buf.skipBytes(first);
        assertThat(SipFraming.messageLength(buf)).isEqualTo(MESSAGE.length() + 1);
        buf.skipBytes(MESSAGE.length() + 1);
        assertThat(SipFraming.messageLength(buf)).isEqualTo(SipFraming.INCOMPLETE);
    }

    @Test
    void keepalivePingsAndStrayLineBreaks() {
        assertThat(length("\r\n\r\n")).isEqualTo(SipFraming.PING);
        assertThat(length("\r\n\r\n" + MESSAGE)).isEqualTo(SipFraming.PING);
        assertThat(length("\r\n")).isEqualTo(SipFraming.INCOMPLETE);
        assertThat(length("\r\n\r")).isEqualTo(SipFraming.INCOMPLETE);
        assertThat(length("\r")).isEqualTo(SipFraming.INCOMPLETE);
        assertThat(length("\r\n" + MESSAGE)).isEqualTo(-2);
        assertThat(length("\n" + MESSAGE)).isEqualTo(-1);
        assertThatThrownBy(() -> length("\rX")).isInstanceOf(SipParseException.class);
        ByteBuf pong = SipFraming.pong();
        assertThat(pong.toString(StandardCharsets.US_ASCII)).isEqualTo("\r\n");
        pong.release();
    }

    @Test
    void compactFoldedAndCaseInsensitiveContentLength() {
        String compact = MESSAGE.replace("Content-Length:   5", "l:5");
        assertThat(length(compact)).isEqualTo(compact.length());
        String folded = MESSAGE.replace("Content-Length:   5", "CONTENT-LENGTH :\r\n  5");
        assertThat(length(folded)).isEqualTo(folded.length());
        String lf = MESSAGE.replace("\r\n", "\n");
        assertThat(length(lf)).isEqualTo(lf.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: x5", "Content-Length: 5 5", "Content-Length:", "Content-Length: -5",
            "Content-Length: 5\r\nl: 6", "X-Other: 5"})
    void missingInvalidOrConflictingContentLengthCannotBeFramed(String replacement) {
        String text = MESSAGE.replace("Content-Length:   5", replacement);
        assertThatThrownBy(() -> length(text)).isInstanceOf(SipParseException.class);
    }

    @Test
    void sameContentLengthTwiceIsFine() {
        String text = MESSAGE.replace("Content-Length:   5", "Content-Length: 5\r\nl: 5");
        assertThat(length(text)).isEqualTo(text.length());
    }

    @Test
    void oversizedHeaderSectionOrMessageIsRefused() {
        StringBuilder huge = new StringBuilder("MESSAGE sip:a@b SIP/2.0\r\n");
        while (huge.length() <= SipParser.MAX_MESSAGE_SIZE) {
            huge.append("X-Filler: 0123456789012345678901234567890123456789\r\n");
        }
        assertThatThrownBy(() -> length(huge.toString())).isInstanceOf(SipParseException.class)
                .hasMessageContaining("header section exceeds");
        String bigBody = MESSAGE.replace("Content-Length:   5", "Content-Length: 65500");
        assertThatThrownBy(() -> length(bigBody)).isInstanceOf(SipParseException.class).hasMessageContaining("exceeds");
        String tooLong = MESSAGE.replace("Content-Length:   5", "Content-Length: 99999999999999");
        assertThatThrownBy(() -> length(tooLong)).isInstanceOf(SipParseException.class);
    }

    /** Feeds the whole capture, with pings between messages, one byte at a time as a decoder would see it. */
    @Test
    void captureStreamFedByteByByte() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<SipMessage> expected = new ArrayList<>();
        for (String f : SipTestMessages.list("capture-2024", ".sip")) {
            byte[] raw = resource("capture-2024/" + f);
            if (f.startsWith("03-")) {
                continue; // not answerable as a message; covered by Capture2024Test
            }
            SipMessage m = SipParser.parse(raw, 0, raw.length, true);
            expected.add(m);
            stream.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            stream.writeBytes(raw);
        }
        byte[] all = stream.toByteArray();
        ByteBuf cumulation = Unpooled.buffer();
        List<SipMessage> received = new ArrayList<>();
        int pings = 0;
        for (byte b : all) {
            cumulation.writeByte(b);
            while (true) {
                int n = SipFraming.messageLength(cumulation);
                if (n == SipFraming.INCOMPLETE) {
                    break;
                }
                if (n < 0) {
                    pings += n == SipFraming.PING ? 1 : 0;
                    cumulation.skipBytes(-n);
                    continue;
                }
                received.add(SipParser.parse(cumulation.slice(cumulation.readerIndex(), n), false));
                cumulation.skipBytes(n);
            }
            cumulation.discardReadBytes();
        }
        assertThat(pings).isEqualTo(expected.size());
        assertThat(received).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSameMessage(received.get(i), expected.get(i));
        }
    }
}
