package dev.gb28181.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.media.MediaCodec;
import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.media.ps.MediaTools;
import dev.gb28181.media.ps.MediaTools.AccessUnit;
import dev.gb28181.media.ps.PsDemuxerStats;
import dev.gb28181.media.rtp.RtpStats;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.testing.RtpSender;
import dev.gb28181.testing.TestDevice;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Media end to end through the platform (GB/T 28181-2016 §9.2, Annex C RTP/PS, Annex F SDP): program
 * streams made by independent muxers (ffmpeg's {@code -f mpeg} with libx264 and libx265, MPEG-1 system
 * stream without PSM, also with MPEG audio; GStreamer's {@code mpegpsmux}, MPEG-2 PS with PSM and AAC audio,
 * also edited the Hikvision way: headers and PSM before every key frame, private stream 0xBD after every
 * frame), packetised into RTP by {@link RtpSender} as a device does and sent over UDP, TCP passive and TCP
 * active to a session opened with {@link Gb28181Platform#invite} and answered by a {@link TestDevice}. The frames a
 * {@link MediaListener} receives are compared with ffmpeg's own extraction ({@code -map 0:v -c copy}),
 * access unit by access unit as ffprobe's parser cuts them, and decoded by ffprobe to every source frame.
 * Reordered and duplicated packets change no byte; lost packets make the stream resume at the next key
 * frame; audio, private stream 0xBD and garbage datagrams or frames do not disturb the video. A
 * {@link PsListener} gets the device's PS byte for byte, one RTP marker frame at a time, and one shared UDP
 * port ({@link PlatformConfig#mediaSharedPort}) carries two sessions apart by SSRC.
 *
 * <p>The streams (3 s, 320x240, a key frame every 10 frames) are made once per class.
 */
// its ffmpeg/GStreamer encodes take both cores: alone, so the timer-driven tests beside it keep their pace
@Isolated
class MediaEndToEndTest {

    static final String DEVICE = "34020000001320000001";
    static final String CHANNEL = "34020000001310000001";
    static final String CHANNEL_2 = "34020000001310000002";
    static final Duration WAIT = Duration.ofSeconds(20);
    /** 3 s at 25 fps. */
    static final int FRAMES = 75;
    static final int GOP = 10;
    static final int PAYLOAD = 1400;

    @TempDir
    static Path dir;
    static final Map<String, Source> SOURCES = new LinkedHashMap<>();

    PlatformFixture fixture;
    TestDevice device;
    final List<MediaFrame> frames = new CopyOnWriteArrayList<>();

    /**
     * One test stream: the PS, where its RTP frames end (the marker bits), ffmpeg's extraction of its video,
     * the access units ffprobe finds in it and ffmpeg's extraction of its audio ({@code null}: none expected
     * as frames).
     */
    record Source(String name, MediaCodec codec, byte[] ps, int[] frameEnds, byte[] golden, List<AccessUnit> units,
            MediaCodec audioCodec, byte[] goldenAudio) {

        /**
         * Access unit {@code i} of ffmpeg's extraction. Its first NAL unit starts with the 4-byte start code
         * (ITU-T H.264/H.265 Annex B: {@code zero_byte} precedes the first NAL unit of an access unit);
         * ffmpeg's HEVC parser leaves that zero byte at the end of the previous unit, ours does not.
         */
        byte[] unit(int i) {
            return Arrays.copyOfRange(golden, start(i), i + 1 < units.size() ? start(i + 1) : golden.length);
        }

        private int start(int i) {
            int pos = (int) units.get(i).pos();
            boolean shortStartCode = pos >= 1 && golden[pos - 1] == 0 && golden[pos] == 0 && golden[pos + 1] == 0
                    && golden[pos + 2] == 1;
            return shortStartCode ? pos - 1 : pos;
        }

        String format() {
            return codec == MediaCodec.H265 ? "hevc" : "h264";
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void makeStreams() throws Exception {
        String[] video = {"-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "3", "-g", "" + GOP, "-bf", "0"};
        byte[] x264 = Files.readAllBytes(MediaTools.ffmpeg(dir, "x264.ps", with(video, "-c:v", "libx264", "-preset",
                "ultrafast", "-f", "mpeg")));
        add("ffmpeg-x264", MediaCodec.H264, x264, null, null);
        byte[] x265 = Files.readAllBytes(MediaTools.ffmpeg(dir, "x265.ps", with(video, "-c:v", "libx265",
                "-preset", "ultrafast", "-x265-params", "log-level=error", "-f", "mpeg")));
        add("ffmpeg-x265", MediaCodec.H265, x265, null, null);
        // MPEG-1 audio on 0xC0 without a PSM: skipped (only a PSM types audio), the video unchanged
        byte[] mp2 = Files.readAllBytes(MediaTools.ffmpeg(dir, "x264-mp2.ps", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "3",
                "-g", "" + GOP, "-bf", "0", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "mp2", "-f", "mpeg"));
        add("ffmpeg-x264-mp2", MediaCodec.H264, mp2, null, null);

        Path gstPs = dir.resolve("gst-aac.ps");
        MediaTools.run(dir, "gst-launch-1.0", "-q", "mpegpsmux", "name=mux", "!", "filesink", "location=" + gstPs,
                "videotestsrc", "num-buffers=" + FRAMES, "!", "video/x-raw,width=320,height=240,framerate=25/1", "!",
                "x264enc", "key-int-max=" + GOP, "!", "h264parse", "!", "mux.",
                "audiotestsrc", "num-buffers=30", "samplesperbuffer=800", "!", "audio/x-raw,rate=8000,channels=1", "!",
                "voaacenc", "!", "aacparse", "!", "mux.");
        byte[] gst = Files.readAllBytes(gstPs);
        List<Integer> cuts = videoFrameStarts(gst);
        assertThat(cuts).as("mpegpsmux writes one video PES per frame").hasSize(FRAMES);
        add("gst-x264-aac", MediaCodec.H264, gst, frameEnds(cuts, gst.length), MediaCodec.AAC);

        // Hikvision style: pack header, system header and PSM again before every key frame, a private stream
        // 0xBD PES after each frame's video, in the same RTP frame
        int firstVideo = 0;
        while ((gst[firstVideo + 3] & 0xFF) != 0xE0 || gst[firstVideo] != 0 || gst[firstVideo + 1] != 0
                || gst[firstVideo + 2] != 1) {
            firstVideo++;
        }
        List<AccessUnit> gstUnits = SOURCES.get("gst-x264-aac").units();
        ByteArrayOutputStream hik = new ByteArrayOutputStream();
        int[] hikEnds = new int[cuts.size()];
        for (int k = 0; k < cuts.size(); k++) {
            int end = k + 1 < cuts.size() ? cuts.get(k + 1) : gst.length;
            if (k > 0 && gstUnits.get(k).key()) {
                hik.write(gst, 0, firstVideo);
            }
            hik.write(gst, cuts.get(k), end - cuts.get(k));
            hik.writeBytes(privateStream(k));
            hikEnds[k] = hik.size();
        }
        byte[] hikvision = hik.toByteArray();
        Files.write(dir.resolve("gst-hikvision.ps"), hikvision);
        add("gst-x264-aac-hikvision", MediaCodec.H264, hikvision, hikEnds, MediaCodec.AAC);
        assertThat(SOURCES.get("gst-x264-aac-hikvision").golden()).isEqualTo(SOURCES.get("gst-x264-aac").golden());
    }

    private static void add(String name, MediaCodec codec, byte[] ps, int[] frameEnds, MediaCodec audio)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".in.ps");
        Files.write(file, ps);
        String format = codec == MediaCodec.H265 ? "hevc" : "h264";
        assertThat(MediaTools.decodedFrames(dir, file, null)).as("frames ffprobe decodes from %s", name)
                .isEqualTo(FRAMES);
        Path golden = MediaTools.ffmpeg(dir, name + ".golden." + format, "-i", file.toString(), "-map", "0:v", "-c",
                "copy", "-f", format);
        List<AccessUnit> units = MediaTools.accessUnits(dir, golden, format);
        assertThat(units).as("access units of %s", name).hasSize(FRAMES);
        byte[] goldenAudio = null;
        if (audio != null) {
            goldenAudio = Files.readAllBytes(MediaTools.ffmpeg(dir, name + ".golden.audio", "-i", file.toString(),
                    "-map", "0:a", "-c", "copy", "-f", "data"));
        }
        // ffmpeg's PS interleaves frames across PES and packs: as a single RTP frame, the marker on its last packet
        int[] ends = frameEnds != null ? frameEnds : new int[] {ps.length};
        SOURCES.put(name, new Source(name, codec, ps, ends, Files.readAllBytes(golden), units, audio, goldenAudio));
    }

    static Stream<Source> sources() {
        return SOURCES.values().stream();
    }

    static Stream<Source> videoKinds() {
        return Stream.of("ffmpeg-x264", "ffmpeg-x265", "gst-x264-aac").map(SOURCES::get);
    }

    /** Every source over UDP, each kind of video over TCP passive and TCP active too. */
    static Stream<Arguments> sourcesAndTransports() {
        return Stream.concat(sources().map(s -> Arguments.of(s, MediaTransport.UDP)),
                videoKinds().flatMap(s -> Stream.of(MediaTransport.TCP_PASSIVE, MediaTransport.TCP_ACTIVE)
                        .map(t -> Arguments.of(s, t))));
    }

    @BeforeEach
    void start() {
        fixture = new PlatformFixture(PlatformFixture.config().requestTimeout(Duration.ofMillis(3000)));
        fixture.platform.addMediaListener((session, frame) -> frames.add(frame));
        device = fixture.udp(DEVICE);
        assertThat(device.register(3600).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("sourcesAndTransports")
    void everyFrameArrivesAsFfmpegExtractsItAndDecodes(Source source, MediaTransport transport) throws Exception {
        try (Media media = open(transport)) {
            List<byte[]> packets = new RtpSender(media.session.wireSsrc(), PAYLOAD, 1).packetise(source.ps(),
                    source.frameEnds());
            media.send(packets, List.of());
            awaitVideo(FRAMES);

            List<MediaFrame> video = video();
            assertEveryUnit(source, video);
            if (transport == MediaTransport.UDP) {
                // the same bytes over TCP: decoded once per source
                assertDecodes(source, video, FRAMES);
            }
            List<MediaFrame> audio = frames.stream().filter(f -> !f.codec().isVideo()).toList();
            if (source.audioCodec() == null) {
                assertThat(audio).isEmpty();
            } else {
                assertThat(audio).isNotEmpty().allSatisfy(f -> assertThat(f.codec()).isEqualTo(source.audioCodec()));
                assertThat(concat(audio)).as("audio equals ffmpeg's extraction").isEqualTo(source.goldenAudio());
            }
            RtpStats rtp = media.session.rtpStats();
            assertThat(rtp.packets()).isEqualTo(packets.size());
            assertThat(rtp.lost() + rtp.malformed() + rtp.duplicates() + rtp.late()).isZero();
            PsDemuxerStats ps = media.demuxStats();
            assertThat(ps.videoFrames()).isEqualTo(FRAMES);
            assertThat(ps.droppedFrames() + ps.malformed() + ps.resyncs()).isZero();
            if (source.name().endsWith("hikvision")) {
                assertThat(ps.skippedPes()).as("a 0xBD PES per frame").isGreaterThanOrEqualTo(FRAMES);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("videoKinds")
    void reorderedAndDuplicatedPacketsChangeNoByte(Source source) throws Exception {
        try (Media media = open(MediaTransport.UDP)) {
            RtpSender sender = new RtpSender(media.session.wireSsrc(), PAYLOAD, 2).impair(0.2, 0.1, 0);
            List<byte[]> packets = sender.packetise(source.ps(), source.frameEnds());
            // the stream starts at the first packet received (one overtaken by the second counts as late)
            List<byte[]> sent = new ArrayList<>(List.of(packets.get(0)));
            sent.addAll(sender.impaired(packets.subList(1, packets.size())));
            media.send(sent, List.of());
            awaitVideo(FRAMES);

            assertEveryUnit(source, video());
            RtpStats rtp = media.session.rtpStats();
            assertThat(rtp.reordered()).isPositive();
            assertThat(rtp.duplicates()).isEqualTo(sent.size() - packets.size()).isPositive();
            assertThat(rtp.lost() + rtp.late()).isZero();
            assertThat(media.demuxStats().droppedFrames()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("videoKinds")
    void lostPacketsResumeAtTheNextKeyFrame(Source source) throws Exception {
        try (Media media = open(MediaTransport.UDP)) {
            List<byte[]> packets = new RtpSender(media.session.wireSsrc(), 500, 3).packetise(source.ps(),
                    source.frameEnds());
            // two losses far apart (more than the reorder window of 64 packets), each followed by key frames
            List<byte[]> sent = new ArrayList<>(packets);
            int first = packets.size() * 3 / 10;
            int second = packets.size() * 6 / 10;
            sent.remove(second);
            sent.remove(first);
            media.send(sent, List.of());
            byte[] last = source.unit(FRAMES - 1);
            soon().until(() -> !frames.isEmpty()
                    && Arrays.equals(frames.get(frames.size() - 1).data(), last));

            List<MediaFrame> video = video();
            assertThat(video).hasSizeLessThan(FRAMES);
            int previous = -1;
            for (MediaFrame frame : video) {
                int index = previous + 1;
                while (index < FRAMES && !Arrays.equals(frame.data(), source.unit(index))) {
                    index++;
                }
                assertThat(index).as("%s after source frame %d is a later source frame", frame, previous)
                        .isLessThan(FRAMES);
                if (index != previous + 1) {
                    assertThat(frame.keyFrame()).as("frame %d resumes the stream", index).isTrue();
                    assertThat(source.units().get(index).key()).isTrue();
                }
                previous = index;
            }
            assertDecodes(source, video, video.size());
            RtpStats rtp = media.session.rtpStats();
            assertThat(rtp.lost()).isEqualTo(2);
            PsDemuxerStats ps = media.demuxStats();
            assertThat(ps.gaps()).isEqualTo(2);
            assertThat(ps.droppedFrames()).isPositive();
            assertThat(ps.videoFrames()).isEqualTo(video.size());
        }
        // the session's end reports the same counters
        soon().until(() -> fixture.events.of(MediaSessionEvent.class).stream()
                .anyMatch(e -> e.eventType().equals(MediaSessionEvent.SESSION_ENDED)));
        MediaSessionEvent ended = fixture.events.last(MediaSessionEvent.class);
        assertThat(ended.eventType()).isEqualTo(MediaSessionEvent.SESSION_ENDED);
        assertThat(ended.reason()).isEqualTo(MediaSessionEvent.Reason.DEVICE_BYE);
        assertThat(ended.rtpLost()).isEqualTo(2);
        assertThat(ended.droppedFrames()).isPositive();
        assertThat(ended.videoFrames()).isEqualTo(video().size());
    }

    /**
     * {@link PsListener} (what {@code format=ps} and PS recording use): with a listener registered before the
     * INVITE, every RTP marker frame arrives, in order after reordering and without duplicates, and together
     * they are the device's PS byte for byte, first frame (pack header, system header, PSM, key frame) included.
     */
    @ParameterizedTest(name = "impaired {0}")
    @ValueSource(booleans = {false, true})
    void psListenerGetsEveryMarkerFrameOfTheDevicesPs(boolean impaired) throws Exception {
        Source source = SOURCES.get("gst-x264-aac");
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        fixture.platform.addPsListener((session, ps) -> {
            sizes.add(ps.readableBytes());
            synchronized (received) {
                byte[] bytes = new byte[ps.readableBytes()];
                ps.getBytes(ps.readerIndex(), bytes);
                received.writeBytes(bytes);
            }
        });
        try (Media media = open(MediaTransport.UDP)) {
            RtpSender sender = new RtpSender(media.session.wireSsrc(), PAYLOAD, 8);
            List<byte[]> packets = sender.packetise(source.ps(), source.frameEnds());
            List<byte[]> sent = packets;
            if (impaired) {
                sender.impair(0.2, 0.1, 0);
                sent = new ArrayList<>(List.of(packets.get(0)));
                sent.addAll(sender.impaired(packets.subList(1, packets.size())));
            }
            media.send(sent, List.of());
            awaitVideo(FRAMES);
            soon().until(() -> sizes.size() >= FRAMES - 1);

            int[] expected = new int[FRAMES];
            for (int k = 0; k < FRAMES; k++) {
                expected[k] = source.frameEnds()[k] - (k == 0 ? 0 : source.frameEnds()[k - 1]);
            }
            assertThat(sizes).as("the size of each PS frame").containsExactly(Arrays.stream(expected).boxed()
                    .toArray(Integer[]::new));
            synchronized (received) {
                assertThat(received.toByteArray()).isEqualTo(source.ps());
            }
        }
    }

    @Test
    void oneSharedUdpPortCarriesTwoSessionsSeparatedBySsrc() throws Exception {
        int shared;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            shared = probe.getLocalPort();
        }
        fixture.close();
        fixture = new PlatformFixture(PlatformFixture.config().requestTimeout(Duration.ofMillis(3000))
                .mediaSharedPort(shared));
        Map<String, List<MediaFrame>> bySession = new java.util.concurrent.ConcurrentHashMap<>();
        fixture.platform.addMediaListener((session, frame) -> bySession.computeIfAbsent(session.callId(),
                k -> new CopyOnWriteArrayList<>()).add(frame));
        device = fixture.udp(DEVICE);
        assertThat(device.register(3600).status()).isEqualTo(200);
        Source first = SOURCES.get("ffmpeg-x264");
        Source second = SOURCES.get("gst-x264-aac");
        try (Media a = open(MediaTransport.UDP, CHANNEL); Media b = open(MediaTransport.UDP, CHANNEL_2)) {
            assertThat(a.session.localMediaAddress().getPort()).isEqualTo(shared);
            assertThat(b.session.localMediaAddress().getPort()).isEqualTo(shared);
            List<byte[]> one = new RtpSender(a.session.wireSsrc(), PAYLOAD, 6).packetise(first.ps(),
                    first.frameEnds());
            List<byte[]> two = new RtpSender(b.session.wireSsrc(), PAYLOAD, 7).packetise(second.ps(),
                    second.frameEnds());
            // packet by packet alternately, from one socket, as a device streaming two channels does
            List<byte[]> mixed = new ArrayList<>();
            for (int i = 0; i < Math.max(one.size(), two.size()); i++) {
                if (i < one.size()) {
                    mixed.add(one.get(i));
                }
                if (i < two.size()) {
                    mixed.add(two.get(i));
                }
            }
            for (int from = 0; from < mixed.size(); from += 32) {
                int end = Math.min(mixed.size(), from + 32);
                RtpSender.sendUdp(mixed.subList(from, end), a.udp, a.platformMedia());
                soon().until(() -> a.session.rtpStats().packets() + b.session.rtpStats().packets() >= end);
            }
            soon().until(() -> bySession.getOrDefault(b.session.callId(), List.of()).stream()
                    .filter(f -> f.codec().isVideo()).count() >= FRAMES
                    && bySession.getOrDefault(a.session.callId(), List.of()).size() >= FRAMES);

            assertEveryUnit(first, bySession.get(a.session.callId()));
            assertEveryUnit(second, bySession.get(b.session.callId()).stream().filter(f -> f.codec().isVideo())
                    .toList());
            assertThat(a.session.rtpStats().packets()).isEqualTo(one.size());
            assertThat(b.session.rtpStats().packets()).isEqualTo(two.size());
        }
    }

    @Test
    void garbageDatagramsAreCountedAndDropped() throws Exception {
        Source source = SOURCES.get("ffmpeg-x264");
        try (Media media = open(MediaTransport.UDP);
                DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            List<byte[]> packets = new RtpSender(media.session.wireSsrc(), PAYLOAD, 4).packetise(source.ps(),
                    source.frameEnds());
            Random random = new Random(4);
            List<byte[]> garbage = new ArrayList<>();
            int notRtp = 0;
            int otherSsrc = 0;
            for (int i = 1; i < packets.size(); i += 5) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                junk[0] = (byte) (junk[0] & 0x3F); // version 0: not RTP
                garbage.add(junk);
                notRtp++;
                // the next packet's sequence number with another SSRC and a payload of noise
                byte[] forged = packets.get(i).clone();
                ByteBuffer.wrap(forged).putInt(8, (int) (media.session.wireSsrc() + 1));
                noise(random, forged, 12);
                garbage.add(forged);
                otherSsrc++;
            }
            media.send(packets, garbage);
            // the same forged packets with the session's SSRC from another host
            List<byte[]> strangers = new ArrayList<>();
            for (int i = 0; i < packets.size(); i += 10) {
                byte[] forged = packets.get(i).clone();
                noise(random, forged, 12);
                strangers.add(forged);
            }
            RtpSender.sendUdp(strangers, stranger, media.platformMedia());
            awaitVideo(FRAMES);
            RtpStats rtp = media.session.rtpStats();
            soon().until(() -> rtp.wrongSource() >= strangers.size());

            assertEveryUnit(source, video());
            assertThat(rtp.malformed()).isEqualTo(notRtp);
            assertThat(rtp.wrongSsrc()).isEqualTo(otherSsrc);
            assertThat(rtp.wrongSource()).isEqualTo(strangers.size());
            assertThat(rtp.packets()).isEqualTo(packets.size());
            assertThat(media.demuxStats().malformed()).isZero();
        }
    }

    @Test
    void garbageFramesOnTcpAreCountedAndDropped() throws Exception {
        Source source = SOURCES.get("gst-x264-aac");
        try (Media media = open(MediaTransport.TCP_PASSIVE)) {
            List<byte[]> packets = new RtpSender(media.session.wireSsrc(), PAYLOAD, 5).packetise(source.ps(),
                    source.frameEnds());
            Random random = new Random(5);
            List<byte[]> garbage = new ArrayList<>();
            for (int i = 1; i < packets.size(); i += 7) {
                byte[] junk = new byte[1 + random.nextInt(2000)];
                random.nextBytes(junk);
                junk[0] = (byte) 0x40; // version 1: not RTP, in a sound RFC 4571 frame
                garbage.add(junk);
            }
            media.send(packets, garbage);
            awaitVideo(FRAMES);

            assertEveryUnit(source, video());
            assertThat(media.session.rtpStats().malformed()).isEqualTo(garbage.size());
            assertThat(media.session.rtpStats().packets()).isEqualTo(packets.size());
        }
    }

    // ---- the device's side -------------------------------------------------------------------

    /** An established session and the device's media socket. */
    final class Media implements AutoCloseable {
        final SipRequest invite;
        final MediaSession session;
        final MediaTransport transport;
        final DatagramSocket udp;
        final ServerSocket server;
        Socket tcp;

        Media(SipRequest invite, MediaSession session, MediaTransport transport, DatagramSocket udp,
                ServerSocket server) {
            this.invite = invite;
            this.session = session;
            this.transport = transport;
            this.udp = udp;
            this.server = server;
        }

        InetSocketAddress platformMedia() {
            return new InetSocketAddress("127.0.0.1", session.localMediaAddress().getPort());
        }

        /**
         * Sends {@code packets}, one of {@code garbage} after every {@code packets.size() / garbage.size()}
         * packets: UDP in batches, each once the platform counted the previous one (small loopback
         * buffers); TCP in RFC 4571 frames on the connection the device opened (passive) or accepted (active).
         */
        void send(List<byte[]> packets, List<byte[]> garbage) throws IOException {
            List<byte[]> all = interleave(packets, garbage);
            if (transport == MediaTransport.UDP) {
                RtpStats stats = session.rtpStats();
                for (int from = 0; from < all.size(); from += 32) {
                    int end = Math.min(all.size(), from + 32);
                    RtpSender.sendUdp(all.subList(from, end), udp, platformMedia());
                    soon().until(() -> stats.packets() + stats.malformed() + stats.wrongSsrc() >= end);
                }
                return;
            }
            tcp = transport == MediaTransport.TCP_PASSIVE ? new Socket(InetAddress.getLoopbackAddress(),
                    platformMedia().getPort()) : server.accept();
            OutputStream out = tcp.getOutputStream();
            RtpSender.sendTcp(all, out);
        }

        /**
         * The demuxer's counters, read once the frames were seen: the demuxer counts before it hands a frame
         * on, and the listener's list publishes the frame to this thread.
         */
        PsDemuxerStats demuxStats() {
            return session.demuxer.stats();
        }

        /** The device hangs up (a platform stopping with a session open waits for the answer to its BYE). */
        @Override
        public void close() throws IOException {
            assertThat(device.bye(invite).status()).isEqualTo(200);
            assertThat(session.isActive()).isFalse();
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

    private static List<byte[]> interleave(List<byte[]> packets, List<byte[]> garbage) {
        if (garbage.isEmpty()) {
            return packets;
        }
        List<byte[]> all = new ArrayList<>(packets.size() + garbage.size());
        int every = Math.max(1, packets.size() / garbage.size());
        int g = 0;
        for (int i = 0; i < packets.size(); i++) {
            all.add(packets.get(i));
            if (i % every == 0 && g < garbage.size()) {
                all.add(garbage.get(g++));
            }
        }
        all.addAll(garbage.subList(g, garbage.size()));
        return all;
    }

    /** INVITEs the channel over {@code transport} and has the device answer as a camera does. */
    private Media open(MediaTransport transport) throws Exception {
        return open(transport, CHANNEL);
    }

    /** INVITEs {@code channel} over {@code transport} and has the device answer as a camera does. */
    private Media open(MediaTransport transport, String channel) throws Exception {
        CompletableFuture<MediaSession> invited = fixture.platform.invite(DEVICE, channel,
                InviteRequest.play(transport));
        SipRequest invite = device.nextRequest("INVITE", WAIT);
        assertThat(invite).isNotNull();
        String ssrc = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII)).ssrc().orElseThrow();
        DatagramSocket udp = null;
        ServerSocket server = null;
        String answer;
        switch (transport) {
            case UDP -> {
                udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                answer = MediaSessionTest.answer(ssrc, udp.getLocalPort(), "RTP/AVP", "");
            }
            case TCP_PASSIVE -> answer = MediaSessionTest.answer(ssrc, 9, "TCP/RTP/AVP",
                    "a=setup:active\r\na=connection:new\r\n");
            default -> {
                server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                answer = MediaSessionTest.answer(ssrc, server.getLocalPort(), "TCP/RTP/AVP",
                        "a=setup:passive\r\na=connection:new\r\n");
            }
        }
        device.acceptInvite(invite, answer);
        MediaSession session = invited.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(SsrcAllocator.wireValue(ssrc)).isEqualTo(session.wireSsrc());
        return new Media(invite, session, transport, udp, server);
    }

    // ---- assertions --------------------------------------------------------------------------

    /** Awaitility polling every few milliseconds: the media arrives in a few milliseconds too. */
    private static ConditionFactory soon() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    private void awaitVideo(int count) {
        soon().until(() -> video().size() >= count);
    }

    private List<MediaFrame> video() {
        return frames.stream().filter(f -> f.codec().isVideo()).toList();
    }

    /**
     * Each frame is the access unit ffprobe finds at its place, with its key flag; together they are ffmpeg's
     * extraction.
     */
    private static void assertEveryUnit(Source source, List<MediaFrame> video) {
        assertThat(video).hasSize(FRAMES);
        for (int i = 0; i < FRAMES; i++) {
            MediaFrame frame = video.get(i);
            assertThat(frame.codec()).isEqualTo(source.codec());
            assertThat(frame.keyFrame()).as("key flag of frame %d", i).isEqualTo(source.units().get(i).key());
            assertThat(frame.data()).as("frame %d", i).isEqualTo(source.unit(i));
        }
        assertThat(video.get(0).keyFrame()).isTrue();
        assertThat(concat(video)).as("equals ffmpeg's extraction").isEqualTo(source.golden());
    }

    /** ffprobe decodes the concatenated frames to {@code expected} frames. */
    private void assertDecodes(Source source, List<MediaFrame> video, int expected) throws Exception {
        Path out = Files.write(Files.createTempFile(dir, "out", "." + source.format()), concat(video));
        assertThat(MediaTools.decodedFrames(dir, out, source.format())).isEqualTo(expected);
    }

    private static byte[] concat(List<MediaFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.data()));
        return out.toByteArray();
    }

    // ---- stream surgery ----------------------------------------------------------------------

    /**
     * Where each frame of an mpegpsmux stream begins: its video PES, or the pack header (with system header
     * and PSM) right before it. A device's RTP frame starts there.
     */
    private static List<Integer> videoFrameStarts(byte[] ps) {
        List<Integer> starts = new ArrayList<>();
        int headers = -1;
        for (int i = 0; i + 3 < ps.length; i++) {
            if (ps[i] != 0 || ps[i + 1] != 0 || ps[i + 2] != 1) {
                continue;
            }
            int code = ps[i + 3] & 0xFF;
            if (code == 0xBA && headers < 0) {
                headers = i;
            } else if (code >= 0xE0 && code <= 0xEF) {
                starts.add(headers >= 0 ? headers : i);
                headers = -1;
            } else if (code >= 0xC0 && code <= 0xDF) {
                headers = -1;
            }
        }
        return starts;
    }

    private static int[] frameEnds(List<Integer> starts, int length) {
        int[] ends = new int[starts.size()];
        for (int k = 0; k < starts.size(); k++) {
            ends[k] = k + 1 < starts.size() ? starts.get(k + 1) : length;
        }
        return ends;
    }

    /** A private stream 1 PES (0xBD) of noise with a fake video start code inside, as Hikvision devices add. */
    private static byte[] privateStream(int n) {
        byte[] body = new byte[40 + n % 60];
        new Random(n).nextBytes(body);
        body[0] = (byte) 0x80; // MPEG-2 PES header without PTS, then the private data
        body[1] = 0;
        body[2] = 0;
        body[3] = 0; // a sub-stream ID no DVD decoder claims
        body[5] = 0;
        body[6] = 0;
        body[7] = 1;
        body[8] = (byte) 0xE0;
        byte[] pes = new byte[6 + body.length];
        pes[2] = 1;
        pes[3] = (byte) 0xBD;
        pes[4] = (byte) (body.length >> 8);
        pes[5] = (byte) body.length;
        System.arraycopy(body, 0, pes, 6, body.length);
        return pes;
    }

    private static void noise(Random random, byte[] bytes, int from) {
        byte[] noise = new byte[bytes.length - from];
        random.nextBytes(noise);
        System.arraycopy(noise, 0, bytes, from, noise.length);
    }

    private static String[] with(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
