package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.media.MediaCodec;
import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SessionType;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.testing.MediaStreams;
import dev.gb28181.testing.NativeTransport;
import dev.gb28181.testing.RtpSender;
import dev.gb28181.testing.TestDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Media sessions against a device on real sockets (GB/T 28181-2016 §9.2, Annex F): the INVITE the
 * device sees (Subject, SDP offer), 100 then 200 with the device's SDP, the ACK, a real PS stream made
 * by ffmpeg sent as RTP and demultiplexed into frames, BYE from either side, and a refused INVITE
 * freeing its port. The RTP is received on the native epoll transport (the default, which must be available on
 * Linux x86_64) and, in {@link MediaSessionNioTest}, on NIO.
 */
class MediaSessionTest {

    static final String DEVICE = "34020000001320000001";
    static final String CHANNEL = "34020000001310000001";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int FRAMES = MediaStreams.FRAMES;

    @TempDir
    static Path dir;
    static byte[] ps;

    PlatformFixture fixture;
    TestDevice device;
    final List<MediaFrame> frames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void makeStream() throws Exception {
        ps = MediaStreams.h264Ps(dir);
    }

    /** {@link PlatformConfig#mediaNativeTransport()} of the platform under test. */
    boolean nativeTransport() {
        return true;
    }

    @BeforeEach
    void start() {
        fixture = new PlatformFixture(PlatformFixture.config().requestTimeout(Duration.ofMillis(1500))
                .mediaNativeTransport(nativeTransport()));
        fixture.platform.addMediaListener((session, frame) -> frames.add(frame));
        device = fixture.udp(DEVICE);
        assertThat(device.register(3600).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theRtpThreadsRunEpollUnlessItIsTurnedOffOrMissing() {
        assertThat(fixture.platform.media().nativeTransport()).isEqualTo(NativeTransport.expected(nativeTransport()));
    }

    @Test
    void playOverUdpCarriesTheOfferAcksAndDeliversEveryFrame() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        assertThat(invite).isNotNull();
        assertThat(invite.requestUri().user()).isEqualTo(CHANNEL);
        assertThat(invite.to().uri().user()).isEqualTo(CHANNEL);
        assertThat(invite.header(HeaderNames.CONTENT_TYPE)).isEqualToIgnoringCase("application/sdp");
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        String ssrc = offer.ssrc().orElseThrow();
        assertThat(ssrc).startsWith("0" + PlatformFixture.PLATFORM_ID.substring(3, 8));
        assertThat(invite.header(HeaderNames.SUBJECT)).isEqualTo(CHANNEL + ':' + ssrc + ','
                + PlatformFixture.PLATFORM_ID + ":0");
        assertThat(offer.sessionType()).contains(SessionType.PLAY);
        assertThat(offer.firstMedia().proto()).isEqualTo("RTP/AVP");
        assertThat(offer.firstMedia().direction()).contains(GbSdp.Direction.RECVONLY);
        assertThat(offer.firstMedia().rtpMaps()).contains(GbSdp.RtpMap.PS);
        int port = offer.firstMedia().port();

        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String tag = device.acceptInvite(invite, answer(ssrc, media.getLocalPort(), "RTP/AVP", ""));
            MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            SipRequest ack = device.nextRequest("ACK", WAIT);
            assertThat(ack).isNotNull();
            assertThat(ack.callId()).isEqualTo(invite.callId());
            assertThat(ack.to().tag()).isEqualTo(tag);
            assertThat(ack.cseq().seq()).isEqualTo(invite.cseq().seq());
            assertThat(session.ssrc()).isEqualTo(ssrc);
            assertThat(session.localMediaAddress().getPort()).isEqualTo(port);
            assertThat(fixture.platform.mediaSessions()).containsExactly(session);

            sendPaced(session, new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 1).packetise(ps,
                    new int[] {ps.length}), media);
            await().atMost(WAIT).until(() -> frames.size() >= FRAMES);
            assertThat(frames).hasSize(FRAMES);
            assertThat(frames.get(0).keyFrame()).isTrue();
            assertThat(frames.get(0).codec()).isEqualTo(MediaCodec.H264);
            PlatformStats stats = fixture.platform.stats();
            assertThat(stats.mediaSessionsActive()).isEqualTo(1);
            assertThat(stats.mediaSessionsStarted()).isEqualTo(1);
            assertThat(stats.frames(MediaCodec.H264)).isEqualTo(FRAMES);
            assertThat(stats.rtp().packets()).isEqualTo(session.rtpStats().packets()).isPositive();
            assertThat(stats.rtp().bytes()).isEqualTo(session.rtpStats().bytes());

            CompletableFuture<Void> ended = fixture.platform.bye(session.callId());
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye).isNotNull();
            device.respond(bye, 200);
            ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(bye.callId()).isEqualTo(invite.callId());
            assertThat(bye.to().tag()).isEqualTo(tag);
            assertThat(session.isActive()).isFalse();
            assertThat(fixture.platform.mediaSessions()).isEmpty();
            assertThat(stats.mediaSessionsActive()).isZero();
            await().atMost(WAIT).until(() -> stats.mediaSessionsEnded(MediaSessionEvent.Reason.BYE) == 1);
            assertThat(stats.rtp().packets()).as("totals stay when the session ends").isEqualTo(
                    session.rtpStats().packets());
        }
    }

    @Test
    void theDevicesSsrcIsHonouredAndItsByeEndsTheSession() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        String own = "0100000077";
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            device.acceptInvite(invite, answer(own, media.getLocalPort(), "RTP/AVP", ""));
            MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(session.ssrc()).isEqualTo(own);
            sendPaced(session, new RtpSender(SsrcAllocator.wireValue(own), 1400, 2).packetise(ps,
                    new int[] {ps.length}), media);
            await().atMost(WAIT).until(() -> frames.size() >= FRAMES);

            assertThat(device.bye(invite).status()).isEqualTo(200);
            assertThat(session.isActive()).isFalse();
            assertThat(fixture.platform.mediaSessions()).isEmpty();
            assertThat(device.bye(invite).status()).as("a second BYE finds no dialog").isEqualTo(481);
        }
    }

    @Test
    void mediaSentBeforeTheOkIsKept() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        String ssrc = offer.ssrc().orElseThrow();
        List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 5).packetise(ps,
                new int[] {ps.length});
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int early = 48;
            RtpSender.sendUdp(packets.subList(0, early), media, new InetSocketAddress("127.0.0.1",
                    offer.firstMedia().port()));
            device.acceptInvite(invite, answer(ssrc, media.getLocalPort(), "RTP/AVP", ""));
            MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            await().atMost(WAIT).until(() -> session.rtpStats().packets() >= early);
            sendPaced(session, packets, early, media);
            await().atMost(WAIT).until(() -> frames.size() >= FRAMES);
            assertThat(frames).hasSize(FRAMES);
            assertThat(frames.get(0).keyFrame()).isTrue();
        }
    }

    @Test
    void aRefusedInviteFailsWithItsStatusAndFreesThePort() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        int port = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).firstMedia().port();
        device.respond(invite, 486);
        Throwable failure = invited.handle((s, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(failure).isInstanceOf(SipStatusException.class);
        assertThat(((SipStatusException) failure).status()).isEqualTo(486);
        // the receiver closes asynchronously: bind until it has
        await().atMost(WAIT).ignoreExceptionsInstanceOf(BindException.class).untilAsserted(() -> {
            try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                assertThat(again.getLocalPort()).isEqualTo(port);
            }
        });
        assertThat(fixture.platform.mediaSessions()).isEmpty();
    }

    @Test
    void anUnansweredInviteTimesOut() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        assertThat(device.nextRequest("INVITE", WAIT)).isNotNull();
        Throwable failure = invited.handle((s, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(failure).isInstanceOf(ManscdpTimeoutException.class).hasMessageContaining(CHANNEL);
    }

    @Test
    void stopByesEverySession() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        device.acceptInvite(invite, answer(GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc()
                .orElseThrow(), 9, "RTP/AVP", ""));
        MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(fixture.platform::stop);
        SipRequest bye = device.nextRequest("BYE", WAIT);
        assertThat(bye).isNotNull();
        device.respond(bye, 200);
        stopped.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(bye.callId()).isEqualTo(session.callId());
        assertThat(session.isActive()).isFalse();
    }

    @Test
    void tcpPassiveTheDeviceConnectsToThePlatform() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.TCP_PASSIVE));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        assertThat(offer.firstMedia().proto()).isEqualTo("TCP/RTP/AVP");
        assertThat(offer.firstMedia().setup()).contains("passive");
        String ssrc = offer.ssrc().orElseThrow();
        device.acceptInvite(invite, answer(ssrc, 9, "TCP/RTP/AVP", "a=setup:active\r\na=connection:new\r\n"));
        MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(session.localMediaAddress().getPort()).isEqualTo(offer.firstMedia().port());
        List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 3).packetise(ps,
                new int[] {ps.length});
        try (Socket media = RtpSender.connectAndSend(packets, new InetSocketAddress("127.0.0.1",
                session.localMediaAddress().getPort()))) {
            await().atMost(WAIT).until(() -> frames.size() >= FRAMES);
            assertThat(frames).hasSize(FRAMES);
            assertThat(frames.get(0).keyFrame()).isTrue();
        }
    }

    @Test
    void tcpActiveThePlatformConnectsToTheDevicesAnswer() throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.TCP_ACTIVE));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        assertThat(offer.firstMedia().proto()).isEqualTo("TCP/RTP/AVP");
        assertThat(offer.firstMedia().setup()).contains("active");
        String ssrc = offer.ssrc().orElseThrow();
        List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 4).packetise(ps,
                new int[] {ps.length});
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> streaming = CompletableFuture.supplyAsync(() -> {
                try {
                    return RtpSender.acceptAndSend(packets, server);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            device.acceptInvite(invite, answer(ssrc, server.getLocalPort(), "TCP/RTP/AVP",
                    "a=setup:passive\r\na=connection:new\r\n"));
            MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            try (Socket media = streaming.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                await().atMost(WAIT).until(() -> frames.size() >= FRAMES);
                assertThat(frames).hasSize(FRAMES);
                assertThat(frames.get(0).keyFrame()).isTrue();
                assertThat(session.localMediaAddress().getPort()).isEqualTo(media.getPort());
            }
        }
    }

    @Test
    void playbackOffersTheRecordingAndAHistorySsrc() throws Exception {
        Instant start = Instant.parse("2026-01-02T03:04:05Z");
        fixture.platform.invite(DEVICE, CHANNEL, InviteRequest.download(MediaTransport.UDP, start,
                start.plusSeconds(600), 4));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        assertThat(offer.sessionType()).contains(SessionType.DOWNLOAD);
        assertThat(offer.uri()).contains(CHANNEL + ":0");
        assertThat(offer.startTime()).isEqualTo(start.getEpochSecond());
        assertThat(offer.stopTime()).isEqualTo(start.getEpochSecond() + 600);
        assertThat(offer.firstMedia().downloadSpeed()).hasValue(4);
        assertThat(offer.ssrc().orElseThrow()).startsWith("1");
        device.respond(invite, 404);
    }

    /** Sends in batches of 32, each once the platform counted the previous one (small loopback buffers). */
    static void sendPaced(MediaSession session, List<byte[]> packets, DatagramSocket media) throws IOException {
        sendPaced(session, packets, 0, media);
    }

    /** {@link #sendPaced} from packet {@code first} on, the earlier ones counted already. */
    static void sendPaced(MediaSession session, List<byte[]> packets, int first, DatagramSocket media)
            throws IOException {
        MediaStreams.sendPaced(session, packets, first, media, WAIT);
    }

    /** The device's answer as a camera writes it. */
    static String answer(String ssrc, int port, String proto, String extra) {
        return MediaStreams.answer(CHANNEL, ssrc, port, proto, extra);
    }
}
