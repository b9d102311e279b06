package dev.gb28181.peers;

import dev.gb28181.manscdp.DeviceStatusQuery;
import dev.gb28181.mansrtsp.MansrtspResponse;
import dev.gb28181.mansrtsp.PlayControl;
import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.MediaPortAllocator;
import dev.gb28181.media.ps.MediaTools;
import dev.gb28181.platform.Device;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.InviteRequest;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.MediaSessionEvent;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.platform.PlatformEvent;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SessionType;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.RtpSender;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Media sessions (GB/T 28181-2016 §9.2 live, §9.8 playback, Annex F SDP, Annex B MANSRTSP) played against
 * sipp 3.6, a SIP implementation the project did not write, as the device: it registers, answers the
 * platform's INVITE with 100 and 200 carrying its own SDP (its own {@code y=}, media over UDP or TCP, SIP
 * over UDP or TCP) and receives the ACK; real RTP/PS sent to the session becomes frames. The session ends by
 * the platform's BYE, the device's BYE, or the device's MediaStatus 121 in the dialog; the MANSRTSP controls
 * (pause, resume, seek, scale, teardown) reach sipp as INFO with exactly the text of Annex B, read back from
 * sipp's message trace.
 */
class SippInviteTest {

    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String DOMAIN = "3402000000";
    private static final String PASSWORD = "gb28181-sipp";
    private static final String HOST = "127.0.0.1";
    private static final String DEVICE_ID = "34020000001320000088";
    private static final String CHANNEL = "34020000001310000088";
    /** The device's own SSRCs, not the offered ones: live starts with 0, history with 1 (Annex F). */
    private static final String LIVE_SSRC = "0340200088";
    private static final String HISTORY_SSRC = "1340200088";
    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** testsrc2 at 25 fps for 2 s. */
    private static final int FRAMES = 50;

    @TempDir
    static Path streams;
    static byte[] ps;

    @TempDir
    Path work;

    private final Queue<PlatformEvent> events = new ConcurrentLinkedQueue<>();
    private final List<MediaFrame> frames = new CopyOnWriteArrayList<>();
    private Gb28181Platform platform;

    @BeforeAll
    static void makeStream() throws Exception {
        ps = Files.readAllBytes(MediaTools.ffmpeg(streams, "x264.ps", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-t", "2", "-g", "25", "-bf", "0", "-c:v", "libx264", "-f", "mpeg"));
    }

    @BeforeEach
    void startPlatform() {
        platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID).host(HOST).port(0).password(PASSWORD)
                .mediaPortRange(new MediaPortAllocator.PortRange(31200, 31299)) // no other test's: a freed port stays free
                .requestTimeout(Duration.ofSeconds(3)));
        platform.addListener(events::add);
        platform.addMediaListener((session, frame) -> frames.add(frame));
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
    }

    static Stream<Arguments> invites() {
        return Stream.of(
                Arguments.of(Transport.UDP, SessionType.PLAY, MediaTransport.UDP),
                Arguments.of(Transport.TCP, SessionType.PLAY, MediaTransport.TCP_PASSIVE),
                Arguments.of(Transport.UDP, SessionType.PLAYBACK, MediaTransport.TCP_ACTIVE),
                Arguments.of(Transport.TCP, SessionType.PLAYBACK, MediaTransport.UDP));
    }

    @ParameterizedTest(name = "SIP over {0}, {1}, media {2}")
    @MethodSource("invites")
    void deviceAnswersWithItsOwnSdpAndTheMediaFlowsUntilThePlatformsBye(Transport sip, SessionType mode,
            MediaTransport transport) throws Exception {
        try (DeviceMedia media = new DeviceMedia(transport)) {
            String ssrc = mode == SessionType.PLAY ? LIVE_SSRC : HISTORY_SSRC;
            Sipp.Running sipp = sipp(sip, mode, ssrc, media.sdp(), SippScenario.InviteEnd.PLATFORM_BYE);
            MediaSession session = invite(mode, transport);

            assertThat(session.ssrc()).as("the device's y= wins").isEqualTo(ssrc);
            assertThat(session.mode()).isEqualTo(mode);
            assertThat(session.transport()).isEqualTo(transport);
            assertThat(session.deviceSdp()).contains("y=" + ssrc, "s=" + mode.sdpName());
            media.stream(session);
            await().atMost(WAIT).until(() -> frames.size() >= FRAMES);
            assertThat(frames).hasSize(FRAMES);
            assertThat(frames.get(0).keyFrame()).isTrue();

            platform.bye(session.callId()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(session.isActive()).isFalse();
            assertThat(platform.mediaSessions()).isEmpty();
            media.assertPortFreed(session);

            Sipp.Result result = sipp.await();
            assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
            String invite = result.receivedRequests("INVITE").get(0);
            assertThat(invite).contains("Subject: " + CHANNEL + ":", "s=" + mode.sdpName(), "y=");
            Matcher offer = Pattern.compile("m=video (\\d+) (\\S+)").matcher(invite);
            assertThat(offer.find()).as(invite).isTrue();
            assertThat(offer.group(2)).isEqualTo(transport == MediaTransport.UDP ? "RTP/AVP" : "TCP/RTP/AVP");
            if (transport != MediaTransport.TCP_ACTIVE) {
                assertThat(Integer.parseInt(offer.group(1))).as("the offered port is where the media went")
                        .isEqualTo(session.localMediaAddress().getPort());
            }
            if (transport != MediaTransport.UDP) {
                assertThat(invite).contains(transport == MediaTransport.TCP_PASSIVE ? "a=setup:passive"
                        : "a=setup:active");
            }
            if (mode == SessionType.PLAYBACK) {
                assertThat(invite).contains("u=" + CHANNEL + ":0", "t=" + START.getEpochSecond() + " "
                        + START.plusSeconds(600).getEpochSecond());
            }
            assertThat(result.receivedRequests("ACK")).singleElement().asString().contains("CSeq: 1 ACK");
            assertThat(result.receivedRequests("BYE")).hasSize(1);
            assertThat(sessionEvents()).extracting(MediaSessionEvent::eventType, MediaSessionEvent::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(MediaSessionEvent.SESSION_STARTED, null),
                            org.assertj.core.groups.Tuple.tuple(MediaSessionEvent.SESSION_ENDED,
                                    MediaSessionEvent.Reason.BYE));
        }
    }

    @Test
    void devicesByeEndsTheSessionAndFreesThePort() throws Exception {
        Transport sip = Transport.UDP;
        try (DeviceMedia media = new DeviceMedia(MediaTransport.UDP)) {
            Sipp.Running sipp = sipp(sip, SessionType.PLAY, LIVE_SSRC, media.sdp(), SippScenario.InviteEnd.DEVICE_BYE);
            MediaSession session = invite(SessionType.PLAY, MediaTransport.UDP);
            media.stream(session);
            await().atMost(WAIT).until(() -> frames.size() >= FRAMES);

            signal();
            await().atMost(WAIT).until(() -> !session.isActive());
            assertThat(platform.mediaSessions()).isEmpty();
            media.assertPortFreed(session);
            Sipp.Result result = sipp.await();
            assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
            assertThat(result.receivedRequests("BYE")).as("the platform sends no BYE of its own").isEmpty();
            assertThat(ended()).satisfies(e -> {
                assertThat(e.reason()).isEqualTo(MediaSessionEvent.Reason.DEVICE_BYE);
                assertThat(e.callId()).isEqualTo(session.callId());
                assertThat(e.videoFrames()).isEqualTo(FRAMES);
                assertThat(e.rtpLost()).isZero();
            });
        }
    }

    @Test
    void mediaStatus121InTheDialogEndsThePlaybackWithBye() throws Exception {
        Transport sip = Transport.TCP;
        try (DeviceMedia media = new DeviceMedia(MediaTransport.UDP)) {
            Sipp.Running sipp = sipp(sip, SessionType.PLAYBACK, HISTORY_SSRC, media.sdp(),
                    SippScenario.InviteEnd.END_OF_FILE);
            MediaSession session = invite(SessionType.PLAYBACK, MediaTransport.UDP);
            media.stream(session);
            await().atMost(WAIT).until(() -> frames.size() >= FRAMES);

            signal();
            await().atMost(WAIT).until(() -> !session.isActive());
            Sipp.Result result = sipp.await();
            assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
            assertThat(result.receivedRequests("BYE")).singleElement().asString()
                    .contains("Call-ID: " + session.callId());
            assertThat(platform.mediaSessions()).isEmpty();
            assertThat(ended().reason()).isEqualTo(MediaSessionEvent.Reason.END_OF_FILE);
        }
    }

    @ParameterizedTest(name = "SIP over {0}")
    @EnumSource(Transport.class)
    void playControlsReachTheDeviceAsTheExactMansrtspText(Transport sip) throws Exception {
        Sipp.Running sipp = sipp(sip, SessionType.PLAYBACK, HISTORY_SSRC, SippScenario.udpMedia(9),
                SippScenario.InviteEnd.PLATFORM_BYE);
        MediaSession session = invite(SessionType.PLAYBACK, MediaTransport.UDP);
        List<PlayControl> controls = List.of(PlayControl.pause(), PlayControl.resume(), PlayControl.seek(30),
                PlayControl.scale(2.0), PlayControl.teardown());

        for (int i = 0; i < controls.size(); i++) {
            // by Call-ID and by stream ID alike
            String id = i % 2 == 0 ? session.callId() : session.streamId();
            MansrtspResponse answer;
            try {
                answer = platform.playControl(id, controls.get(i)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError(controls.get(i) + " failed; " + sipp.await(), e);
            }
            assertThat(answer.isSuccess()).isTrue();
            assertThat(answer.cseq()).isEqualTo(i + 1);
            assertThat(answer.rtpInfo()).isEqualTo("seq=1;rtptime=0");
        }
        await().atMost(WAIT).until(() -> !session.isActive());

        Sipp.Result result = sipp.await();
        assertThat(result.allCallsSuccessful()).as("%s", result).isTrue();
        List<String> infos = result.receivedRequests("INFO");
        assertThat(infos).hasSameSizeAs(controls);
        for (int i = 0; i < controls.size(); i++) {
            String info = infos.get(i);
            int body = info.indexOf("\r\n\r\n");
            assertThat(body).as(info).isPositive();
            assertThat(info.substring(0, body)).containsIgnoringCase("Content-Type: Application/MANSRTSP")
                    .contains("Call-ID: " + session.callId());
            assertThat(info.substring(body + 4)).as("INFO %d", i + 1).startsWith(controls.get(i).encode(i + 1));
        }
        assertThat(infos.get(0).substring(infos.get(0).indexOf("\r\n\r\n") + 4))
                .startsWith("PAUSE RTSP/1.0\r\nCSeq: 1\r\nPauseTime: now\r\n");
        assertThat(infos.get(2)).contains("PLAY RTSP/1.0\r\nCSeq: 3\r\nRange: npt=30-\r\n");
        assertThat(infos.get(3)).contains("PLAY RTSP/1.0\r\nCSeq: 4\r\nScale: 2.0\r\n");
        assertThat(infos.get(4)).contains("TEARDOWN RTSP/1.0\r\nCSeq: 5\r\n");
        assertThat(result.receivedRequests("BYE")).as("TEARDOWN is followed by BYE").hasSize(1);
        assertThat(ended().reason()).isEqualTo(MediaSessionEvent.Reason.TEARDOWN);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** sipp registering {@link #DEVICE_ID} over {@code sip}, then answering one INVITE. */
    private Sipp.Running sipp(Transport sip, SessionType mode, String ssrc, String mediaLines,
            SippScenario.InviteEnd end) {
        Sipp.Running running = Sipp.generated("device.xml", SippScenario.device(PLATFORM_ID, DOMAIN).awaitHandled(1)
                        .xml(), work)
                .transport(sip)
                .outOfCall(SippScenario.outOfCall(PLATFORM_ID, DOMAIN)
                        .answerInvite(CHANNEL, mode.sdpName(), ssrc, mediaLines, end).xml())
                .platform(PLATFORM_ID, DOMAIN)
                .device(DEVICE_ID, PASSWORD)
                .timeout(Duration.ofSeconds(15))
                .start(HOST, platform.sipPort());
        await().atMost(WAIT).until(() -> registered() || !running.alive());
        if (!registered()) {
            throw new AssertionError("sipp did not register: " + running.await());
        }
        return running;
    }

    private boolean registered() {
        return platform.registry().find(DEVICE_ID).map(Device::online).orElse(false);
    }

    private MediaSession invite(SessionType mode, MediaTransport transport) throws Exception {
        InviteRequest request = mode == SessionType.PLAY ? InviteRequest.play(transport)
                : InviteRequest.playback(transport, START, START.plusSeconds(600));
        return platform.invite(DEVICE_ID, CHANNEL, request).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Tells sipp to end its session ({@link SippScenario#SIGNAL}). */
    private void signal() throws Exception {
        assertThat(platform.send(DEVICE_ID, new DeviceStatusQuery()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .status()).isEqualTo(200);
    }

    private List<MediaSessionEvent> sessionEvents() {
        return events.stream().filter(MediaSessionEvent.class::isInstance).map(MediaSessionEvent.class::cast)
                .toList();
    }

    private MediaSessionEvent ended() {
        await().atMost(WAIT).until(() -> sessionEvents().stream()
                .anyMatch(e -> e.eventType().equals(MediaSessionEvent.SESSION_ENDED)));
        return sessionEvents().stream().filter(e -> e.eventType().equals(MediaSessionEvent.SESSION_ENDED))
                .findFirst().orElseThrow();
    }

    /** The device's media side: a UDP socket, or the TCP connection it opens or accepts. */
    private static final class DeviceMedia implements AutoCloseable {
        private final MediaTransport transport;
        private final DatagramSocket udp;
        private final ServerSocket server;
        private Socket tcp;

        DeviceMedia(MediaTransport transport) throws IOException {
            this.transport = transport;
            this.udp = transport == MediaTransport.UDP ? new DatagramSocket(0, InetAddress.getLoopbackAddress())
                    : null;
            this.server = transport == MediaTransport.TCP_ACTIVE ? new ServerSocket(0, 1,
                    InetAddress.getLoopbackAddress()) : null;
        }

        /** The media lines of the device's SDP answer. */
        String sdp() {
            return switch (transport) {
                case UDP -> SippScenario.udpMedia(udp.getLocalPort());
                case TCP_PASSIVE -> SippScenario.tcpMedia(9, "active");
                case TCP_ACTIVE -> SippScenario.tcpMedia(server.getLocalPort(), "passive");
            };
        }

        /** Sends the stream as RTP with the session's SSRC, the marker on its last packet. */
        void stream(MediaSession session) throws IOException {
            List<byte[]> packets = new RtpSender(session.wireSsrc(), 1400, 7).packetise(ps, new int[] {ps.length});
            InetSocketAddress to = new InetSocketAddress(HOST, session.localMediaAddress().getPort());
            switch (transport) {
                case UDP -> {
                    for (int from = 0; from < packets.size(); from += 32) {
                        int end = Math.min(packets.size(), from + 32);
                        RtpSender.sendUdp(packets.subList(from, end), udp, to);
                        soon().until(() -> session.rtpStats().packets() >= end);
                    }
                }
                case TCP_PASSIVE -> tcp = RtpSender.connectAndSend(packets, to);
                case TCP_ACTIVE -> tcp = RtpSender.acceptAndSend(packets, server);
            }
        }

        /** The session's media port can be bound again (UDP and TCP passive hold one). */
        void assertPortFreed(MediaSession session) {
            int port = session.localMediaAddress().getPort();
            if (transport == MediaTransport.UDP) { // the receiver closes asynchronously: bind until it has
                soon().ignoreExceptionsInstanceOf(BindException.class).untilAsserted(() -> {
                    try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(HOST, port))) {
                        assertThat(again.getLocalPort()).isEqualTo(port);
                    }
                });
            } else if (transport == MediaTransport.TCP_PASSIVE) {
                soon().ignoreExceptionsInstanceOf(BindException.class).untilAsserted(() -> {
                    try (ServerSocket again = new ServerSocket()) {
                        again.setReuseAddress(true);
                        again.bind(new InetSocketAddress(HOST, port));
                    }
                });
            }
        }

        @Override
        public void close() throws IOException {
            if (udp != null) {
                udp.close();
            }
            if (server != null) {
                server.close();
            }
            if (tcp != null) {
                tcp.close();
            }
        }
    }

    private static ConditionFactory soon() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }
}
