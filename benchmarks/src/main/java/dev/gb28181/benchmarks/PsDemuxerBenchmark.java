package dev.gb28181.benchmarks;

import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.ps.PsDemuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

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

    /** The PS of {@link #FRAMES} H.264-shaped access units (6 Mbit/s at 25 fps, see {@link GeneratedPs}). */
    static byte[] generate() {
        return GeneratedPs.h264(FRAMES, GOP, 65_000, 5_000, 25_000, 10_000).bytes();
    }
}
