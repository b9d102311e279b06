package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gb28181.mansrtsp.MansrtspResponse;
import dev.gb28181.mansrtsp.PlayControl;
import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.SipStatusException;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.SessionType;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.MediaStreams;
import dev.gb28181.testing.RtpSender;
import dev.gb28181.testing.TestDevice;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media kinds against a simulated camera on real loopback sockets (GB/T 28181-2016 §9.2, §9.8,
 * Annex B, Annex C, Annex F): {@code gb28181:invite} opens a session whose reply names it, the camera
 * streams an ffmpeg-made H.264 PS over RTP, {@code gb28181:rtp} routes one exchange per access unit
 * (filtered by device, channel and stream), {@code gb28181:bye} ends it, stopping the invite route
 * BYEs what it opened unless another route still holds it, and bad options and headers fail before anything is
 * sent.
 */
class Gb28181MediaKindsTest extends Gb28181TestSupport {

    private static final String CAMERA = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";
    private static final String STREAM = CAMERA + "_" + CHANNEL;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static byte[] ps;

    private TestDevice camera;

    @BeforeAll
    static void makeStream() throws Exception {
        ps = MediaStreams.h264Ps(dir);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invite").routeId("invite").to("gb28181:invite?channelId=" + CHANNEL);
                from("direct:analytics").routeId("analytics").to("gb28181:invite?channelId=" + CHANNEL);
                from("direct:glance").routeId("glance").to("gb28181:invite?channelId=" + CHANNEL)
                        .to("gb28181:bye");
                from("direct:bye").to("gb28181:bye");
                from("direct:pause").to("gb28181:playcontrol?action=pause");
                from("direct:control").to("gb28181:playcontrol");
                from("gb28181:rtp").to("mock:frames");
                from("gb28181:rtp?deviceId=" + CAMERA + "&channelId=" + CHANNEL).to("mock:channel");
                from("gb28181:rtp?streamId=" + STREAM).to("mock:stream");
                from("gb28181:rtp?channelId=34020000001310000002").to("mock:otherChannel");
                from("gb28181:rtp?format=ps").to("mock:ps");
            }
        };
    }

    @BeforeEach
    void registerCamera() {
        camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);
    }

    private Future<Exchange> send(String uri, Map<String, Object> headers) {
        return template.asyncSend(uri, exchange -> exchange.getMessage().getHeaders().putAll(headers));
    }

    private SipRequest nextInvite() throws InterruptedException {
        SipRequest invite = camera.nextRequest("INVITE", WAIT);
        assertThat(invite).as("an INVITE to the camera").isNotNull();
        return invite;
    }

    private static String offeredSsrc(SipRequest invite) {
        return GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
    }

    @Test
    void inviteRepliesTheSessionFramesAreRoutedWithHeadersAndByeEndsIt() throws Exception {
        MockEndpoint frames = getMockEndpoint("mock:frames");
        MockEndpoint channel = getMockEndpoint("mock:channel");
        MockEndpoint stream = getMockEndpoint("mock:stream");
        MockEndpoint pss = getMockEndpoint("mock:ps");
        frames.expectedMessageCount(MediaStreams.FRAMES);
        channel.expectedMessageCount(MediaStreams.FRAMES);
        stream.expectedMessageCount(MediaStreams.FRAMES);
        pss.expectedMessageCount(1);

        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Future<Exchange> reply = send("direct:invite", Map.of(Gb28181Constants.DEVICE_ID, CAMERA));
            SipRequest invite = nextInvite();
            GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
            assertThat(invite.requestUri().user()).isEqualTo(CHANNEL);
            assertThat(offer.sessionType()).contains(SessionType.PLAY);
            assertThat(offer.firstMedia().proto()).isEqualTo("RTP/AVP");
            String ssrc = offer.ssrc().orElseThrow();
            camera.acceptInvite(invite, MediaStreams.answer(CHANNEL, ssrc, media.getLocalPort(), "RTP/AVP", ""));

            Exchange done = reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(done.getException()).isNull();
            Message out = done.getMessage();
            MediaSession session = out.getBody(MediaSession.class);
            assertThat(session).isNotNull();
            assertThat(session.callId()).isEqualTo(invite.callId());
            assertThat(session.isActive()).isTrue();
            assertThat(out.getHeader(Gb28181Constants.CALL_ID)).isEqualTo(invite.callId());
            assertThat(out.getHeader(Gb28181Constants.STREAM_ID)).isEqualTo(STREAM);
            assertThat(out.getHeader(Gb28181Constants.SSRC)).isEqualTo(ssrc);
            assertThat(out.getHeader(Gb28181Constants.MODE)).isEqualTo("PLAY");
            assertThat(out.getHeader(Gb28181Constants.MEDIA_TRANSPORT)).isEqualTo("udp");
            assertThat(out.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
            assertThat(out.getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(CHANNEL);

            List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 7).packetise(ps, MediaStreams.endOnly(ps));
            MediaStreams.sendPaced(session, packets, 0, media, WAIT);
            MockEndpoint.assertIsSatisfied(WAIT.toMillis(), TimeUnit.MILLISECONDS, frames, channel, stream, pss);
            assertThat(getMockEndpoint("mock:otherChannel").getReceivedCounter()).isZero();

            Message first = frames.getExchanges().get(0).getMessage();
            assertThat(first.getHeader(Gb28181Constants.KEY_FRAME)).isEqualTo(true);
            assertThat(first.getHeader(Gb28181Constants.CODEC)).isEqualTo("H264");
            assertThat(first.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
            assertThat(first.getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(CHANNEL);
            assertThat(first.getHeader(Gb28181Constants.CALL_ID)).isEqualTo(invite.callId());
            assertThat(first.getHeader(Gb28181Constants.STREAM_ID)).isEqualTo(STREAM);
            assertThat(first.getHeader(Gb28181Constants.SSRC)).isEqualTo(ssrc);
            assertThat(first.getHeader(Gb28181Constants.MODE)).isEqualTo("PLAY");
            byte[] au = first.getBody(byte[].class);
            assertThat(au).as("Annex-B: a start code first").startsWith(0, 0);
            assertThat(nalTypes(au)).as("the first frame carries SPS, PPS and an IDR slice").contains(7, 8, 5);
            assertThat(first.getHeader(Gb28181Constants.PTS, Long.class)).isNotNegative();
            long previous = -1;
            int keyFrames = 0;
            for (Exchange frame : frames.getExchanges()) {
                long pts = frame.getMessage().getHeader(Gb28181Constants.PTS, Long.class);
                if (pts >= 0) { // a frame whose PES carried no PTS has -1
                    assertThat(pts).as("frames in order").isGreaterThan(previous);
                    assertThat(frame.getMessage().getHeader(Gb28181Constants.DTS, Long.class))
                            .isLessThanOrEqualTo(pts);
                    previous = pts;
                }
                keyFrames += frame.getMessage().getHeader(Gb28181Constants.KEY_FRAME, Boolean.class) ? 1 : 0;
            }
            assertThat(keyFrames).as("one key frame per 25 frames").isEqualTo(2);
            ByteArrayOutputStream units = new ByteArrayOutputStream();
            for (Exchange frame : frames.getExchanges()) {
                units.write(frame.getMessage().getBody(byte[].class));
            }
            assertThat(units.toByteArray()).as("the access units add up to ffmpeg's own extraction")
                    .isEqualTo(MediaStreams.h264Extraction(dir));

            ByteArrayOutputStream copied = new ByteArrayOutputStream();
            for (Exchange frame : pss.getExchanges()) {
                assertThat(frame.getMessage().getHeader(Gb28181Constants.STREAM_ID)).isEqualTo(STREAM);
                assertThat(frame.getMessage().getHeader(Gb28181Constants.CODEC)).isNull();
                copied.write(frame.getMessage().getBody(byte[].class));
            }
            assertThat(copied.toByteArray()).as("format=ps: the device's PS, up to its one marker").isEqualTo(ps);

            Future<Exchange> ended = send("direct:bye", Map.of(Gb28181Constants.STREAM_ID, STREAM));
            SipRequest bye = camera.nextRequest("BYE", WAIT);
            assertThat(bye).isNotNull();
            assertThat(bye.callId()).isEqualTo(invite.callId());
            camera.respond(bye, 200);
            Exchange byed = ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(byed.getException()).isNull();
            assertThat(byed.getMessage().getHeader(Gb28181Constants.CALL_ID)).isEqualTo(invite.callId());
            assertThat(session.isActive()).isFalse();
            assertThat(component().getPlatform().mediaSessions()).isEmpty();

            Exchange again = send("direct:bye", Map.of(Gb28181Constants.CALL_ID, invite.callId()))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(again.getException()).as("an ended session is unknown")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(invite.callId());
        }
    }

    /** The H.264 NAL unit types of an Annex-B access unit (ITU-T H.264 Annex B start codes). */
    private static List<Integer> nalTypes(byte[] au) {
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i + 3 < au.length; i++) {
            if (au[i] == 0 && au[i + 1] == 0 && au[i + 2] == 1) {
                types.add(au[i + 3] & 0x1F);
                i += 2;
            }
        }
        return types;
    }

    @Test
    void stoppingTheInviteRouteByesTheSessionsItOpened() throws Exception {
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            MediaSession session = play(camera, CHANNEL, media).session();
            context.getRouteController().stopRoute("invite");
            SipRequest bye = camera.nextRequest("BYE", WAIT);
            assertThat(bye).as("the BYE of the stopped route's session").isNotNull();
            assertThat(bye.callId()).isEqualTo(session.callId());
            camera.respond(bye, 200);
            await().atMost(WAIT).until(() -> !session.isActive());
        }
    }

    @Test
    void stoppingOneOfTwoRoutesPlayingAChannelLeavesItToTheOther() throws Exception {
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            MediaSession session = play(camera, CHANNEL, media).session();
            Exchange joined = send("direct:analytics", Map.of(Gb28181Constants.DEVICE_ID, CAMERA))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(joined.getException()).isNull();
            assertThat(joined.getMessage().getBody(MediaSession.class)).isSameAs(session);
            assertThat(session.holders()).isEqualTo(2);

            context.getRouteController().stopRoute("analytics");
            assertThat(session.holders()).isEqualTo(1);
            assertThat(camera.nextRequest("BYE", Duration.ofMillis(300))).as("the other route still plays it")
                    .isNull();
            List<byte[]> packets = new RtpSender(session.wireSsrc(), 1400, 8).packetise(ps, MediaStreams.endOnly(ps));
            MockEndpoint frames = getMockEndpoint("mock:stream");
            frames.expectedMessageCount(MediaStreams.FRAMES);
            MediaStreams.sendPaced(session, packets, 0, media, WAIT);
            frames.assertIsSatisfied(WAIT.toMillis());

            context.getRouteController().stopRoute("invite");
            SipRequest bye = camera.nextRequest("BYE", WAIT);
            assertThat(bye).as("the last route's stop").isNotNull();
            assertThat(bye.callId()).isEqualTo(session.callId());
            camera.respond(bye, 200);
            await().atMost(WAIT).until(() -> !session.isActive());
        }
    }

    /**
     * An invite answered while its route stops: the stop's releaseAll can run between the invite's take and its
     * running check. The hold is then given back by the stop alone; the invite must neither give it back again
     * nor take another route's hold of the shared session for it (which would end the session under that route).
     */
    @Test
    void aHoldTheStopGaveBackIsNotGivenBackAgainByTheInviteThatTookIt() throws Exception {
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Exchange played = play(camera, CHANNEL, media).reply();
            Exchange joined = send("direct:analytics", Map.of(Gb28181Constants.DEVICE_ID, CAMERA))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(joined.getException()).isNull();
            MediaHolds holds = component().mediaHolds();
            MediaHolds.Hold mine = joined.getProperty(MediaHolds.PROPERTY, MediaHolds.Hold.class);
            MediaHolds.Hold other = played.getProperty(MediaHolds.PROPERTY, MediaHolds.Hold.class);

            assertThat(holds.releaseAll(mine.owner)).as("the stop gives it back").containsExactly(mine);
            assertThat(holds.forget(mine)).as("so the invite that took it does not").isFalse();
            assertThat(holds.releaseAll(other.owner)).as("the other route's hold is left").containsExactly(other);
            assertThat(holds.forget(other)).isFalse();

            MediaSession session = played.getMessage().getBody(MediaSession.class);
            assertThat(session.holders()).isEqualTo(2);
            Exchange first = send("direct:bye", Map.of(Gb28181Constants.CALL_ID, session.callId()))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(first.getException()).isNull();
            assertThat(session.holders()).isEqualTo(1);
            Future<Exchange> ended = send("direct:bye", Map.of(Gb28181Constants.CALL_ID, session.callId()));
            SipRequest bye = camera.nextRequest("BYE", WAIT);
            assertThat(bye.callId()).isEqualTo(session.callId());
            camera.respond(bye, 200);
            assertThat(ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getException()).isNull();
            assertThat(session.isActive()).isFalse();
        }
    }

    @Test
    void aByeOnTheInvitingExchangeIsNotGivenBackAgainWhenItsRouteStops() throws Exception {
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            MediaSession session = play(camera, CHANNEL, media).session();
            Exchange glanced = send("direct:glance", Map.of(Gb28181Constants.DEVICE_ID, CAMERA))
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(glanced.getException()).isNull();
            MediaSession body = glanced.getMessage().getBody(MediaSession.class);
            assertThat(body).isSameAs(session);
            assertThat(body.isActive()).as("the bye gave back the glance's hold only").isTrue();
            assertThat(session.holders()).isEqualTo(1);

            context.getRouteController().stopRoute("glance");
            assertThat(camera.nextRequest("BYE", Duration.ofMillis(300))).as("its hold was given back already")
                    .isNull();
            assertThat(session.holders()).isEqualTo(1);

            Future<Exchange> ended = send("direct:bye", Map.of(Gb28181Constants.STREAM_ID, STREAM));
            SipRequest bye = camera.nextRequest("BYE", WAIT);
            assertThat(bye.callId()).isEqualTo(session.callId());
            camera.respond(bye, 200);
            assertThat(ended.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getException()).isNull();
            assertThat(session.isActive()).isFalse();
            context.getRouteController().stopRoute("invite");
            assertThat(camera.nextRequest("BYE", Duration.ofMillis(300))).as("the bye took the invite route's hold")
                    .isNull();
        }
    }

    @Test
    void playcontrolSendsMansrtspInTheSessionsDialogAndTeardownEndsIt() throws Exception {
        Future<Exchange> reply = send("direct:invite", Map.of(Gb28181Constants.DEVICE_ID, CAMERA,
                Gb28181Constants.MODE, "playback", Gb28181Constants.START_TIME, "2026-01-02T03:00:00",
                Gb28181Constants.END_TIME, "2026-01-02T04:00:00"));
        SipRequest invite = nextInvite();
        String ssrc = offeredSsrc(invite);
        camera.acceptInvite(invite, MediaStreams.answer(CHANNEL, ssrc, 9, "RTP/AVP", ""));
        Exchange invited = reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(invited.getException()).isNull();
        String streamId = STREAM + "_" + ssrc;
        assertThat(invited.getMessage().getHeader(Gb28181Constants.STREAM_ID)).isEqualTo(streamId);
        assertThat(invited.getMessage().getHeader(Gb28181Constants.MODE)).isEqualTo("PLAYBACK");

        Future<Exchange> scaled = send("direct:control", Map.of(Gb28181Constants.CALL_ID, invite.callId(),
                Gb28181Constants.PLAY_ACTION, "scale", Gb28181Constants.SCALE, 2.0));
        SipRequest info = camera.nextRequest("INFO", WAIT);
        assertThat(info).as("an INFO in the session's dialog").isNotNull();
        assertThat(info.callId()).isEqualTo(invite.callId());
        assertThat(info.header(HeaderNames.CONTENT_TYPE)).isEqualToIgnoringCase("Application/MANSRTSP");
        assertThat(info.bodyAsString(StandardCharsets.US_ASCII)).isEqualTo("PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: 2.0\r\n");
        assertThat(camera.acceptPlayControl(info)).isEqualTo(PlayControl.scale(2.0));
        Exchange done = scaled.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(done.getException()).isNull();
        MansrtspResponse answer = done.getMessage().getBody(MansrtspResponse.class);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.cseq()).isEqualTo(1);
        assertThat(done.getMessage().getHeader(Gb28181Constants.PLAY_ACTION)).isEqualTo("scale");
        assertThat(done.getMessage().getHeader(Gb28181Constants.STREAM_ID)).isEqualTo(streamId);

        Future<Exchange> paused = send("direct:pause", Map.of(Gb28181Constants.STREAM_ID, streamId));
        SipRequest pause = camera.nextRequest("INFO", WAIT);
        assertThat(pause.bodyAsString(StandardCharsets.US_ASCII))
                .isEqualTo("PAUSE RTSP/1.0\r\nCSeq: 2\r\nPauseTime: now\r\n");
        camera.respond(pause, 200);
        Exchange pausedDone = paused.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(pausedDone.getException()).isNull();
        assertThat(pausedDone.getMessage().getBody()).as("a 200 without MANSRTSP").isNull();

        Future<Exchange> seeked = send("direct:control", Map.of(Gb28181Constants.STREAM_ID, streamId,
                Gb28181Constants.PLAY_ACTION, "seek", Gb28181Constants.POSITION, 30));
        SipRequest seek = camera.nextRequest("INFO", WAIT);
        assertThat(seek.bodyAsString(StandardCharsets.US_ASCII))
                .isEqualTo("PLAY RTSP/1.0\r\nCSeq: 3\r\nRange: npt=30-\r\n");
        camera.respond(seek, 481);
        assertThat(seeked.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getException())
                .isInstanceOf(SipStatusException.class);

        Future<Exchange> torn = send("direct:control", Map.of(Gb28181Constants.STREAM_ID, streamId,
                Gb28181Constants.PLAY_ACTION, "teardown"));
        SipRequest teardown = camera.nextRequest("INFO", WAIT);
        assertThat(teardown.bodyAsString(StandardCharsets.US_ASCII)).startsWith("TEARDOWN RTSP/1.0\r\n");
        camera.respond(teardown, 200);
        SipRequest bye = camera.nextRequest("BYE", WAIT);
        assertThat(bye).as("the BYE after TEARDOWN").isNotNull();
        camera.respond(bye, 200);
        assertThat(torn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getException()).isNull();
        await().atMost(WAIT).until(() -> component().getPlatform().mediaSessions().isEmpty());
    }

    @Test
    void aRefusedInviteFailsTheExchangeWithItsStatus() throws Exception {
        Future<Exchange> reply = send("direct:invite", Map.of(Gb28181Constants.DEVICE_ID, CAMERA));
        camera.respond(nextInvite(), 486);
        Exchange done = reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(done.getException()).isInstanceOf(SipStatusException.class);
        assertThat(((SipStatusException) done.getException()).status()).isEqualTo(486);
    }

    @Test
    void playbackTimesAcceptEpochSecondsAndTheGbFormInLocalTime() throws Exception {
        LocalDateTime end = LocalDateTime.of(2026, 1, 2, 3, 14, 5);
        long endSeconds = end.atZone(ZoneId.systemDefault()).toEpochSecond();
        Future<Exchange> reply = send("direct:invite", Map.of(Gb28181Constants.DEVICE_ID, CAMERA,
                Gb28181Constants.MODE, "download", Gb28181Constants.MEDIA_TRANSPORT, "tcp-passive",
                Gb28181Constants.START_TIME, String.valueOf(endSeconds - 600),
                Gb28181Constants.END_TIME, "2026-01-02T03:14:05", Gb28181Constants.DOWNLOAD_SPEED, 4));
        SipRequest invite = nextInvite();
        GbSdp offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        assertThat(offer.sessionType()).contains(SessionType.DOWNLOAD);
        assertThat(offer.firstMedia().proto()).isEqualTo("TCP/RTP/AVP");
        assertThat(offer.startTime()).isEqualTo(endSeconds - 600);
        assertThat(offer.stopTime()).isEqualTo(endSeconds);
        assertThat(offer.firstMedia().downloadSpeed()).hasValue(4);
        camera.respond(invite, 404);
        assertThat(reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getException())
                .isInstanceOf(SipStatusException.class);
    }

    @Test
    void badHeadersFailTheExchangeBeforeAnythingIsSent() throws Exception {
        List<Map<String, Object>> bad = List.of(
                Map.of(Gb28181Constants.DEVICE_ID, CAMERA, Gb28181Constants.MODE, "playback"),
                Map.of(Gb28181Constants.DEVICE_ID, CAMERA, Gb28181Constants.MODE, "talk"),
                Map.of(Gb28181Constants.DEVICE_ID, CAMERA, Gb28181Constants.MEDIA_TRANSPORT, "sctp"),
                Map.of(Gb28181Constants.DEVICE_ID, CAMERA, Gb28181Constants.MODE, "playback",
                        Gb28181Constants.START_TIME, "yesterday", Gb28181Constants.END_TIME, "2026-01-02T03:14:05"),
                Map.of(Gb28181Constants.DEVICE_ID, CAMERA, Gb28181Constants.MODE, "playback",
                        Gb28181Constants.START_TIME, "2026-01-02T04:00:00",
                        Gb28181Constants.END_TIME, "2026-01-02T03:00:00"),
                Map.of(Gb28181Constants.DEVICE_ID, CAMERA, Gb28181Constants.DOWNLOAD_SPEED, 4),
                Map.of(Gb28181Constants.DEVICE_ID, CAMERA, Gb28181Constants.MODE, "download",
                        Gb28181Constants.START_TIME, "1767300000", Gb28181Constants.END_TIME, "1767300600",
                        Gb28181Constants.DOWNLOAD_SPEED, 0));
        for (Map<String, Object> headers : bad) {
            Exchange done = send("direct:invite", headers).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(done.getException()).as("headers %s", headers).isInstanceOf(IllegalArgumentException.class);
        }
        Exchange noSession = send("direct:pause", Map.of()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(noSession.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Gb28181Constants.CALL_ID);
        Exchange unknown = send("direct:control", Map.of(Gb28181Constants.STREAM_ID, STREAM,
                Gb28181Constants.PLAY_ACTION, "rewind")).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(unknown.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rewind");
        assertThat(camera.nextRequest("INVITE", Duration.ofMillis(300))).as("nothing was sent").isNull();
    }

    private static void causedByIllegalArgument(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("an IllegalArgumentException behind %s", failure).isNotNull();
    }

    @Test
    void badOptionsFailTheRouteStart() {
        int route = 0;
        for (String uri : List.of("gb28181:invite?mode=live", "gb28181:invite?mediaTransport=sctp",
                "gb28181:invite?mode=playback&startTime=yesterday", "gb28181:invite?mode=playback"
                        + "&startTime=2026-01-02T04:00:00&endTime=2026-01-02T03:00:00",
                "gb28181:invite?downloadSpeed=2", "gb28181:playcontrol?action=rewind",
                "gb28181:playcontrol?action=scale", "gb28181:playcontrol?action=seek&position=-1")) {
            String from = "direct:bad" + route++;
            assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).to(uri);
                }
            })).as(uri).satisfies(Gb28181MediaKindsTest::causedByIllegalArgument);
        }
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("gb28181:rtp?format=mp4").to("mock:never");
            }
        })).rootCause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
    }
}
