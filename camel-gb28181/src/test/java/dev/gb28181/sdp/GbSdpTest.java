package dev.gb28181.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gb28181.sdp.GbSdp.Attribute;
import dev.gb28181.sdp.GbSdp.Connection;
import dev.gb28181.sdp.GbSdp.Direction;
import dev.gb28181.sdp.GbSdp.Media;
import dev.gb28181.sdp.GbSdp.RtpMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GbSdpTest {

    private static final List<RtpMap> OFFERED_MAPS = List.of(RtpMap.PS, RtpMap.H264, RtpMap.MPEG4);

    /** The body of a capture message: everything after the blank line that ends the headers. */
    static String captureBody(String name) throws IOException {
        try (InputStream in = GbSdpTest.class.getResourceAsStream("/capture-2024/" + name)) {
            String message = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return message.substring(message.indexOf("\r\n\r\n") + 4);
        }
    }

    /**
     * The capture body as our encoder writes it: eXosip's Playback and Download offers end with {@code f=} and no
     * line end, RFC 4566 ends every line with CRLF.
     */
    static String terminated(String body) {
        return body.endsWith("\n") ? body : body + "\r\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"19-invite-play.sip", "22-invite-play-200.sip", "38-invite-playback.sip",
        "39-invite-playback-200.sip", "49-invite-download.sip", "50-invite-download-200.sip"})
    void everyCaptureSdpEncodesBackByteForByte(String name) throws IOException {
        String body = captureBody(name);
        GbSdp sdp = GbSdp.parse(body);

        assertThat(sdp.encode()).isEqualTo(terminated(body));
        assertThat(GbSdp.parse(sdp.encode())).isEqualTo(sdp);
    }

    @Test
    void liveOfferOfTheCapture() throws IOException {
        GbSdp sdp = GbSdp.parse(captureBody("19-invite-play.sip"));

        assertThat(sdp.origin()).isEqualTo(new GbSdp.Origin("34020000002000000010", "0", "0", "IN", "IP4",
                "192.168.6.106"));
        assertThat(sdp.sessionType()).contains(SessionType.PLAY);
        assertThat(sdp.uri()).isEmpty();
        assertThat(sdp.connection()).contains(new Connection("IN", "IP4", "192.168.6.106"));
        assertThat(sdp.startTime()).isZero();
        assertThat(sdp.stopTime()).isZero();
        Media video = sdp.firstMedia();
        assertThat(video.type()).isEqualTo("video");
        assertThat(video.port()).isEqualTo(45056);
        assertThat(video.proto()).isEqualTo("RTP/AVP");
        assertThat(video.isTcp()).isFalse();
        assertThat(video.formats()).containsExactly("96", "98", "97");
        assertThat(video.direction()).contains(Direction.RECVONLY);
        assertThat(video.rtpMaps()).containsExactlyElementsOf(OFFERED_MAPS);
        assertThat(video.setup()).isEmpty();
        assertThat(sdp.ssrc()).contains("0000001002");
        assertThat(sdp.mediaDescription()).contains("");
    }

    @Test
    void cameraAnswerOfTheCapture() throws IOException {
        GbSdp sdp = GbSdp.parse(captureBody("22-invite-play-200.sip"));

        assertThat(sdp.origin().username()).isEqualTo("34020000001310000001");
        assertThat(sdp.sessionType()).contains(SessionType.PLAY);
        assertThat(sdp.info()).contains("VCam Live Video");
        assertThat(sdp.mediaConnection()).contains(Connection.of("192.168.6.71"));
        Media video = sdp.firstMedia();
        assertThat(video.port()).isEqualTo(9712);
        assertThat(video.formats()).containsExactly("96");
        assertThat(video.direction()).contains(Direction.SENDONLY);
        assertThat(video.rtpMaps()).containsExactly(RtpMap.PS);
        assertThat(video.attribute("streamprofile")).contains("0");
        assertThat(sdp.ssrc()).contains("0000001002");
        assertThat(sdp.mediaDescription()).contains("v/0/0/0/0/0a/0/0/0");
    }

    @Test
    void playbackOfferAndNvrAnswerOfTheCapture() throws IOException {
        GbSdp offer = GbSdp.parse(captureBody("38-invite-playback.sip"));
        GbSdp answer = GbSdp.parse(captureBody("39-invite-playback-200.sip"));

        assertThat(offer.sessionType()).contains(SessionType.PLAYBACK);
        assertThat(offer.uri()).contains("34020000001310000001:3");
        assertThat(offer.startTime()).isEqualTo(1714804996L);
        assertThat(offer.stopTime()).isEqualTo(1714806986L);
        assertThat(offer.ssrc()).contains("0000002000");

        assertThat(answer.sessionName()).isEqualTo("Network Video Recorder");
        assertThat(answer.sessionType()).isEmpty();
        assertThat(answer.startTime()).isEqualTo(1714833796L);
        Media video = answer.firstMedia();
        assertThat(video.port()).isEqualTo(62000);
        assertThat(video.fileSize()).hasValue(2124794308L);
        assertThat(video.attribute("username")).contains("34020000001110000001");
        assertThat(video.attribute("password")).contains("zzgd1234");
        assertThat(video.attributes()).extracting(Attribute::name)
                .containsExactly("sendonly", "rtpmap", "username", "password", "filesize");
        assertThat(answer.ssrc()).contains("0000002000");
    }

    @Test
    void downloadOfferOfTheCapture() throws IOException {
        GbSdp offer = GbSdp.parse(captureBody("49-invite-download.sip"));
        GbSdp answer = GbSdp.parse(captureBody("50-invite-download-200.sip"));

        assertThat(offer.sessionType()).contains(SessionType.DOWNLOAD);
        assertThat(offer.uri()).contains("34020000001310000001:3");
        assertThat(offer.ssrc()).contains("0000003000");
        assertThat(answer.firstMedia().direction()).contains(Direction.SENDONLY);
        assertThat(answer.ssrc()).contains("0000003000");
    }

    @Test
    void liveUdpOfferIsTheCapturesOffer() throws IOException {
        GbSdp offer = GbSdp.offer(SessionType.PLAY).username("34020000002000000010").address("192.168.6.106")
                .port(45056).ssrc("0000001002").build();

        assertThat(offer.encode()).isEqualTo(captureBody("19-invite-play.sip"));
    }

    @Test
    void playbackOfferIsTheCapturesOfferWithTheStandardUriSuffix() throws IOException {
        GbSdp offer = GbSdp.offer(SessionType.PLAYBACK).username("34020000002000000010").address("192.168.6.106")
                .port(45056).ssrc("0000002000").channel("34020000001310000001").timeRange(1714804996L, 1714806986L)
                .build();

        assertThat(offer.encode())
                .isEqualTo(terminated(captureBody("38-invite-playback.sip")).replace("u=34020000001310000001:3",
                        "u=34020000001310000001:0"));
    }

    @Test
    void tcpPassiveLiveOffer() {
        GbSdp offer = GbSdp.offer(SessionType.PLAY).username("34020000002000000001").address("10.0.0.5")
                .port(30002).transport(MediaTransport.TCP_PASSIVE).ssrc("0200000001").build();

        assertThat(offer.encode()).isEqualTo("""
                v=0\r
                o=34020000002000000001 0 0 IN IP4 10.0.0.5\r
                s=Play\r
                c=IN IP4 10.0.0.5\r
                t=0 0\r
                m=video 30002 TCP/RTP/AVP 96 98 97\r
                a=recvonly\r
                a=rtpmap:96 PS/90000\r
                a=rtpmap:98 H264/90000\r
                a=rtpmap:97 MPEG4/90000\r
                a=setup:passive\r
                a=connection:new\r
                y=0200000001\r
                f=\r
                """);
        assertThat(offer.firstMedia().isTcp()).isTrue();
    }

    @Test
    void tcpActiveLiveOfferOverIpv6WithSubStream() {
        GbSdp offer = GbSdp.offer(SessionType.PLAY).username("34020000002000000001").address("fd00::5")
                .port(30004).transport(MediaTransport.TCP_ACTIVE).ssrc("0200000002").attribute("stream", "1")
                .build();

        assertThat(offer.encode()).isEqualTo("""
                v=0\r
                o=34020000002000000001 0 0 IN IP6 fd00::5\r
                s=Play\r
                c=IN IP6 fd00::5\r
                t=0 0\r
                m=video 30004 TCP/RTP/AVP 96 98 97\r
                a=recvonly\r
                a=rtpmap:96 PS/90000\r
                a=rtpmap:98 H264/90000\r
                a=rtpmap:97 MPEG4/90000\r
                a=setup:active\r
                a=connection:new\r
                a=stream:1\r
                y=0200000002\r
                f=\r
                """);
    }

    @Test
    void downloadOfferOverTcpPassive() {
        GbSdp offer = GbSdp.offer(SessionType.DOWNLOAD).username("34020000002000000001").address("10.0.0.5")
                .port(30006).transport(MediaTransport.TCP_PASSIVE).ssrc("1200000003")
                .channel("34020000001310000001").timeRange(1714804996L, 1714806986L).downloadSpeed(4).build();

        assertThat(offer.encode()).isEqualTo("""
                v=0\r
                o=34020000002000000001 0 0 IN IP4 10.0.0.5\r
                s=Download\r
                u=34020000001310000001:0\r
                c=IN IP4 10.0.0.5\r
                t=1714804996 1714806986\r
                m=video 30006 TCP/RTP/AVP 96 98 97\r
                a=recvonly\r
                a=rtpmap:96 PS/90000\r
                a=rtpmap:98 H264/90000\r
                a=rtpmap:97 MPEG4/90000\r
                a=downloadspeed:4\r
                a=setup:passive\r
                a=connection:new\r
                y=1200000003\r
                f=\r
                """);
        assertThat(GbSdp.parse(offer.encode()).firstMedia().downloadSpeed()).hasValue(4);
    }

    @Test
    void builderRefusesIncompleteOrInconsistentOffers() {
        assertThatThrownBy(() -> GbSdp.offer(SessionType.PLAYBACK).username("p").address("10.0.0.5").port(1)
                .ssrc("1200000001").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Playback needs the channel and the time range");
        assertThatThrownBy(() -> GbSdp.offer(SessionType.PLAY).username("p").address("10.0.0.5").port(1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ssrc");
        assertThatThrownBy(() -> GbSdp.offer(SessionType.PLAY).username("p").address("10.0.0.5").port(1)
                .ssrc("0200000001").downloadSpeed(2).build()).hasMessageContaining("Download only");
        assertThatThrownBy(() -> GbSdp.offer(SessionType.TALK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GbSdp.offer(SessionType.PLAY).ssrc("123")).hasMessageContaining("10 decimal digits");
        assertThatThrownBy(() -> GbSdp.offer(SessionType.PLAY).ssrc("01000000a1"))
                .hasMessageContaining("10 decimal digits");
        assertThatThrownBy(() -> GbSdp.offer(SessionType.PLAY).timeRange(10, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleratesLfTrailingSpacesBlankLinesMissingYAndUnknownLines() {
        GbSdp sdp = GbSdp.parse("v=0  \n"
                + "o=34020000001320000001 1 1 IN IP4 10.1.1.9\n"
                + "s=Play\n"
                + "\n"
                + "c=IN IP4 10.1.1.9 \n"
                + "t=0 0\n"
                + "b=AS:2048\n"
                + "m=video 15060 TCP/RTP/AVP 96\n"
                + "a=setup:active\n"
                + "a=connection:new\n"
                + "a=sendonly\n"
                + "  a=streamMode:MAIN\n"
                + "w=vendor\n"
                + "a=rtpmap:96 PS/90000\n");

        assertThat(sdp.ssrc()).isEmpty();
        assertThat(sdp.mediaDescription()).isEmpty();
        assertThat(sdp.otherLines()).containsExactly("b=AS:2048");
        Media video = sdp.firstMedia();
        assertThat(video.setup()).contains("active");
        assertThat(video.connectionMode()).contains("new");
        assertThat(video.attribute("streamMode")).contains("MAIN");
        assertThat(video.otherLines()).containsExactly("w=vendor");
        assertThat(sdp.encode()).isEqualTo("v=0\r\n"
                + "o=34020000001320000001 1 1 IN IP4 10.1.1.9\r\n"
                + "s=Play\r\n"
                + "c=IN IP4 10.1.1.9\r\n"
                + "t=0 0\r\n"
                + "b=AS:2048\r\n"
                + "m=video 15060 TCP/RTP/AVP 96\r\n"
                + "w=vendor\r\n"
                + "a=setup:active\r\n"
                + "a=connection:new\r\n"
                + "a=sendonly\r\n"
                + "a=streamMode:MAIN\r\n"
                + "a=rtpmap:96 PS/90000\r\n");
    }

    @Test
    void yAndFBeforeTheMediaSectionAndAttributesAfterThemAreKept() {
        GbSdp sdp = GbSdp.parse("v=0\r\no=d 0 0 IN IP4 10.0.0.9\r\ns=Play\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n"
                + "y=0100000009\r\nm=video 9000 RTP/AVP 96\r\nc=IN IP4 10.0.0.10\r\nf=v/2/5/25/1/4096a///\r\n"
                + "a=sendonly\r\na=stream:1\r\na=streamnumber:1\r\n");

        assertThat(sdp.ssrc()).contains("0100000009");
        assertThat(sdp.mediaDescription()).contains("v/2/5/25/1/4096a///");
        assertThat(sdp.mediaConnection()).contains(Connection.of("10.0.0.10"));
        assertThat(sdp.firstMedia().attributes()).containsExactly(new Attribute("sendonly", null),
                new Attribute("stream", "1"), new Attribute("streamnumber", "1"));
        assertThat(sdp.withSsrc("0100000010").encode()).endsWith("y=0100000010\r\nf=v/2/5/25/1/4096a///\r\n");
    }

    @Test
    void malformedLinesAreRefusedNamingTheLine() {
        String head = "v=0\no=d 0 0 IN IP4 10.0.0.9\ns=Play\nt=0 0\n";
        assertThatThrownBy(() -> GbSdp.parse(head + "m=video x RTP/AVP 96\n")).isInstanceOf(SdpParseException.class)
                .hasMessageContaining("line 5 'm=video x RTP/AVP 96'");
        assertThatThrownBy(() -> GbSdp.parse(head + "m=video 70000 RTP/AVP 96\n"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> GbSdp.parse(head + "garbage\n")).hasMessageContaining("line 5 'garbage'");
        assertThatThrownBy(() -> GbSdp.parse("v=0\no=d 0 0 IN IP4\ns=Play\nm=video 1 RTP/AVP 96\n"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> GbSdp.parse("v=0\no=d 0 0 IN IP4 1.2.3.4\ns=Play\nt=a b\nm=video 1 RTP/AVP 96\n"))
                .hasMessageContaining("line 4 't=a b'");
        assertThatThrownBy(() -> GbSdp.parse(head)).hasMessageContaining("no m= line");
        assertThatThrownBy(() -> GbSdp.parse("v=1\n")).hasMessageContaining("version");
        assertThatThrownBy(() -> GbSdp.parse(head + "m=video 1 RTP/AVP 96\n" + "a=x\n".repeat(5000)))
                .hasMessageContaining("exceeds");
    }

    @Test
    void tcpIsRecognisedInEitherProtoSpelling() {
        String head = "v=0\no=d 0 0 IN IP4 10.0.0.9\ns=Play\nt=0 0\n";

        assertThat(GbSdp.parse(head + "m=video 1 RTP/AVP/TCP 96\n").firstMedia().isTcp()).isTrue();
        assertThat(GbSdp.parse(head + "m=video 1 tcp/rtp/avp 96\n").firstMedia().isTcp()).isTrue();
        assertThat(GbSdp.parse(head + "m=video 1 RTP/AVP 96\n").firstMedia().isTcp()).isFalse();
    }

    @Test
    void malformedTypedAttributesAreKeptButNotTyped() {
        GbSdp sdp = GbSdp.parse("v=0\no=d 0 0 IN IP4 10.0.0.9\ns=Download\nt=0 0\nm=video 1 RTP/AVP 96\n"
                + "a=rtpmap:96 PS\na=rtpmap:x PS/90000\na=downloadspeed:fast\na=filesize:\n");

        Media video = sdp.firstMedia();
        assertThat(video.rtpMaps()).isEmpty();
        assertThat(video.downloadSpeed()).isEmpty();
        assertThat(video.fileSize()).isEmpty();
        assertThat(video.attributes()).hasSize(4);
        assertThat(sdp.connection()).isEmpty();
    }
}
