package dev.gb28181.media.ps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.media.MediaCodec;
import dev.gb28181.media.MediaFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demuxer against real program streams made by ffmpeg (MPEG-1 system stream without PSM, video on
 * 0xE2) and GStreamer's mpegpsmux (MPEG-2 PS with PSM), checked against ffmpeg's own extraction and ffprobe
 * decoding; fed in random chunks of 1..1400 bytes like RTP payloads.
 */
// its ffmpeg/GStreamer encodes take both cores: alone, so the timer-driven tests beside it keep their pace
@Isolated
class PsDemuxerTest {
    private static final String TESTSRC = "testsrc2=size=320x240:rate=25";

    @TempDir
    Path dir;

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of("ffmpeg-h264", MediaCodec.H264, "h264", 0xE2),
                Arguments.of("ffmpeg-h265", MediaCodec.H265, "hevc", 0xE0),
                Arguments.of("ffmpeg-mpeg4", MediaCodec.MPEG4, "m4v", 0xE0),
                Arguments.of("gst-h264", MediaCodec.H264, "h264", 0xE0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void demuxedVideoEqualsFfmpegExtractionAndDecodesToEveryFrame(String source, MediaCodec codec, String format,
            int streamId)
            throws Exception {
        Path ps = makeStream(source);
        Path golden = MediaTools.ffmpeg(dir, "golden." + format, "-i", ps.toString(), "-map", "0:v", "-c", "copy",
                "-f", format);
        int sourceFrames = MediaTools.decodedFrames(dir, ps, null);
        assertThat(sourceFrames).isEqualTo(50);

        long seed = System.nanoTime();
        Result result = demux(Files.readAllBytes(ps), new Random(seed), PsDemuxer.DEFAULT_MAX_FRAME_SIZE);

        List<MediaFrame> frames = result.frames;
        assertThat(frames).as("seed %d", seed).hasSize(sourceFrames);
        assertThat(frames).allSatisfy(f -> {
            assertThat(f.codec()).isEqualTo(codec);
            assertThat(f.data()).hasSizeGreaterThan(4);
            byte[] d = f.data();
            assertThat(d[0] == 0 && d[1] == 0 && (d[2] == 1 || d[2] == 0 && d[3] == 1))
                    .as("starts with a start code").isTrue();
        });
        assertThat(frames.get(0).keyFrame()).isTrue();
        assertThat(frames.stream().filter(MediaFrame::keyFrame)).hasSize(2); // -g 25 / key-int-max=25, 50 frames
        assertThat(frames.stream().mapToInt(MediaFrame::streamId).distinct().toArray())
                .containsExactly(streamId);
        assertPtsMatchFfprobe(frames, MediaTools.packetPts(dir, ps));

        byte[] ours = concat(frames);
        assertThat(ours).as("seed %d: equals ffmpeg's extraction", seed).isEqualTo(Files.readAllBytes(golden));
        Path out = Files.write(dir.resolve("ours." + format), ours);
        assertThat(MediaTools.decodedFrames(dir, out, format)).isEqualTo(sourceFrames);
        // every access unit decodes on its own, in order: ffprobe sees one frame per emitted unit
        Path firstTwo = Files.write(dir.resolve("first." + format), concat(frames.subList(0, 2)));
        assertThat(MediaTools.decodedFrames(dir, firstTwo, format)).isEqualTo(2);

        PsDemuxerStats stats = result.stats;
        assertThat(stats.videoFrames()).isEqualTo(sourceFrames);
        assertThat(stats.malformed()).isZero();
        assertThat(stats.resyncs()).isZero();
        assertThat(stats.droppedFrames()).isZero();
        assertThat(stats.bytes()).isEqualTo(Files.size(ps));
        assertThat(stats.packs()).isPositive();
    }

    @Test
    void privateStreamAudioAndPsmWithWrongInfoLengthAreHandled() throws Exception {
        Path ps = makeStream("ffmpeg-h264");
        Path golden = MediaTools.ffmpeg(dir, "golden.h264", "-i", ps.toString(), "-map", "0:v", "-c", "copy",
                "-f", "h264");
        byte[] original = Files.readAllBytes(ps);
        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        List<byte[]> audioSent = new ArrayList<>();
        int packs = 0;
        int last = 0;
        for (int i = 0; i + 3 < original.length; i++) {
            if (original[i] == 0 && original[i + 1] == 0 && original[i + 2] == 1 && (original[i + 3] & 0xFF) == 0xBA) {
                edited.write(original, last, i - last);
                last = i;
                if (packs % 10 == 0) {
                    edited.writeBytes(psmWithWrongInfoLength());
                }
                edited.writeBytes(privateStream(packs));
                byte[] alaw = new byte[160];
                new Random(packs).nextBytes(alaw);
                audioSent.add(alaw);
                edited.writeBytes(audioPes(alaw, 3600L * packs));
                packs++;
            }
        }
        edited.write(original, last, original.length - last);

        Result result = demux(edited.toByteArray(), new Random(7), PsDemuxer.DEFAULT_MAX_FRAME_SIZE);
        Result baseline = demux(original, new Random(7), PsDemuxer.DEFAULT_MAX_FRAME_SIZE);

        List<MediaFrame> video = result.frames.stream().filter(f -> f.codec().isVideo()).toList();
        List<MediaFrame> audio = result.frames.stream().filter(f -> !f.codec().isVideo()).toList();
        assertThat(concat(video)).isEqualTo(Files.readAllBytes(golden));
        assertThat(video).allSatisfy(f -> assertThat(f.codec()).isEqualTo(MediaCodec.H264));
        assertThat(audio).hasSize(packs);
        for (int i = 0; i < packs; i++) {
            MediaFrame frame = audio.get(i);
            assertThat(frame.codec()).isEqualTo(MediaCodec.G711A);
            assertThat(frame.streamId()).isEqualTo(0xC0);
            assertThat(frame.pts()).isEqualTo(3600L * i);
            assertThat(frame.keyFrame()).isTrue();
            assertThat(frame.data()).isEqualTo(audioSent.get(i));
        }
        assertThat(result.stats.skippedPes()).isEqualTo(baseline.stats.skippedPes() + packs);
        assertThat(result.stats.malformed()).as("the wrong info length is counted").isPositive();
        assertThat(result.stats.resyncs()).isZero();
    }

    @Test
    void frameEndAtTheRtpMarkerEmitsTheFrameAtOnce() throws Exception {
        Path ps = makeStream("gst-h264");
        Path golden = MediaTools.ffmpeg(dir, "golden.h264", "-i", ps.toString(), "-map", "0:v", "-c", "copy",
                "-f", "h264");
        byte[] data = Files.readAllBytes(ps);
        // mpegpsmux writes one video PES per frame: cut the stream where each video PES begins
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i + 3 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0xFF) == 0xE0) {
                cuts.add(i);
            }
        }
        cuts.add(data.length);
        assertThat(cuts).hasSize(51);
        List<MediaFrame> frames = new ArrayList<>();
        PsDemuxer demuxer = new PsDemuxer(frames::add);
        demuxer.feed(Unpooled.wrappedBuffer(data, 0, cuts.get(0)));
        for (int k = 0; k < 50; k++) {
            ByteBuf packet = Unpooled.wrappedBuffer(data, cuts.get(k), cuts.get(k + 1) - cuts.get(k));
            demuxer.feed(packet);
            packet.release();
            demuxer.frameEnd();
            assertThat(frames).as("frame %d leaves at its marker", k).hasSize(k + 1);
        }
        demuxer.close();
        assertThat(concat(frames)).isEqualTo(Files.readAllBytes(golden));
    }

    @Test
    void mpeg2PackHeaderStuffingIsSkipped() throws Exception {
        Path ps = makeStream("gst-h264");
        byte[] data = Files.readAllBytes(ps);
        Result plain = demux(data, new Random(5), PsDemuxer.DEFAULT_MAX_FRAME_SIZE);
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream();
        int last = 0;
        int packs = 0;
        for (int i = 0; i + 14 < data.length; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0xFF) == 0xBA) {
                assertThat(data[i + 4] & 0xC0).as("MPEG-2 pack header").isEqualTo(0x40);
                assertThat(data[i + 13] & 0x07).isZero();
                stuffed.write(data, last, i + 13 - last);
                int stuffing = 1 + packs++ % 7; // ISO/IEC 13818-1 §2.5.3.3: up to 7 stuffing bytes of 0xFF
                stuffed.write((data[i + 13] & 0xF8) | stuffing);
                for (int k = 0; k < stuffing; k++) {
                    stuffed.write(0xFF);
                }
                last = i + 14;
            }
        }
        stuffed.write(data, last, data.length - last);
        assertThat(packs).isPositive();

        Result result = demux(stuffed.toByteArray(), new Random(5), PsDemuxer.DEFAULT_MAX_FRAME_SIZE);

        assertThat(result.frames).isEqualTo(plain.frames).hasSize(50);
        assertThat(result.stats.packs()).isEqualTo(packs);
        assertThat(result.stats.resyncs()).isZero();
        assertThat(result.stats.malformed()).isZero();
    }

    @Test
    void svacNamedByThePsmIsSkippedAndCounted() throws Exception {
        byte[] original = Files.readAllBytes(makeStream("ffmpeg-h264"));
        byte[] psm = pes(0xBC, new byte[] {
            (byte) 0x80, 0x01, 0x00, 0x00, 0x00, 0x04, (byte) 0x80, (byte) 0xE2, 0x00, 0x00, 0, 0, 0, 0});
        byte[] svac = new byte[psm.length + original.length];
        System.arraycopy(psm, 0, svac, 0, psm.length);
        System.arraycopy(original, 0, svac, psm.length, original.length);
        Result baseline = demux(original, new Random(9), PsDemuxer.DEFAULT_MAX_FRAME_SIZE);

        Result result = demux(svac, new Random(9), PsDemuxer.DEFAULT_MAX_FRAME_SIZE);

        int videoPes = 0;
        for (int i = 0; i + 3 < original.length; i++) {
            if (original[i] == 0 && original[i + 1] == 0 && original[i + 2] == 1 && (original[i + 3] & 0xFF) == 0xE2) {
                videoPes++;
            }
        }
        assertThat(result.frames).isEmpty();
        assertThat(videoPes).isPositive();
        assertThat(result.stats.skippedPes()).isEqualTo(baseline.stats.skippedPes() + videoPes);
        assertThat(result.stats.malformed()).isZero();
    }

    @Test
    void garbageAndTruncatedInputOnlyMoveCounters() throws Exception {
        byte[] ps = Files.readAllBytes(makeStream("ffmpeg-h264"));
        Random random = new Random(11);
        byte[] garbage = new byte[200_000];
        random.nextBytes(garbage);
        for (int i = 0; i < garbage.length - 4; i += 997) {
            // fake start codes of packs and PES with random lengths
            garbage[i] = 0;
            garbage[i + 1] = 0;
            garbage[i + 2] = 1;
            garbage[i + 3] = (byte) (0xB9 + random.nextInt(0x47));
        }
        List<MediaFrame> frames = new ArrayList<>();
        List<ByteBuf> fed = new ArrayList<>();
        PsDemuxer demuxer = new PsDemuxer(frames::add);
        feedChunks(demuxer, garbage, random, fed);
        assertThat(demuxer.stats().resyncs()).isPositive();
        assertThat(demuxer.stats().malformed() + demuxer.stats().skippedPes()).isPositive();

        // a stream cut in the middle of a frame, then the whole stream again after a reported gap
        demuxer.onGap();
        feedChunks(demuxer, java.util.Arrays.copyOf(ps, ps.length / 2 + 333), random, fed);
        int beforeGap = frames.size();
        demuxer.onGap();
        feedChunks(demuxer, ps, random, fed);
        demuxer.frameEnd();
        demuxer.close();

        assertThat(frames.get(0).keyFrame()).isTrue();
        assertThat(frames.get(beforeGap).keyFrame()).as("resumes at a key frame").isTrue();
        assertThat(frames.size() - beforeGap).isEqualTo(50);
        assertThat(demuxer.stats().gaps()).isEqualTo(2);
        assertThat(fed).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }

    @Test
    void framesAboveTheMaximumSizeAreDroppedAndCounted() throws Exception {
        byte[] ps = Files.readAllBytes(makeStream("ffmpeg-h264"));
        Result result = demux(ps, new Random(3), 4000);
        assertThat(result.stats.oversizeFrames()).isPositive();
        assertThat(result.frames).allSatisfy(f -> assertThat(f.data().length).isLessThanOrEqualTo(4000));
    }

    /**
     * Start codes at every offset of the 8-byte words the assembler skips, 3- and 4-byte start codes, extra
     * zero bytes before them (trailing_zero_8bits, ITU-T H.264 §7.3.2), zeros and emulation-prevention bytes
     * inside slices, pictures of several slices: fed in random slices (word skipping) and one byte at a time
     * (byte-wise scanning only), the access units come out exactly as built.
     */
    @Test
    void accessUnitsAreCutAtTheirStartCodesWhereverTheyFallInAWord() {
        Random random = new Random(17);
        List<byte[]> units = new ArrayList<>();
        ByteArrayOutputStream es = new ByteArrayOutputStream();
        int trailingZeros = 0;
        for (int k = 0; k < 160; k++) {
            ByteArrayOutputStream au = new ByteArrayOutputStream();
            boolean key = k % 40 == 0;
            // after trailing zeros only a 4-byte start code is unambiguous: up to 3 zeros belong to it
            boolean first4 = trailingZeros > 0 || random.nextBoolean();
            if (k % 3 != 2) {
                nal(au, first4, 0x09); // AUD
                payload(au, random, 1);
                first4 = random.nextBoolean();
            }
            if (key) {
                nal(au, first4, 0x67); // SPS
                payload(au, random, 12);
                nal(au, random.nextBoolean(), 0x68); // PPS
                payload(au, random, 4);
                first4 = random.nextBoolean();
            }
            if (k % 5 == 1) {
                nal(au, first4, 0x06); // SEI
                payload(au, random, random.nextInt(40));
                first4 = random.nextBoolean();
            }
            int slices = 1 + random.nextInt(3);
            for (int slice = 0; slice < slices; slice++) {
                // first_mb_in_slice is ue(v): 0, a leading 1 bit, begins a picture; later slices start elsewhere
                int first = slice == 0 ? 0x80 | random.nextInt(0x80) : 1 + random.nextInt(0x7F);
                nal(au, slice == 0 ? first4 : random.nextBoolean(), key ? 0x65 : 0x41);
                au.write(first);
                payload(au, random, random.nextInt(k % 7 == 0 ? 3000 : 400));
            }
            trailingZeros = k < 159 && random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 0;
            au.writeBytes(new byte[trailingZeros]); // trailing_zero_8bits belong to the unit they follow
            units.add(au.toByteArray());
            es.writeBytes(au.toByteArray());
        }
        ByteArrayOutputStream ps = new ByteArrayOutputStream();
        ps.writeBytes(new byte[] {0, 0, 1, (byte) 0xBA, 0x44, 0, 4, 0, 4, 1, 1, (byte) 0x89, (byte) 0xC3,
            (byte) 0xF8});
        byte[] video = es.toByteArray();
        for (int i = 0; i < video.length; ) {
            int n = Math.min(1 + random.nextInt(5000), video.length - i);
            byte[] body = new byte[3 + n];
            body[0] = (byte) 0x80; // MPEG-2 PES header, no PTS
            System.arraycopy(video, i, body, 3, n);
            ps.writeBytes(pes(0xE0, body));
            i += n;
        }
        byte[] stream = ps.toByteArray();

        Result sliced = demux(stream, random, PsDemuxer.DEFAULT_MAX_FRAME_SIZE);
        List<MediaFrame> bytewise = new ArrayList<>();
        PsDemuxer demuxer = new PsDemuxer(bytewise::add);
        for (byte b : stream) {
            demuxer.feed(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        demuxer.frameEnd();
        demuxer.close();

        assertThat(sliced.frames).hasSize(units.size());
        for (int k = 0; k < units.size(); k++) {
            assertThat(sliced.frames.get(k).data()).as("access unit %d", k).isEqualTo(units.get(k));
            assertThat(sliced.frames.get(k).keyFrame()).isEqualTo(k % 40 == 0);
        }
        assertThat(bytewise).isEqualTo(sliced.frames);
        assertThat(sliced.stats.droppedFrames()).isZero();
        assertThat(demuxBuffers(stream, new Random(18), false)).as("direct buffers").isEqualTo(sliced.frames);
        assertThat(demuxBuffers(stream, new Random(19), true)).as("composite buffers").isEqualTo(sliced.frames);
    }

    /**
     * Feeds {@code data} in chunks of 1..1400 bytes as pooled direct buffers starting inside their memory, or as
     * composite buffers of two such parts split anywhere (the scan reads them through one NIO view each).
     */
    private static List<MediaFrame> demuxBuffers(byte[] data, Random random, boolean composite) {
        List<MediaFrame> frames = new ArrayList<>();
        PsDemuxer demuxer = new PsDemuxer(frames::add);
        List<ByteBuf> fed = new ArrayList<>();
        for (int i = 0; i < data.length; ) {
            int n = Math.min(1 + random.nextInt(1400), data.length - i);
            ByteBuf chunk;
            if (composite) {
                int cut = random.nextInt(n + 1);
                chunk = Unpooled.compositeBuffer().addComponents(true, direct(data, i, cut, random),
                        direct(data, i + cut, n - cut, random));
            } else {
                chunk = direct(data, i, n, random);
            }
            fed.add(chunk);
            demuxer.feed(chunk);
            chunk.release();
            i += n;
        }
        demuxer.frameEnd();
        demuxer.close();
        assertThat(fed).as("every fed buffer is released").allSatisfy(b -> assertThat(b.refCnt()).isZero());
        return frames;
    }

    private static ByteBuf direct(byte[] data, int from, int length, Random random) {
        int skip = random.nextInt(8);
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(skip + length);
        buf.writerIndex(skip).writeBytes(data, from, length);
        return buf.readerIndex(skip);
    }

    /** A 3- or 4-byte start code and the NAL header byte. */
    private static void nal(ByteArrayOutputStream out, boolean fourBytes, int header) {
        if (fourBytes) {
            out.write(0);
        }
        out.writeBytes(new byte[] {0, 0, 1, (byte) header});
    }

    /**
     * Payload bytes rich in zeros, with emulation prevention (a 0x03 after two zeros where the next byte
     * would be 0..3, H.264 §7.4.1), ending with a non-zero byte (the rbsp_stop_one_bit).
     */
    private static void payload(ByteArrayOutputStream out, Random random, int size) {
        int zeros = 0;
        for (int i = 0; i < size; i++) {
            int b = random.nextInt(6) == 0 ? 0 : random.nextInt(256);
            if (zeros >= 2 && b <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        out.write(0x80);
    }

    private Path makeStream(String source) throws IOException, InterruptedException {
        String[] ffmpegVideo = {"-f", "lavfi", "-i", TESTSRC, "-t", "2", "-g", "25", "-bf", "0", "-c:v"};
        return switch (source) {
            case "ffmpeg-h264" -> MediaTools.ffmpeg(dir, "x264.ps", concat(ffmpegVideo, "libx264", "-f", "mpeg"));
            case "ffmpeg-h265" -> MediaTools.ffmpeg(dir, "x265.ps",
                    concat(ffmpegVideo, "libx265", "-x265-params", "log-level=error", "-f", "mpeg"));
            case "ffmpeg-mpeg4" -> MediaTools.ffmpeg(dir, "m4v.ps", concat(ffmpegVideo, "mpeg4", "-f", "mpeg"));
            case "gst-h264" -> {
                Path out = dir.resolve("gst.ps");
                MediaTools.run(dir, "gst-launch-1.0", "-q", "videotestsrc", "num-buffers=50", "!",
                        "video/x-raw,width=320,height=240,framerate=25/1", "!", "x264enc", "key-int-max=25", "!",
                        "h264parse", "!", "mpegpsmux", "!", "filesink", "location=" + out);
                yield out;
            }
            default -> throw new IllegalArgumentException(source);
        };
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private record Result(List<MediaFrame> frames, PsDemuxerStats stats) {
    }

    private static Result demux(byte[] ps, Random random, int maxFrameSize) {
        List<MediaFrame> frames = new ArrayList<>();
        List<ByteBuf> fed = new ArrayList<>();
        PsDemuxer demuxer = new PsDemuxer(frames::add, maxFrameSize);
        feedChunks(demuxer, ps, random, fed);
        demuxer.frameEnd();
        demuxer.close();
        assertThat(fed).as("every fed buffer is released").allSatisfy(b -> assertThat(b.refCnt()).isZero());
        return new Result(frames, demuxer.stats());
    }

    /** Feeds {@code data} in chunks of 1..1400 bytes, each its own buffer, released after feed like Netty does. */
    private static void feedChunks(PsDemuxer demuxer, byte[] data, Random random, List<ByteBuf> fed) {
        int i = 0;
        while (i < data.length) {
            int n = Math.min(1 + random.nextInt(1400), data.length - i);
            ByteBuf chunk = Unpooled.wrappedBuffer(data, i, n);
            fed.add(chunk);
            demuxer.feed(chunk);
            chunk.release();
            i += n;
        }
    }

    private static byte[] concat(List<MediaFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.data()));
        return out.toByteArray();
    }

    /** Where the PS carried a PTS for an access unit, it is the one ffprobe reports for that packet. */
    private static void assertPtsMatchFfprobe(List<MediaFrame> frames, List<Long> ffprobePts) {
        assertThat(ffprobePts).hasSameSizeAs(frames);
        int withPts = 0;
        for (int i = 0; i < frames.size(); i++) {
            MediaFrame frame = frames.get(i);
            if (frame.pts() >= 0) {
                withPts++;
                assertThat(frame.pts()).as("pts of frame %d", i).isEqualTo(ffprobePts.get(i));
                assertThat(frame.dts()).isLessThanOrEqualTo(frame.pts());
            }
        }
        assertThat(withPts).isGreaterThan(frames.size() / 2);
    }

    /**
     * A PSM mapping 0xE2 to H.264 and 0xC0 to G.711A whose first entry claims 0x40 descriptor bytes it does
     * not have (ISO/IEC 13818-1 §2.5.4.1; the fault Annex C devices are known for).
     */
    private static byte[] psmWithWrongInfoLength() {
        byte[] body = {
            (byte) 0x80, 0x01, 0x00, 0x00, // current_next, version, marker; program_stream_info_length 0
            0x00, 0x08, // elementary_stream_map_length
            0x1B, (byte) 0xE2, 0x00, 0x40, // H.264 on 0xE2, wrong elementary_stream_info_length
            (byte) 0x90, (byte) 0xC0, 0x00, 0x00, // G.711A on 0xC0
            0x11, 0x22, 0x33, 0x44 // CRC_32 (not checked)
        };
        return pes(0xBC, body);
    }

    private static byte[] privateStream(int n) {
        byte[] body = new byte[64 + n % 50];
        new Random(n).nextBytes(body);
        body[10] = 0;
        body[11] = 0;
        body[12] = 1;
        body[13] = (byte) 0xE2; // a fake video start code inside the private data
        return pes(0xBD, body);
    }

    private static byte[] audioPes(byte[] alaw, long pts) {
        byte[] body = new byte[8 + alaw.length];
        body[0] = (byte) 0x80;
        body[1] = (byte) 0x80; // PTS only
        body[2] = 5;
        body[3] = (byte) (0x21 | ((pts >> 29) & 0x0E));
        body[4] = (byte) (pts >> 22);
        body[5] = (byte) (((pts >> 14) & 0xFE) | 1);
        body[6] = (byte) (pts >> 7);
        body[7] = (byte) (((pts << 1) & 0xFE) | 1);
        System.arraycopy(alaw, 0, body, 8, alaw.length);
        return pes(0xC0, body);
    }

    private static byte[] pes(int streamId, byte[] body) {
        byte[] pes = new byte[6 + body.length];
        pes[2] = 1;
        pes[3] = (byte) streamId;
        pes[4] = (byte) (body.length >> 8);
        pes[5] = (byte) body.length;
        System.arraycopy(body, 0, pes, 6, body.length);
        return pes;
    }
}
