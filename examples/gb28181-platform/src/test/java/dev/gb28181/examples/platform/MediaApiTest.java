package dev.gb28181.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.media.ps.MediaTools;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.SessionType;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.testing.MediaStreams;
import dev.gb28181.testing.RtpSender;
import dev.gb28181.testing.TestDevice;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The media REST API and the recording of live video, over real HTTP, SIP and RTP on loopback: a
 * simulated device registers, a POST plays a channel, the device accepts the INVITE and sends an
 * ffmpeg-made PS (H.264, then H.265) as RTP, and the recording file equals ffmpeg's own extraction of
 * the elementary stream byte for byte; a second play answers the same session, held twice; the first DELETE
 * gives back one hold and sends nothing, the second ends the session with a BYE the device sees, closes the
 * file and the SESSION_ENDED event is logged; a session ended (by either side) right after its last packets
 * is recorded whole and closed. A playback with media
 * is not recorded, and its controls reach the device as INFOs with the MANSRTSP text of GB/T 28181-2016
 * Annex B (TEARDOWN then BYE); an unknown session is a 404, bad parameters a 400 with nothing sent, a
 * refused INVITE a 502.
 */
@SuppressWarnings({ "unchecked", "rawtypes" }) // JSON objects read as raw Maps
@ExtendWith(OutputCaptureExtension.class)
@CamelSpringBootTest
@SpringBootTest(classes = PlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camel.component.gb28181.host=127.0.0.1", "camel.component.gb28181.port=0",
                // the same as the other tests': one context (and one embedded Kafka) for all
                "camel.component.gb28181.request-timeout=2s",
                "app.recordings.dir=target/recordings-${random.uuid}" })
class MediaApiTest {

    private static final String DEVICE = "34020000001320000021";
    private static final String CHANNEL = "34020000001310000021";
    private static final String CHANNEL_H265 = "34020000001310000022";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path media;
    static byte[] h264Ps;
    static byte[] h264;
    static byte[] h265Ps;
    static byte[] h265;

    @Autowired
    CamelContext camelContext;

    @Autowired
    TestRestTemplate http;

    @Autowired
    StreamRecorder recorder;

    private TestDevice device;

    /**
     * 2 s of testsrc2 at 25 fps in H.264 and in H.265, each muxed into a PS by ffmpeg, and ffmpeg's own
     * extraction of each one's video elementary stream.
     */
    @BeforeAll
    static void makeStreams() throws Exception {
        h264Ps = MediaStreams.h264Ps(media);
        h264 = MediaStreams.h264Extraction(media);
        h265Ps = Files.readAllBytes(MediaTools.ffmpeg(media, "h265.ps", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-t", "2", "-g", "25", "-bf", "0", "-c:v", "libx265", "-x265-params",
                "log-level=error", "-f", "mpeg"));
        h265 = Files.readAllBytes(MediaTools.ffmpeg(media, "x.h265", "-i", "h265.ps", "-map", "0:v", "-c", "copy",
                "-f", "hevc"));
        assertThat(h264).hasSizeGreaterThan(1000);
        assertThat(h265).hasSizeGreaterThan(1000);
    }

    @BeforeEach
    void register() {
        device = TestDevice.udp(DEVICE, new InetSocketAddress("127.0.0.1", platform().sipPort())).password("12345678");
        // the DeviceInfo and Catalog queries of the registration answered 200 alone
        device.autoAnswer(request -> null);
        assertThat(device.register(3600).status()).isEqualTo(200);
    }

    @AfterEach
    void close() {
        platform().mediaSessions().stream().filter(s -> s.deviceId().equals(DEVICE)).forEach(s -> {
            for (int hold = s.holders(); hold > 0; hold--) {
                platform().bye(s.callId());
            }
        });
        device.close();
    }

    private Gb28181Platform platform() {
        return camelContext.getComponent("gb28181", Gb28181Component.class).getPlatform();
    }

    private ResponseEntity<Map> post(String path) {
        return http.postForEntity(path, null, Map.class);
    }

    private ResponseEntity<Map> delete(String path) {
        return http.exchange(path, HttpMethod.DELETE, null, Map.class);
    }

    /**
     * POSTs {@code path} and answers the INVITE it causes with an SDP naming {@code mediaPort}: the
     * INVITE and the HTTP answer. From then on the device answers every request 200 (BYE, INFO).
     */
    private Invited invite(String path, int mediaPort) throws Exception {
        device.autoAnswer(null);
        CompletableFuture<ResponseEntity<Map>> answer = CompletableFuture.supplyAsync(() -> post(path));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        assertThat(invite).as("INVITE").isNotNull();
        String ssrc = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        device.acceptInvite(invite, MediaStreams.answer(invite.requestUri().user(), ssrc, mediaPort, "RTP/AVP", ""));
        ResponseEntity<Map> response = answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        device.autoAnswer(request -> null);
        return new Invited(invite, ssrc, response);
    }

    private record Invited(SipRequest invite, String ssrc, ResponseEntity<Map> response) {
        String callId() {
            return (String) response.getBody().get("callId");
        }
    }

    /** Plays {@code channel}, streams {@code ps} and awaits its recording equal to {@code expected}. */
    private Invited playAndRecord(String channel, byte[] ps, byte[] expected, String extension) throws Exception {
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Invited played = invite("/api/devices/" + DEVICE + "/channels/" + channel + "/play?transport=udp",
                    rtp.getLocalPort());
            assertThat(played.response().getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(played.response().getBody()).containsEntry("streamId", DEVICE + '_' + channel)
                    .containsEntry("deviceId", DEVICE).containsEntry("channelId", channel)
                    .containsEntry("mode", "PLAY").containsEntry("ssrc", played.ssrc()).containsEntry("active", true)
                    .containsEntry("holders", 1).containsKeys("localMediaPort", "deviceSdp", "startTime");
            MediaSession session = platform().mediaSession(played.callId()).orElseThrow();
            MediaStreams.sendPaced(session, new RtpSender(SsrcAllocator.wireValue(played.ssrc()), 1400, 1)
                    .packetise(ps, MediaStreams.endOnly(ps)), 0, rtp, WAIT);
            Path file = recorder.directory().resolve(DEVICE + '_' + channel + '.' + extension);
            await().atMost(WAIT).untilAsserted(() -> assertThat(file).hasBinaryContent(expected));
            return played;
        }
    }

    @Test
    void liveH264IsRecordedAsFfmpegExtractsItAndTheLastDeleteSendsBye(CapturedOutput output) throws Exception {
        Invited played = playAndRecord(CHANNEL, h264Ps, h264, "h264");
        String streamId = DEVICE + '_' + CHANNEL;

        ResponseEntity<Map> again = post("/api/devices/" + DEVICE + "/channels/" + CHANNEL + "/play");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).as("a channel playing already: its session, held twice")
                .containsEntry("callId", played.callId()).containsEntry("holders", 2);
        assertThat(device.receivedRequests()).filteredOn(r -> "INVITE".equals(r.method())).hasSize(1);

        ResponseEntity<List> sessions = http.getForEntity("/api/sessions", List.class);
        assertThat(sessions.getBody()).anySatisfy(s -> assertThat((Map<String, Object>) s)
                .containsEntry("callId", played.callId()).containsEntry("streamId", streamId));

        ResponseEntity<Map> released = delete("/api/sessions/" + streamId);
        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(released.getBody()).as("the other play still holds it").containsEntry("active", true)
                .containsEntry("holders", 1);
        assertThat(device.receivedRequests()).filteredOn(r -> "BYE".equals(r.method())).isEmpty();

        ResponseEntity<Map> stopped = delete("/api/sessions/" + streamId);

        assertThat(stopped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(stopped.getBody()).containsEntry("callId", played.callId()).containsEntry("active", false)
                .containsEntry("holders", 0);
        assertThat(device.receivedRequests()).filteredOn(r -> "BYE".equals(r.method()))
                .singleElement().satisfies(bye -> assertThat(bye.callId()).isEqualTo(played.callId()));
        assertThat(http.getForEntity("/api/sessions/" + streamId, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // the end closed the file
        await().atMost(WAIT).until(() -> recorder.openFiles() == 0);
        assertThat(recorder.directory().resolve(streamId + ".h264")).hasBinaryContent(h264);
        // the session's end is an event like the others (to Kafka and the log), with why and what it carried
        await().atMost(WAIT).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "EVENT \\{\"deviceId\":\"" + DEVICE + "\",\"eventType\":\"SESSION_ENDED\".*\"callId\":\""
                        + played.callId() + "\".*\"reason\":\"BYE\",\"rtpPackets\":[1-9]"));
    }

    /**
     * The BYE follows the last packets at once, while the recording route may still hold frames: the end of
     * the stream comes after them, so the closed file holds every frame, whoever ended the session.
     */
    @Test
    void aSessionEndedRightAfterItsLastFramesIsRecordedWholeAndClosed() throws Throwable {
        streamAndEnd("34020000001310000025", played -> assertThat(delete("/api/sessions/" + played.callId())
                .getStatusCode()).isEqualTo(HttpStatus.OK));
        streamAndEnd("34020000001310000026", played -> assertThat(device.bye(played.invite()).status())
                .isEqualTo(200));
    }

    private void streamAndEnd(String channel, ThrowingConsumer<Invited> end) throws Throwable {
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Invited played = invite("/api/devices/" + DEVICE + "/channels/" + channel + "/play?transport=udp",
                    rtp.getLocalPort());
            assertThat(played.response().getStatusCode()).isEqualTo(HttpStatus.OK);
            MediaSession session = platform().mediaSession(played.callId()).orElseThrow();
            MediaStreams.sendPaced(session, new RtpSender(SsrcAllocator.wireValue(played.ssrc()), 1400, 1)
                    .packetise(h264Ps, MediaStreams.endOnly(h264Ps)), 0, rtp, WAIT);
            end.accept(played);
            await().atMost(WAIT).until(() -> !session.isActive() && recorder.openFiles() == 0);
            assertThat(recorder.directory().resolve(DEVICE + '_' + channel + ".h264")).as("every frame")
                    .hasBinaryContent(h264);
        }
    }

    @Test
    void liveH265GoesToAnH265File() throws Exception {
        Invited played = playAndRecord(CHANNEL_H265, h265Ps, h265, "h265");

        assertThat(recorder.directory().resolve(DEVICE + '_' + CHANNEL_H265 + ".h264")).doesNotExist();
        assertThat(delete("/api/sessions/" + played.callId()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void playbackIsNotRecordedAndIsControlledWithMansrtspInInfo() throws Exception {
        String channel = "34020000001310000023";
        try (DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Invited playback = invite("/api/devices/" + DEVICE + "/channels/" + channel
                    + "/playback?start=2026-01-02T03:04:05&end=2026-01-03T03:14:05Z", rtp.getLocalPort());
            assertThat(playback.response().getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(playback.response().getBody()).containsEntry("mode", "PLAYBACK")
                    .containsEntry("streamId", DEVICE + '_' + channel + '_' + playback.ssrc());
            GbSdp offer = GbSdp.parse(playback.invite().bodyAsString(StandardCharsets.US_ASCII));
            assertThat(offer.sessionType()).contains(SessionType.PLAYBACK);
            // the GB form is local time, ISO-8601 with an offset is that instant
            assertThat(offer.startTime()).isEqualTo(LocalDateTime.parse("2026-01-02T03:04:05")
                    .atZone(ZoneId.systemDefault()).toEpochSecond());
            assertThat(offer.stopTime()).isEqualTo(Instant.parse("2026-01-03T03:14:05Z").getEpochSecond());
            MediaStreams.sendPaced(platform().mediaSession(playback.callId()).orElseThrow(),
                    new RtpSender(SsrcAllocator.wireValue(playback.ssrc()), 1400, 2).packetise(h264Ps,
                            MediaStreams.endOnly(h264Ps)), 0, rtp, WAIT);
            await().during(Duration.ofSeconds(1)).atMost(WAIT).untilAsserted(() -> assertThat(
                    recorder.directory().resolve(DEVICE + '_' + channel + ".h264")).as("only live is recorded")
                    .doesNotExist());
            control(playback);
        }
    }

    /** Pause, scale, seek, a bad action and teardown on a playback, by stream ID and by Call-ID. */
    private void control(Invited playback) {
        String session = "/api/sessions/" + playback.response().getBody().get("streamId") + "/control";
        ResponseEntity<Map> pause = post(session + "?action=pause");
        ResponseEntity<Map> scale = post(session + "?action=scale&scale=2");
        ResponseEntity<Map> seek = post("/api/sessions/" + playback.callId() + "/control?action=seek&position=30");
        ResponseEntity<Map> bad = post(session + "?action=rewind");
        ResponseEntity<Map> noScale = post(session + "?action=scale");
        ResponseEntity<Map> teardown = post(session + "?action=teardown");

        assertThat(List.of(pause, scale, seek, teardown)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).containsEntry("callId", playback.callId()).containsKey("response");
        });
        assertThat(pause.getBody()).containsEntry("action", "pause");
        assertThat(List.of(bad, noScale)).allSatisfy(answer -> assertThat(answer.getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat((String) bad.getBody().get("message")).contains("rewind");
        assertThat((String) noScale.getBody().get("message")).contains("scale");
        List<SipRequest> infos = device.receivedRequests().stream().filter(r -> "INFO".equals(r.method())).toList();
        assertThat(infos).hasSize(4).allSatisfy(info -> {
            assertThat(info.callId()).isEqualTo(playback.callId());
            assertThat(info.header(HeaderNames.CONTENT_TYPE)).isEqualToIgnoringCase("Application/MANSRTSP");
        });
        assertThat(infos).extracting(info -> info.bodyAsString(StandardCharsets.US_ASCII)).containsExactly(
                "PAUSE RTSP/1.0\r\nCSeq: 1\r\nPauseTime: now\r\n",
                "PLAY RTSP/1.0\r\nCSeq: 2\r\nScale: 2.0\r\n",
                "PLAY RTSP/1.0\r\nCSeq: 3\r\nRange: npt=30-\r\n",
                "TEARDOWN RTSP/1.0\r\nCSeq: 4\r\n");
        // TEARDOWN is followed by the session's BYE
        await().atMost(WAIT).untilAsserted(() -> assertThat(device.receivedRequests())
                .filteredOn(r -> "BYE".equals(r.method())).singleElement()
                .satisfies(bye -> assertThat(bye.callId()).isEqualTo(playback.callId())));
        await().atMost(WAIT).until(() -> platform().mediaSession(playback.callId()).isEmpty());
    }

    @Test
    void anUnknownSessionIsA404AndBadParametersA400WithNothingSent() {
        String channel = "/api/devices/" + DEVICE + "/channels/" + CHANNEL;
        List<ResponseEntity<Map>> bad = List.of(
                post(channel + "/play?transport=pigeon"),
                post(channel + "/playback"),
                post(channel + "/playback?start=yesterday&end=2026-01-02T03:14:05"),
                post(channel + "/playback?start=2026-01-02T03:14:05&end=2026-01-02T03:04:05"),
                post(channel + "/download?start=2026-01-02T03:04:05&end=2026-01-02T03:14:05&speed=x"));
        ResponseEntity<Map> stop = delete("/api/sessions/" + DEVICE + "_nothing");
        ResponseEntity<Map> control = post("/api/sessions/nothing/control?action=pause");
        ResponseEntity<Map> unregistered = post("/api/devices/34020000001320000099/channels/" + CHANNEL + "/play");

        assertThat(bad).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).containsEntry("status", 400).containsKey("message");
        });
        assertThat((String) bad.get(0).getBody().get("message")).contains("pigeon");
        assertThat((String) bad.get(2).getBody().get("message")).contains("yesterday");
        for (ResponseEntity<Map> answer : List.of(stop, control, unregistered)) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).containsEntry("status", 404);
        }
        assertThat((String) stop.getBody().get("message")).contains(DEVICE + "_nothing");
        assertThat(device.receivedRequests()).noneMatch(r -> "INVITE".equals(r.method()) || "INFO".equals(r.method()));
    }

    @Test
    void aRefusedDownloadIsA502WithTheSipStatus() throws Exception {
        device.autoAnswer(null);
        CompletableFuture<ResponseEntity<Map>> answer = CompletableFuture.supplyAsync(() -> post("/api/devices/"
                + DEVICE + "/channels/" + CHANNEL + "/download?start=2026-01-02T03:04:05Z&end=2026-01-02T03:14:05Z"
                + "&speed=4&transport=tcp-passive"));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        device.respond(invite, 404);

        ResponseEntity<Map> refused = answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(offer.sessionType()).contains(SessionType.DOWNLOAD);
        assertThat(offer.firstMedia().downloadSpeed()).hasValue(4);
        assertThat(offer.firstMedia().proto()).isEqualTo("TCP/RTP/AVP");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(refused.getBody()).containsEntry("sipStatus", 404);
    }
}
