package dev.gb28181.benchmarks;

import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.ps.PsDemuxer;
import dev.gb28181.media.ps.PsDemuxerStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whole-process PS demux throughput, the figure compared with {@code ffmpeg -i x.ps -map 0:v -c copy -f h264}
 * (issue 5, docs/performance.md "PS demuxer"): the MPEG-2 Program Stream of GB/T 28181-2016 §9.2 / Annex C is
 * read into 64 KiB direct buffers that are reused once the demuxer has released them (as a receiver reads
 * datagrams into recycled buffers), cut into RTP-payload-sized slices without copying and pushed through one
 * {@link PsDemuxer}, which retains the buffers it still needs; every video access unit leaves to a sink that
 * either appends it to an Annex-B file, as ffmpeg writes its {@code .h264} (comparable byte for byte), or
 * only counts it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gb28181.benchmarks.PsDemuxThroughput
 * x.ps [chunk=1400] [repetitions=1] [out.h264|-]}. With {@code -} (the default) frames are only counted.
 * Each repetition is timed on its own, in wall and in this thread's CPU time (steadier on a shared machine);
 * the first includes JIT warm-up, later ones show the steady state.
 */
public final class PsDemuxThroughput {

    /** Bytes read from the file at a time into one buffer, as a receiver reads datagrams. */
    private static final int READ_SIZE = 64 * 1024;
    /**
     * Output buffer: one write system call per 256 KiB. Larger costs more (the kernel's copy into the page
     * cache then reads from beyond the CPU caches), smaller buys nothing (docs/performance.md).
     */
    private static final int WRITE_SIZE = 256 * 1024;

    private PsDemuxThroughput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: PsDemuxThroughput x.ps [chunk=1400] [repetitions=1] [out.h264|-]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 1400;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path output = args.length > 3 && !"-".equals(args[3]) ? Path.of(args[3]) : null;

        long size = Files.size(file);
        System.out.printf("%s: %,d bytes; %s, %d-byte slices of %d-byte reads%n", file, size,
                output == null ? "counting sink" : "writing " + output, chunk, READ_SIZE);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] mbPerSecond = new double[repetitions];
        double[] mbPerCpuSecond = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Result result = output == null ? run(file, chunk, new Counting()) : write(file, chunk, output);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            mbPerSecond[r] = size / 1e6 / seconds;
            mbPerCpuSecond[r] = size / 1e6 / cpu;
            PsDemuxerStats s = result.stats;
            System.out.printf("run %d: %.3f s, %.1f MB/s; thread CPU %.3f s, %.1f MB/CPU-s; %,.0f frames/s;"
                            + " %,d video frames (%,d bytes), %,d audio, %,d dropped, %,d malformed%n", r + 1,
                    seconds, mbPerSecond[r], cpu, mbPerCpuSecond[r], s.videoFrames() / seconds, s.videoFrames(),
                    result.videoBytes, s.audioFrames(), s.droppedFrames(), s.malformed());
        }
        if (repetitions > 2) {
            System.out.printf("steady state (runs 2..%d): %s MB/s, %s MB/CPU-s%n", repetitions,
                    steady(mbPerSecond), steady(mbPerCpuSecond));
        }
    }

    /** Median and best of runs 2..N. */
    private static String steady(double[] perRun) {
        double[] steady = Arrays.copyOfRange(perRun, 1, perRun.length);
        Arrays.sort(steady);
        return String.format("median %.1f, best %.1f", steady[steady.length / 2], steady[steady.length - 1]);
    }

    private static Result write(Path file, int chunk, Path output) throws IOException {
        try (FileChannel channel = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            Writing writing = new Writing(channel);
            Result result = run(file, chunk, writing);
            writing.flush();
            return result;
        }
    }

    private static Result run(Path file, int chunk, Sink sink) throws IOException {
        PsDemuxer demuxer = new PsDemuxer(sink);
        ReadBuffers buffers = new ReadBuffers();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            while (true) {
                ByteBuf read = buffers.next();
                int n = read.writeBytes(in, position, READ_SIZE);
                if (n <= 0) {
                    break;
                }
                position += n;
                for (int i = 0; i < n; i += chunk) {
                    demuxer.feed(read.slice(i, Math.min(chunk, n - i)));
                }
            }
            demuxer.frameEnd();
            return new Result(demuxer.stats(), sink.videoBytes());
        } finally {
            demuxer.close();
            buffers.release();
        }
    }

    /**
     * Direct read buffers, each refilled once the demuxer has released every slice it retained of it (its
     * reference count is back to this holder's one); a new one is added only when all are still held. A
     * frame spanning n reads keeps about n of them, so a few suffice. Recycling them keeps the memory the
     * demuxer reads warm in the cache and never returns it to the system, as a receiver's buffer pool would.
     */
    private static final class ReadBuffers {
        private final List<ByteBuf> ring = new ArrayList<>();
        private int next;

        ByteBuf next() {
            int size = ring.size();
            for (int k = 0; k < size; k++) {
                int at = (next + k) % size;
                ByteBuf buf = ring.get(at);
                if (buf.refCnt() == 1) {
                    next = (at + 1) % size;
                    return buf.clear();
                }
            }
            ByteBuf buf = Unpooled.directBuffer(READ_SIZE);
            ring.add(buf);
            next = 0;
            return buf;
        }

        void release() {
            ring.forEach(ByteBuf::release);
            ring.clear();
        }
    }

    private record Result(PsDemuxerStats stats, long videoBytes) {
    }

    private interface Sink extends Consumer<MediaFrame> {
        long videoBytes();
    }

    /** Counts the video bytes, touching each frame as a consumer would. */
    private static final class Counting implements Sink {
        private long bytes;

        @Override
        public void accept(MediaFrame frame) {
            if (frame.codec().isVideo()) {
                bytes += frame.data().length;
            }
        }

        @Override
        public long videoBytes() {
            return bytes;
        }
    }

    /**
     * Appends each video access unit to the file through a 256 KiB direct buffer (as {@code ffmpeg -f h264}
     * writes its elementary stream through its I/O buffer, of 32 KiB): one copy, one write system call per
     * 256 KiB.
     */
    private static final class Writing implements Sink {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(WRITE_SIZE);
        private long bytes;

        Writing(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void accept(MediaFrame frame) {
            if (!frame.codec().isVideo()) {
                return;
            }
            byte[] data = frame.data();
            try {
                for (int off = 0; off < data.length; ) {
                    int n = Math.min(buffer.remaining(), data.length - off);
                    buffer.put(data, off, n);
                    off += n;
                    if (!buffer.hasRemaining()) {
                        flush();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes += data.length;
        }

        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public long videoBytes() {
            return bytes;
        }
    }
}
