package dev.gb28181.benchmarks;

import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.ps.PsDemuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Steady-state {@link PsDemuxer} throughput inside one JVM: one operation demuxes a whole in-memory
 * GB/T 28181 PS (GB/T 28181-2016 §9.2, Annex C: pack header, PSM before each key frame, H.264 in MPEG-2
 * PES of at most 64 KiB) fed in RTP-payload-sized slices. The stream is generated here (10 s of 25 fps
 * H.264-shaped access units, an SPS/PPS/IDR every 50 frames, about 6 Mbit/s) so the benchmark needs no
 * media file; its size is printed at setup, so MB/s = ops/s x size, and B/op divided by the 250 frames is
 * the allocation per frame (the frame's own array is most of it). Whole-process figures against ffmpeg
 * come from {@link PsDemuxThroughput}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PsDemuxerBenchmark {

    static final int FRAMES = 250;
    private static final int GOP = 50;
    private static final int MAX_PES_PAYLOAD = 65_400;
    private static final byte[] PACK_HEADER = {0, 0, 1, (byte) 0xBA, 0x44, 0, 4, 0, 4, 1, 1, (byte) 0x89,
        (byte) 0xC3, (byte) 0xF8};
    /** PSM: one H.264 (0x1B) stream, id 0xE0, no descriptors, CRC not checked by receivers. */
    private static final byte[] PSM = {0, 0, 1, (byte) 0xBC, 0, 14, (byte) 0xE0, (byte) 0xFF, 0, 0, 0, 4, 0x1B,
        (byte) 0xE0, 0, 0, 0, 0, 0, 0};

    /** RTP payload size: 1400 is what GB/T 28181 cameras send over UDP. */
    @Param({"1400"})
    public int chunk;

    private ByteBuf stream;

    @Setup(Level.Trial)
    public void setUp() {
        stream = Unpooled.wrappedBuffer(generate());
        long[] video = new long[2];
        try (PsDemuxer demuxer = new PsDemuxer(frame -> {
            video[0]++;
            video[1] += frame.data().length;
        })) {
            feed(demuxer);
        }
        if (video[0] != FRAMES) {
            throw new IllegalStateException("demuxed " + video[0] + " frames of " + FRAMES);
        }
        System.out.printf("%n[PsDemuxerBenchmark] stream: %,d bytes, %d frames, %,d bytes of access units%n",
                stream.readableBytes(), FRAMES, video[1]);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        stream.release();
    }

    @Benchmark
    public void demux(Blackhole blackhole) {
        Consumer<MediaFrame> sink = blackhole::consume;
        try (PsDemuxer demuxer = new PsDemuxer(sink)) {
            feed(demuxer);
            blackhole.consume(demuxer.stats().videoFrames());
        }
    }

    /** Feeds the stream in {@link #chunk}-byte slices, as RTP payloads; the demuxer retains what it keeps. */
    private void feed(PsDemuxer demuxer) {
        int end = stream.writerIndex();
        for (int i = 0; i < end; i += chunk) {
            demuxer.feed(stream.slice(i, Math.min(chunk, end - i)));
        }
        demuxer.frameEnd();
    }

    /** The PS of {@link #FRAMES} H.264-shaped access units with random slice data (no start-code emulation). */
    static byte[] generate() {
        SplittableRandom random = new SplittableRandom(28181);
        ByteArrayOutputStream ps = new ByteArrayOutputStream(8 << 20);
        for (int f = 0; f < FRAMES; f++) {
            boolean key = f % GOP == 0;
            ByteArrayOutputStream au = new ByteArrayOutputStream(key ? 70_000 : 30_000);
            nal(au, random, 0x09, 2); // AUD
            if (key) {
                nal(au, random, 0x67, 24); // SPS
                nal(au, random, 0x68, 4); // PPS
                nal(au, random, 0x65, 60_000 + random.nextInt(10_000)); // IDR slice
            } else {
                nal(au, random, 0x41, 15_000 + random.nextInt(20_000)); // non-IDR slice
            }
            ps.writeBytes(PACK_HEADER);
            if (key) {
                ps.writeBytes(PSM);
            }
            pes(ps, au.toByteArray(), f * 3600L);
        }
        return ps.toByteArray();
    }

    private static void nal(ByteArrayOutputStream au, SplittableRandom random, int header, int length) {
        au.writeBytes(new byte[] {0, 0, 0, 1, (byte) header});
        for (int i = 0; i < length; i++) {
            // first_mb_in_slice = 0 (top bit set) so each slice starts an access unit; no zero bytes at all
            au.write(i == 0 ? 0x80 | random.nextInt(0x80) : 1 + random.nextInt(255));
        }
    }

    private static void pes(ByteArrayOutputStream ps, byte[] au, long pts) {
        for (int off = 0; off < au.length; off += MAX_PES_PAYLOAD) {
            int n = Math.min(MAX_PES_PAYLOAD, au.length - off);
            boolean first = off == 0;
            int header = first ? 5 : 0;
            int length = 3 + header + n;
            ps.writeBytes(new byte[] {0, 0, 1, (byte) 0xE0, (byte) (length >> 8), (byte) length, (byte) 0x80,
                (byte) (first ? 0x80 : 0), (byte) header});
            if (first) {
                ps.writeBytes(new byte[] {(byte) (0x21 | ((pts >> 29) & 0x0E)), (byte) (pts >> 22),
                    (byte) (((pts >> 14) & 0xFE) | 1), (byte) (pts >> 7), (byte) (((pts << 1) & 0xFE) | 1)});
            }
            ps.write(au, off, n);
        }
    }
}
