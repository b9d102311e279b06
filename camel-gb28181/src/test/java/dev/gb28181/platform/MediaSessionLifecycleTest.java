package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gb28181.mansrtsp.MansrtspResponse;
import dev.gb28181.mansrtsp.PlayControl;
import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.platform.MediaSessionEvent.Reason;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SessionType;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.testing.NativeTransport;
import dev.gb28181.testing.RtpSender;
import dev.gb28181.testing.TestDevice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How media sessions end and what they announce (GB/T 28181-2016 §9.2, §9.8, Annex B), against a device on real
 * sockets with real RTP: each way a session ends (the platform's BYE, the device's BYE, MediaStatus 121, no
 * media, TEARDOWN, stop) gives its SESSION_ENDED reason and counters and frees its port and SSRC; the exact
 * MANSRTSP text of each control in an INFO of the dialog and the failures of that INFO; one live PLAY per
 * channel, held by every PLAY of it and ended with the last release (or for all by the device); a broken TCP
 * media connection; the shared media port demultiplexing by SSRC; RTP from another source; PS to PS listeners.
 */
class MediaSessionLifecycleTest {

    static final String DEVICE = MediaSessionTest.DEVICE;
    static final String CHANNEL = MediaSessionTest.CHANNEL;
    static final String CHANNEL2 = "34020000001310000002";
    static final Duration WAIT = MediaSessionTest.WAIT;
    static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
    /** testsrc2 at 25 fps for 1 s. */
    static final int FRAMES = 25;

    @TempDir
    static Path dir;
    static byte[] ps;

    PlatformFixture fixture;
    TestDevice device;
    final Map<String, AtomicInteger> framesByCallId = new ConcurrentHashMap<>();

    @BeforeAll
    static void makeStream() throws Exception {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-t", "1", "-c:v", "libx264", "-g", "25", "-bf", "0", "-f", "mpeg",
                "x.ps").directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log")
                        .toFile()).start();
        assertThat(ffmpeg.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).as(Files.readString(dir.resolve("ffmpeg.log"))).isZero();
        ps = Files.readAllBytes(dir.resolve("x.ps"));
    }

    void start(PlatformConfig config) {
        fixture = new PlatformFixture(config);
        fixture.platform.addMediaListener((session, frame) -> framesByCallId
                .computeIfAbsent(session.callId(), k -> new AtomicInteger()).incrementAndGet());
        device = fixture.udp(DEVICE);
        assertThat(device.register(3600).status()).isEqualTo(200);
    }

    void start() {
        start(config());
    }

    static PlatformConfig config() {
        return PlatformFixture.config().requestTimeout(Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** An INVITE the device accepted: what the device saw, the session, the device's media socket. */
    record Call(SipRequest invite, MediaSession session, DatagramSocket media) implements AutoCloseable {
        String offeredSsrc() {
            return GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        }

        @Override
        public void close() {
            media.close();
        }
    }

    Call call(String channel, InviteRequest request) throws Exception {
        return call(channel, request, null);
    }

    /** Invites, accepts with the offered SSRC (or {@code answeredSsrc}) and waits for the session. */
    Call call(String channel, InviteRequest request, String answeredSsrc) throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, channel, request);
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        assertThat(invite).isNotNull();
        String ssrc = answeredSsrc != null ? answeredSsrc
                : GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        device.acceptInvite(invite, MediaSessionTest.answer(ssrc, media.getLocalPort(), "RTP/AVP", ""));
        return new Call(invite, invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), media);
    }

    List<byte[]> packets(MediaSession session, long seed) {
        return new RtpSender(session.wireSsrc(), 1400, seed).packetise(ps, new int[] {ps.length});
    }

    MediaSessionEvent ended(MediaSession session) {
        await().atMost(WAIT).until(() -> endOf(session) != null);
        return endOf(session);
    }

    MediaSessionEvent endOf(MediaSession session) {
        return fixture.events.of(MediaSessionEvent.class).stream()
                .filter(e -> e.callId().equals(session.callId())
                        && e.eventType().equals(MediaSessionEvent.SESSION_ENDED))
                .findFirst().orElse(null);
    }

    /** Every port and SSRC the sessions took is given back. */
    void assertFreed() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(fixture.platform.media().ports().allocatedCount()).as("ports").isZero();
            assertThat(fixture.platform.media().ssrcs().allocatedCount()).as("SSRCs").isZero();
            assertThat(fixture.platform.mediaSessions()).isEmpty();
        });
    }

    // ---- how a session ends -----------------------------------------------------------------

    @Test
    void theSessionIsAnnouncedFoundAndSerialisedAndThePlatformsByeEndsIt() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            MediaSession session = call.session();
            assertThat(session.streamId()).isEqualTo(DEVICE + '_' + CHANNEL);
            assertThat(session.startTime()).isBeforeOrEqualTo(Instant.now());
            assertThat(fixture.platform.mediaSession(session.callId())).containsSame(session);
            assertThat(fixture.platform.mediaSession(session.streamId())).containsSame(session);
            assertThat(fixture.platform.mediaSession("nothing")).isEmpty();

            JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(session));
            assertThat(json.fieldNames()).toIterable().containsExactly("callId", "streamId", "deviceId",
                    "channelId", "mode", "transport", "ssrc", "localMediaHost", "localMediaPort", "deviceSdp",
                    "active", "holders", "startTime");
            assertThat(json.get("holders").asInt()).isEqualTo(1);
            assertThat(json.get("callId").asText()).isEqualTo(session.callId());
            assertThat(json.get("mode").asText()).isEqualTo("PLAY");
            assertThat(json.get("transport").asText()).isEqualTo("UDP");
            assertThat(json.get("localMediaHost").asText()).isEqualTo("127.0.0.1");
            assertThat(json.get("localMediaPort").asInt()).isEqualTo(session.localMediaAddress().getPort());
            assertThat(json.get("deviceSdp").asText()).startsWith("v=0\r\n").contains("y=" + session.ssrc());
            assertThat(json.get("active").asBoolean()).isTrue();
            assertThat(Instant.parse(json.get("startTime").asText())).isEqualTo(session.startTime());

            MediaSessionEvent started = fixture.events.of(MediaSessionEvent.class).get(0);
            assertThat(started.eventType()).isEqualTo(MediaSessionEvent.SESSION_STARTED);
            assertThat(started.kind()).isEqualTo(EventKind.MESSAGE);
            assertThat(started.reason()).isNull();
            assertThat(started.streamId()).isEqualTo(session.streamId());
            assertThat(started.ssrc()).isEqualTo(session.ssrc());
            assertThat(started.channelId()).isEqualTo(CHANNEL);
            assertThat(started.mode()).isEqualTo(SessionType.PLAY);

            List<byte[]> packets = packets(session, 1);
            MediaSessionTest.sendPaced(session, packets, call.media());
            await().atMost(WAIT).until(() -> framesByCallId.get(session.callId()).get() >= FRAMES);

            CompletableFuture<Void> byed = fixture.platform.bye(session.streamId());
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye.callId()).isEqualTo(session.callId());
            device.respond(bye, 200);
            byed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            MediaSessionEvent end = ended(session);
            assertThat(end.reason()).isEqualTo(Reason.BYE);
            assertThat(end.rtpPackets()).isEqualTo(packets.size());
            assertThat(end.rtpBytes()).isEqualTo(ps.length);
            assertThat(end.rtpLost()).isZero();
            assertThat(end.videoFrames()).isEqualTo(FRAMES);
            assertThat(fixture.platform.mediaSession(session.callId())).isEmpty();
            assertFreed();
        }
    }

    @Test
    void theDevicesByeEndsWithDeviceBye() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            assertThat(device.bye(call.invite()).status()).isEqualTo(200);
            assertThat(ended(call.session()).reason()).isEqualTo(Reason.DEVICE_BYE);
            assertFreed();
        }
    }

    @Test
    void mediaStatus121InTheDialogEndsThePlaybackWithBye() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.playback(MediaTransport.UDP, START, START.plusSeconds(60)))) {
            assertThat(call.session().streamId()).isEqualTo(DEVICE + '_' + CHANNEL + '_' + call.session().ssrc());
            MediaSessionTest.sendPaced(call.session(), packets(call.session(), 2), call.media());
            // From is the channel (the INVITE's To), not a registered device: the Call-ID finds the session
            assertThat(device.messageInDialog(call.invite(), device.mediaStatusEndOfFile()).status()).isEqualTo(200);
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye).isNotNull();
            assertThat(bye.callId()).isEqualTo(call.invite().callId());
            device.respond(bye, 200);
            MediaSessionEvent end = ended(call.session());
            assertThat(end.reason()).isEqualTo(Reason.END_OF_FILE);
            assertThat(end.videoFrames()).isEqualTo(FRAMES);
            assertThat(fixture.events.of(ManscdpEvent.class)).as("claimed by the session, no MESSAGE event").isEmpty();
            assertFreed();
        }
    }

    @Test
    void mediaStatus121OutsideTheDialogEndsTheDevicesOnlyHistorySession() throws Exception {
        start();
        try (Call live = call(CHANNEL, InviteRequest.play(MediaTransport.UDP));
                Call download = call(CHANNEL2, InviteRequest.download(MediaTransport.UDP, START,
                        START.plusSeconds(60), 4))) {
            assertThat(device.message(device.mediaStatusEndOfFile()).status()).isEqualTo(200);
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye.callId()).isEqualTo(download.session().callId());
            device.respond(bye, 200);
            assertThat(ended(download.session()).reason()).isEqualTo(Reason.END_OF_FILE);
            assertThat(live.session().isActive()).isTrue();
        }
    }

    @Test
    void mediaStatus121WithoutASessionIsAMessageEvent() throws Exception {
        start();
        assertThat(device.message(device.mediaStatusEndOfFile()).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !fixture.events.of(ManscdpEvent.class).isEmpty());
        assertThat(fixture.events.last(ManscdpEvent.class).eventType()).isEqualTo("MEDIA_STATUS");
    }

    @Test
    void noMediaForTheTimeoutEndsTheSession() throws Exception {
        start(config().mediaTimeout(Duration.ofMillis(600)));
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            List<byte[]> packets = packets(call.session(), 3);
            MediaSessionTest.sendPaced(call.session(), packets, call.media());
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye).as("BYE once the media stopped").isNotNull();
            device.respond(bye, 200);
            MediaSessionEvent end = ended(call.session());
            assertThat(end.reason()).isEqualTo(Reason.NO_MEDIA);
            assertThat(end.rtpPackets()).isEqualTo(packets.size());
            assertThat(Duration.between(call.session().startTime(), end.timestamp()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(600));
            assertFreed();
        }
    }

    @Test
    void aPausedPlaybackIsNotTimedOutAndPlayRestartsTheCount() throws Exception {
        start(config().mediaTimeout(Duration.ofMillis(500)));
        try (Call call = call(CHANNEL, InviteRequest.playback(MediaTransport.UDP, START, START.plusSeconds(60)))) {
            CompletableFuture<MansrtspResponse> paused = fixture.platform.playControl(call.session().callId(),
                    PlayControl.pause());
            device.acceptPlayControl(device.nextRequest("INFO", WAIT));
            paused.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> call.session().isActive());
            CompletableFuture<MansrtspResponse> resumed = fixture.platform.playControl(call.session().callId(),
                    PlayControl.resume());
            device.acceptPlayControl(device.nextRequest("INFO", WAIT));
            resumed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye).as("resumed without media: timed out again").isNotNull();
            device.respond(bye, 200);
            assertThat(ended(call.session()).reason()).isEqualTo(Reason.NO_MEDIA);
        }
    }

    @Test
    void stopByesWithStoppedRefusesNewInvitesAndByesASessionEstablishedMeanwhile() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            CompletableFuture<MediaSession> late = fixture.platform.invite(DEVICE, CHANNEL2,
                    InviteRequest.playback(MediaTransport.UDP, START, START.plusSeconds(60)));
            SipRequest lateInvite = device.nextRequest("INVITE", WAIT);
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(fixture.platform::stop);
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye.callId()).isEqualTo(call.session().callId());

            Throwable refused = fixture.platform.invite(DEVICE, CHANNEL2, InviteRequest.play(MediaTransport.UDP))
                    .handle((s, e) -> e).getNow(null);
            assertThat(refused).as("failed at once").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stopping");

            device.acceptInvite(lateInvite, MediaSessionTest.answer(GbSdp.parse(lateInvite.bodyAsString(
                    StandardCharsets.US_ASCII)).ssrc().orElseThrow(), 9, "RTP/AVP", ""));
            SipRequest lateBye = device.nextRequest("BYE", WAIT);
            assertThat(lateBye).isNotNull();
            assertThat(lateBye.callId()).isEqualTo(lateInvite.callId());
            assertThat(late.handle((s, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(IllegalStateException.class);
            device.respond(bye, 200);
            device.respond(lateBye, 200);
            stopped.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(ended(call.session()).reason()).isEqualTo(Reason.STOPPED);
            assertThat(fixture.events.of(MediaSessionEvent.class)).as("the late session was never announced")
                    .noneMatch(e -> e.callId().equals(lateInvite.callId()));
            assertFreed();
        }
    }

    // ---- MANSRTSP -----------------------------------------------------------------------------

    @Test
    void eachControlIsAnInfoInTheDialogWithTheExactText() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.playback(MediaTransport.UDP, START, START.plusSeconds(600)))) {
            String[] expected = {
                "PAUSE RTSP/1.0\r\nCSeq: 1\r\nPauseTime: now\r\n",
                "PLAY RTSP/1.0\r\nCSeq: 2\r\nRange: npt=now-\r\n",
                "PLAY RTSP/1.0\r\nCSeq: 3\r\nScale: 2.0\r\n",
                "PLAY RTSP/1.0\r\nCSeq: 4\r\nRange: npt=30-\r\n"};
            PlayControl[] controls = {PlayControl.pause(), PlayControl.resume(), PlayControl.scale(2),
                PlayControl.seek(30)};
            String tag = null;
            for (int i = 0; i < controls.length; i++) {
                CompletableFuture<MansrtspResponse> answered = fixture.platform.playControl(
                        i % 2 == 0 ? call.session().callId() : call.session().streamId(), controls[i]);
                SipRequest info = device.nextRequest("INFO", WAIT);
                assertThat(info).isNotNull();
                assertThat(info.callId()).isEqualTo(call.invite().callId());
                assertThat(info.from().tag()).isEqualTo(call.invite().from().tag());
                assertThat(info.to().tag()).isNotNull();
                tag = tag == null ? info.to().tag() : tag;
                assertThat(info.to().tag()).isEqualTo(tag);
                assertThat(info.cseq().seq()).isGreaterThan(call.invite().cseq().seq());
                assertThat(info.header(HeaderNames.CONTENT_TYPE)).isEqualTo("Application/MANSRTSP");
                assertThat(info.bodyAsString(StandardCharsets.US_ASCII)).isEqualTo(expected[i]);
                assertThat(device.acceptPlayControl(info)).isEqualTo(controls[i]);
                MansrtspResponse response = answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.cseq()).isEqualTo(i + 1);
                assertThat(response.rtpInfo()).isEqualTo("seq=9810092;rtptime=3450012");
            }
            assertThat(call.session().isActive()).isTrue();

            CompletableFuture<MansrtspResponse> tornDown = fixture.platform.playControl(call.session().callId(),
                    PlayControl.teardown());
            SipRequest info = device.nextRequest("INFO", WAIT);
            assertThat(info.bodyAsString(StandardCharsets.US_ASCII)).isEqualTo("TEARDOWN RTSP/1.0\r\nCSeq: 5\r\n");
            device.respond(info, 200);
            assertThat(tornDown.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("a 200 without body").isNull();
            assertThat(call.session().isActive()).as("ended when the future completes").isFalse();
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye.callId()).isEqualTo(call.invite().callId());
            device.respond(bye, 200);
            assertThat(ended(call.session()).reason()).isEqualTo(Reason.TEARDOWN);
            assertFreed();
        }
    }

    @Test
    void refusedOrUnansweredControlsFailTheFuture() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.playback(MediaTransport.UDP, START, START.plusSeconds(600)))) {
            for (int status : new int[] {481, 488}) {
                CompletableFuture<MansrtspResponse> answered = fixture.platform.playControl(call.session().callId(),
                        PlayControl.scale(4));
                device.respond(device.nextRequest("INFO", WAIT), status);
                Throwable failure = answered.handle((r, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(failure).isInstanceOf(SipStatusException.class);
                assertThat(((SipStatusException) failure).status()).isEqualTo(status);
            }
            CompletableFuture<MansrtspResponse> beyond = fixture.platform.playControl(call.session().callId(),
                    PlayControl.seek(3600));
            device.respond(device.nextRequest("INFO", WAIT), 200, "Application/MANSRTSP",
                    "RTSP/1.0 457 Invalid Range\r\nCSeq: 3\r\n".getBytes(StandardCharsets.US_ASCII));
            Throwable refused = beyond.handle((r, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(refused).as("a 200 whose MANSRTSP answer is 457").isInstanceOf(PlayControlRefusedException.class)
                    .hasMessageContaining("457 Invalid Range");
            assertThat(((PlayControlRefusedException) refused).response().status()).isEqualTo(457);
            CompletableFuture<MansrtspResponse> unanswered = fixture.platform.playControl(call.session().callId(),
                    PlayControl.seek(5));
            assertThat(device.nextRequest("INFO", WAIT)).isNotNull();
            assertThat(unanswered.handle((r, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isInstanceOf(ManscdpTimeoutException.class);
            assertThat(fixture.platform.playControl("no-such-session", PlayControl.pause()).handle((r, e) -> e)
                    .getNow(null)).as("at once").isInstanceOf(IllegalArgumentException.class);
            assertThat(call.session().isActive()).isTrue();
        }
    }

    // ---- one live PLAY per channel ----------------------------------------------------------

    @Test
    void aSecondPlayOfAChannelJoinsTheFirstWithoutAnInviteAndHoldsIt() throws Exception {
        start();
        CompletableFuture<MediaSession> first = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        CompletableFuture<MediaSession> whileInviting = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.TCP_PASSIVE));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        device.acceptInvite(invite, MediaSessionTest.answer(GbSdp.parse(invite.bodyAsString(
                StandardCharsets.US_ASCII)).ssrc().orElseThrow(), 9, "RTP/AVP", ""));
        MediaSession session = first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(whileInviting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(session);
        assertThat(fixture.platform.invite(DEVICE, CHANNEL, InviteRequest.play(MediaTransport.UDP))
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(session);
        assertThat(device.nextRequest("INVITE", Duration.ofMillis(300))).as("no second INVITE").isNull();
        assertThat(fixture.platform.mediaSessions()).containsExactly(session);
        assertThat(session.holders()).as("the first PLAY and the two that joined").isEqualTo(3);

        assertThat(device.bye(invite).status()).isEqualTo(200);
        assertThat(session.holders()).as("the device's BYE ends it for every holder").isZero();
        CompletableFuture<MediaSession> again = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        assertThat(device.nextRequest("INVITE", WAIT)).as("a new INVITE once the first ended").isNotNull();
        assertThat(again).isNotDone();
    }

    @Test
    void aSharedPlayGoesOnForTheOtherHolderAndItsLastByeEndsIt() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            MediaSession session = call.session();
            assertThat(fixture.platform.invite(DEVICE, CHANNEL, InviteRequest.play(MediaTransport.UDP))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(session);
            assertThat(session.holders()).isEqualTo(2);

            fixture.platform.bye(session.streamId()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(session.holders()).isEqualTo(1);
            assertThat(session.isActive()).isTrue();
            assertThat(fixture.platform.mediaSession(session.callId())).containsSame(session);
            List<byte[]> packets = packets(session, 11);
            MediaSessionTest.sendPaced(session, packets, call.media());
            await().atMost(WAIT).until(() -> framesByCallId.get(session.callId()).get() >= FRAMES);
            assertThat(device.nextRequest("BYE", Duration.ofMillis(300))).as("no BYE while one holds it").isNull();
            assertThat(endOf(session)).isNull();

            CompletableFuture<Void> last = fixture.platform.bye(session.callId());
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye.callId()).isEqualTo(session.callId());
            device.respond(bye, 200);
            last.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            MediaSessionEvent end = ended(session);
            assertThat(end.reason()).isEqualTo(Reason.BYE);
            assertThat(end.videoFrames()).isEqualTo(FRAMES);
            assertThat(session.holders()).isZero();
            assertThat(device.nextRequest("BYE", Duration.ofMillis(300))).as("exactly one BYE").isNull();
            assertThat(fixture.events.of(MediaSessionEvent.class)).as("one start and one end")
                    .extracting(MediaSessionEvent::eventType)
                    .containsExactly(MediaSessionEvent.SESSION_STARTED, MediaSessionEvent.SESSION_ENDED);
            assertThat(fixture.platform.bye(session.callId()).handle((v, e) -> e).getNow(null))
                    .as("no third hold to give back").isInstanceOf(IllegalArgumentException.class);
            assertFreed();
        }
    }

    @Test
    void theDevicesByeEndsASharedPlayForEveryHolderOnce() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            MediaSession session = call.session();
            fixture.platform.invite(DEVICE, CHANNEL, InviteRequest.play(MediaTransport.UDP))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(session.holders()).isEqualTo(2);
            assertThat(device.bye(call.invite()).status()).isEqualTo(200);
            assertThat(ended(session).reason()).isEqualTo(Reason.DEVICE_BYE);
            assertThat(session.holders()).isZero();
            assertThat(fixture.platform.bye(session.callId()).handle((v, e) -> e).getNow(null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(device.nextRequest("BYE", Duration.ofMillis(300))).as("the platform sends none").isNull();
            assertThat(fixture.events.of(MediaSessionEvent.class)).filteredOn(e -> e.eventType()
                    .equals(MediaSessionEvent.SESSION_ENDED)).hasSize(1);
            assertFreed();
        }
    }

    @Test
    void aPlayAfterTheLastReleaseInvitesAnewWhileTheByeIsOnItsWay() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            MediaSession dying = call.session();
            CompletableFuture<Void> released = fixture.platform.bye(dying.callId());
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye).isNotNull();
            CompletableFuture<MediaSession> fresh = fixture.platform.invite(DEVICE, CHANNEL,
                    InviteRequest.play(MediaTransport.UDP));
            SipRequest invite = device.nextRequest("INVITE", WAIT);
            assertThat(invite).as("not the dying session: a new INVITE").isNotNull();
            assertThat(invite.callId()).isNotEqualTo(dying.callId());
            device.respond(bye, 200);
            released.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            device.acceptInvite(invite, MediaSessionTest.answer(GbSdp.parse(invite.bodyAsString(
                    StandardCharsets.US_ASCII)).ssrc().orElseThrow(), 9, "RTP/AVP", ""));
            MediaSession session = fresh.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(session.callId()).isEqualTo(invite.callId());
            assertThat(session.isActive()).isTrue();
            assertThat(session.holders()).isEqualTo(1);
            assertThat(fixture.platform.mediaSession(session.streamId())).containsSame(session);
        }
    }

    /**
     * A PLAY joining at the moment the last holder lets go: either it joined first (the session goes on with it
     * as only holder, no BYE) or the release did (the BYE leaves and the PLAY invites anew); never a session that
     * is ending.
     */
    @Test
    void aPlayRacingTheLastReleaseNeverGetsAnEndingSession() throws Exception {
        start();
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP));
                call.close();
                MediaSession session = call.session();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<CompletableFuture<Void>> release = racers.submit(() -> {
                    together.await();
                    return fixture.platform.bye(session.callId());
                });
                Future<CompletableFuture<MediaSession>> join = racers.submit(() -> {
                    together.await();
                    return fixture.platform.invite(DEVICE, CHANNEL, InviteRequest.play(MediaTransport.UDP));
                });
                CompletableFuture<MediaSession> joined = join.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                CompletableFuture<Void> released = release.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                MediaSession last;
                if (session.isActive()) { // the PLAY joined first: the release was not the last
                    assertThat(joined.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isSameAs(session);
                    assertThat(released).isDone();
                    assertThat(session.holders()).isEqualTo(1);
                    last = session;
                } else { // the release was the last: BYE, and the PLAY invited anew
                    assertThat(session.holders()).isZero();
                    SipRequest bye = device.nextRequest("BYE", WAIT);
                    assertThat(bye.callId()).isEqualTo(session.callId());
                    device.respond(bye, 200);
                    released.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    SipRequest invite = device.nextRequest("INVITE", WAIT);
                    assertThat(invite).as("round %d: the PLAY invited anew", round).isNotNull();
                    device.acceptInvite(invite, MediaSessionTest.answer(GbSdp.parse(invite.bodyAsString(
                            StandardCharsets.US_ASCII)).ssrc().orElseThrow(), 9, "RTP/AVP", ""));
                    last = joined.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    assertThat(last).isNotSameAs(session);
                    assertThat(last.isActive()).isTrue();
                    assertThat(last.holders()).isEqualTo(1);
                }
                assertThat(device.nextRequest("BYE", Duration.ofMillis(50))).as("round %d: one BYE at most", round)
                        .isNull();
                CompletableFuture<Void> ended = fixture.platform.bye(last.callId());
                device.respond(device.nextRequest("BYE", WAIT), 200);
                ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertFreed();
            }
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void aTcpPassiveConnectionTheDeviceClosesEndsTheSessionWithFailedAndBye() throws Exception {
        start(config().mediaTimeout(Duration.ofSeconds(20)));
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.TCP_PASSIVE));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        String ssrc = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        device.acceptInvite(invite, MediaSessionTest.answer(ssrc, 9, "TCP/RTP/AVP", "a=setup:active\r\n"));
        MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        List<byte[]> packets = packets(session, 12);
        try (Socket media = RtpSender.connectAndSend(packets, new InetSocketAddress("127.0.0.1",
                session.localMediaPort()))) {
            await().atMost(WAIT).until(() -> framesByCallId.get(session.callId()).get() >= FRAMES);
            media.setSoLinger(true, 0); // a reset, as a device that crashes
        }
        Instant closed = Instant.now();
        SipRequest bye = device.nextRequest("BYE", WAIT);
        assertThat(bye).as("BYE to the device").isNotNull();
        assertThat(bye.callId()).isEqualTo(session.callId());
        device.respond(bye, 200);
        MediaSessionEvent end = ended(session);
        assertThat(end.reason()).isEqualTo(Reason.FAILED);
        assertThat(end.rtpPackets()).isEqualTo(packets.size());
        assertThat(end.videoFrames()).isEqualTo(FRAMES);
        assertThat(Duration.between(closed, end.timestamp())).as("not after the 20 s without media")
                .isLessThan(Duration.ofSeconds(5));
        assertFreed();
    }

    @Test
    void aTcpActiveConnectionTheDeviceClosesEndsTheSessionWithFailedAndBye() throws Exception {
        start(config().mediaTimeout(Duration.ofSeconds(20)));
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.TCP_ACTIVE));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        String ssrc = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            device.acceptInvite(invite, MediaSessionTest.answer(ssrc, server.getLocalPort(), "TCP/RTP/AVP",
                    "a=setup:passive\r\n"));
            MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            server.setSoTimeout((int) WAIT.toMillis());
            try (Socket media = RtpSender.acceptAndSend(packets(session, 13), server)) {
                await().atMost(WAIT).until(() -> framesByCallId.get(session.callId()).get() >= FRAMES);
            }
            Instant closed = Instant.now();
            SipRequest bye = device.nextRequest("BYE", WAIT);
            assertThat(bye).as("BYE to the device").isNotNull();
            device.respond(bye, 200);
            MediaSessionEvent end = ended(session);
            assertThat(end.reason()).isEqualTo(Reason.FAILED);
            assertThat(Duration.between(closed, end.timestamp())).isLessThan(Duration.ofSeconds(5));
            assertFreed();
        }
    }

    @Test
    void aDeviceThatByesAndClosesItsTcpMediaEndsWithDeviceBye() throws Exception {
        start(config().mediaTimeout(Duration.ofSeconds(20)));
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.TCP_PASSIVE));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        String ssrc = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        device.acceptInvite(invite, MediaSessionTest.answer(ssrc, 9, "TCP/RTP/AVP", "a=setup:active\r\n"));
        MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        try (Socket media = RtpSender.connectAndSend(packets(session, 14), new InetSocketAddress("127.0.0.1",
                session.localMediaPort()))) {
            await().atMost(WAIT).until(() -> framesByCallId.get(session.callId()).get() >= FRAMES);
        }
        // the connection closed first, the BYE right after: the device hung up, nothing failed
        assertThat(device.bye(invite).status()).isEqualTo(200);
        assertThat(ended(session).reason()).isEqualTo(Reason.DEVICE_BYE);
        assertThat(device.nextRequest("BYE", Duration.ofMillis(MediaSessions.CONNECTION_LOST_GRACE_MILLIS + 300)))
                .as("no BYE of the platform").isNull();
        assertFreed();
    }

    @Test
    void aRefusedPlayIsNotJoinedByTheNext() throws Exception {
        start();
        CompletableFuture<MediaSession> first = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        device.respond(device.nextRequest("INVITE", WAIT), 486);
        assertThat(first.handle((s, e) -> e).get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(SipStatusException.class);
        fixture.platform.invite(DEVICE, CHANNEL, InviteRequest.play(MediaTransport.UDP));
        assertThat(device.nextRequest("INVITE", WAIT)).isNotNull();
    }

    // ---- media sources and ports -----------------------------------------------------------

    @Test
    void rtpFromAnotherAddressIsDroppedByDefault() throws Exception {
        start();
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP));
                DatagramSocket elsewhere = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            List<byte[]> packets = packets(call.session(), 4);
            RtpSender.sendUdp(packets.subList(0, 10), elsewhere, new InetSocketAddress("127.0.0.1",
                    call.session().localMediaPort()));
            await().atMost(WAIT).until(() -> call.session().rtpStats().wrongSource() == 10);
            assertThat(call.session().rtpStats().packets()).isZero();
        }
    }

    @Test
    void mediaAnySourceAcceptsRtpFromAnotherAddress() throws Exception {
        start(config().mediaAnySource(true));
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP));
                DatagramSocket elsewhere = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            List<byte[]> packets = packets(call.session(), 5);
            MediaSessionTest.sendPaced(call.session(), packets, elsewhere);
            await().atMost(WAIT).until(() -> framesByCallId.get(call.session().callId()).get() >= FRAMES);
            assertThat(call.session().rtpStats().wrongSource()).isZero();
        }
    }

    @Test
    void theSharedPortCarriesTwoSessionsToldApartBySsrc() throws Exception {
        int shared;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            shared = probe.getLocalPort();
        }
        start(config().mediaSharedPort(shared));
        assertThat(fixture.platform.media().nativeTransport()).as("the shared port on epoll (the default)")
                .isEqualTo(NativeTransport.expected(true));
        try (Call a = call(CHANNEL, InviteRequest.play(MediaTransport.UDP));
                Call b = call(CHANNEL2, InviteRequest.playback(MediaTransport.UDP, START, START.plusSeconds(60)),
                        "1100000077")) {
            assertThat(GbSdp.parse(a.invite().bodyAsString(StandardCharsets.US_ASCII)).firstMedia().port())
                    .isEqualTo(shared);
            assertThat(GbSdp.parse(b.invite().bodyAsString(StandardCharsets.US_ASCII)).firstMedia().port())
                    .isEqualTo(shared);
            assertThat(b.session().ssrc()).as("the device's y= honoured").isEqualTo("1100000077");
            assertThat(a.session().localMediaPort()).isEqualTo(shared);
            assertThat(fixture.platform.media().mux().sessions()).isEqualTo(2);
            assertThat(fixture.platform.media().ports().allocatedCount()).as("no port of the range").isZero();

            List<byte[]> toA = packets(a.session(), 6);
            List<byte[]> toB = packets(b.session(), 7);
            InetSocketAddress port = new InetSocketAddress("127.0.0.1", shared);
            for (int from = 0; from < Math.max(toA.size(), toB.size()); from += 16) {
                int endA = Math.min(toA.size(), from + 16);
                int endB = Math.min(toB.size(), from + 16);
                if (from < endA) {
                    RtpSender.sendUdp(toA.subList(from, endA), a.media(), port);
                }
                if (from < endB) {
                    RtpSender.sendUdp(toB.subList(from, endB), b.media(), port);
                }
                await().atMost(WAIT).until(() -> a.session().rtpStats().packets() >= endA
                        && b.session().rtpStats().packets() >= endB);
            }
            RtpSender.sendUdp(new RtpSender(SsrcAllocator.wireValue("0100009999"), 1400, 8).packetise(ps,
                    new int[] {ps.length}).subList(0, 3), a.media(), port);
            await().atMost(WAIT).until(() -> fixture.platform.media().mux().unknownSsrc() == 3);
            await().atMost(WAIT).until(() -> framesByCallId.get(a.session().callId()).get() >= FRAMES
                    && framesByCallId.get(b.session().callId()).get() >= FRAMES);
            assertThat(framesByCallId.get(a.session().callId()).get()).isEqualTo(FRAMES);
            assertThat(framesByCallId.get(b.session().callId()).get()).isEqualTo(FRAMES);

            assertThat(device.bye(a.invite()).status()).isEqualTo(200);
            assertThat(device.bye(b.invite()).status()).isEqualTo(200);
            await().atMost(WAIT).until(() -> fixture.platform.media().mux().sessions() == 0);
            assertFreed();
        }
    }

    @Test
    void mediaOptionsHaveTheirDefaultsAndAreChecked() {
        PlatformConfig defaults = new PlatformConfig().validate();
        assertThat(defaults.mediaTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.mediaSharedPort()).isZero();
        assertThat(defaults.mediaAnySource()).isFalse();
        assertThat(defaults.mediaNativeTransport()).isTrue();
        assertThat(new PlatformConfig().mediaTimeout(Duration.ZERO).validate().mediaTimeout()).isZero();
        assertThatThrownBy(() -> new PlatformConfig().mediaTimeout(Duration.ofSeconds(-1)).validate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mediaTimeout");
        assertThatThrownBy(() -> new PlatformConfig().mediaSharedPort(65536).validate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mediaSharedPort");
    }

    @Test
    void aSharedPortInUseFailsTheStart() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Gb28181Platform platform = new Gb28181Platform(config().mediaSharedPort(taken.getLocalPort()));
            assertThatThrownBy(platform::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("shared media port");
            assertThat(platform.isSipBound()).isFalse();
        }
    }

    // ---- PS listeners ------------------------------------------------------------------------

    @Test
    void psListenersGetTheStreamFrameByFrame() throws Exception {
        start();
        Map<String, ByteArrayOutputStream> received = new ConcurrentHashMap<>();
        AtomicInteger psFrames = new AtomicInteger();
        fixture.platform.addPsListener((session, frame) -> {
            byte[] bytes = new byte[frame.readableBytes()];
            frame.getBytes(frame.readerIndex(), bytes);
            received.computeIfAbsent(session.callId(), k -> new ByteArrayOutputStream()).writeBytes(bytes);
            psFrames.incrementAndGet();
        });
        try (Call call = call(CHANNEL, InviteRequest.play(MediaTransport.UDP))) {
            int[] ends = new int[(ps.length + 9999) / 10000];
            for (int i = 0; i < ends.length; i++) {
                ends[i] = Math.min(ps.length, (i + 1) * 10000);
            }
            List<byte[]> packets = new RtpSender(call.session().wireSsrc(), 1400, 9).packetise(ps, ends);
            MediaSessionTest.sendPaced(call.session(), packets, call.media());
            await().atMost(WAIT).until(() -> psFrames.get() == ends.length);
            assertThat(received.get(call.session().callId()).toByteArray()).isEqualTo(ps);
        }
    }

    @Test
    void psSentBeforeTheOkReachesPsListeners() throws Exception {
        start();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        fixture.platform.addPsListener((session, frame) -> copy(frame, received));
        streamJoinedAfter(20, () -> {
        });
        await().atMost(WAIT).until(() -> received.size() == ps.length);
        assertThat(received.toByteArray()).isEqualTo(ps);
    }

    @Test
    void aPsListenerAddedMidFrameStartsAtTheNextWholeFrame() throws Exception {
        start();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        // 10000-byte frames of 8 packets: packet 20 continues frame 2, so frame 3 is the first whole one
        streamJoinedAfter(20, () -> fixture.platform.addPsListener((session, frame) -> copy(frame, received)));
        await().atMost(WAIT).until(() -> received.size() == ps.length - 30000);
        assertThat(received.toByteArray()).isEqualTo(Arrays.copyOfRange(ps, 30000, ps.length));
    }

    /**
     * Streams {@link #ps} in frames of 10000 bytes: {@code before} packets before the 200 OK, then {@code between}
     * runs, then the rest.
     */
    void streamJoinedAfter(int before, Runnable between) throws Exception {
        int[] ends = new int[(ps.length + 9999) / 10000];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = Math.min(ps.length, (i + 1) * 10000);
        }
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, CHANNEL,
                InviteRequest.play(MediaTransport.UDP));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        String ssrc = offer.ssrc().orElseThrow();
        List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 10).packetise(ps, ends);
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            RtpSender.sendUdp(packets.subList(0, before), media, new InetSocketAddress("127.0.0.1",
                    offer.firstMedia().port()));
            device.acceptInvite(invite, MediaSessionTest.answer(ssrc, media.getLocalPort(), "RTP/AVP", ""));
            MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            await().atMost(WAIT).until(() -> session.rtpStats().packets() >= before);
            between.run();
            MediaSessionTest.sendPaced(session, packets, before, media);
        }
    }

    private static void copy(ByteBuf frame, ByteArrayOutputStream to) {
        byte[] bytes = new byte[frame.readableBytes()];
        frame.getBytes(frame.readerIndex(), bytes);
        synchronized (to) {
            to.writeBytes(bytes);
        }
    }
}
