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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * x.ps [chunk=1400] [repetitions=1] [out.h264|-] [--pipeline] [--read=64k] [--write=256k]}. With {@code -}
 * (the default) frames are only counted. Each repetition is timed on its own, in wall and in this thread's CPU
 * time (steadier on a shared machine); the first includes JIT warm-up, later ones show the steady state.
 *
 * <p>{@code --pipeline} spreads the work over the cores, as a receiver would read its socket, demux and
 * record on different threads: a reader thread fills the recycled read buffers, this thread only demuxes them,
 * and a writer thread copies the frames into its output buffer and makes the write system calls; bounded
 * queues hand the read buffers and batches of frames to and fro, so the threads meet once per buffer or batch,
 * not per frame. Wall time then shrinks while CPU time stays about the same (docs/performance.md).
 */
public final class PsDemuxThroughput {

    /** Bytes read from the file at a time into one buffer, as a receiver reads datagrams. */
    private static final int READ_SIZE = 64 * 1024;
    /** Read buffers handed to the demuxing thread at most at a time in the pipelined mode. */
    private static final int READ_AHEAD = 4;
    /** Output buffers of the pipelined mode: filled by the demuxing thread, written by the writer thread. */
    private static final int WRITE_BEHIND = 4;
    /** End of the file, from the reader thread. */
    private static final ByteBuf END_OF_READS = Unpooled.EMPTY_BUFFER;
    /**
     * Output buffer: one write system call per 256 KiB. Larger costs more (the kernel's copy into the page
     * cache then reads from beyond the CPU caches), smaller buys nothing (docs/performance.md).
     */
    private static final int WRITE_SIZE = 256 * 1024;

    private PsDemuxThroughput() {
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean pipeline = false;
        int readSize = READ_SIZE;
        int writeSize = WRITE_SIZE;
        for (String arg : args) {
            if (arg.equals("--pipeline")) {
                pipeline = true;
            } else if (arg.startsWith("--read=")) {
                readSize = bytes(arg.substring("--read=".length()));
            } else if (arg.startsWith("--write=")) {
                writeSize = bytes(arg.substring("--write=".length()));
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            System.err.println("usage: PsDemuxThroughput x.ps [chunk=1400] [repetitions=1] [out.h264|-]"
                    + " [--pipeline] [--read=64k] [--write=256k]");
            System.exit(2);
        }
        Path file = Path.of(positional.get(0));
        int chunk = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 1400;
        int repetitions = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 1;
        Path output = positional.size() > 3 && !"-".equals(positional.get(3)) ? Path.of(positional.get(3)) : null;
        Options options = new Options(chunk, readSize, writeSize, pipeline);

        long size = Files.size(file);
        System.out.printf("%s: %,d bytes; %s, %d-byte slices of %d-byte reads, %d-byte writes%s%n", file, size,
                output == null ? "counting sink" : "writing " + output, chunk, readSize, writeSize,
                pipeline ? ", pipelined (reader, demuxer and writer threads)" : "");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] mbPerSecond = new double[repetitions];
        double[] mbPerCpuSecond = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Result result = pipeline ? pipelined(file, options, output)
                    : output == null ? run(file, options, new Counting()) : write(file, options, output);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            mbPerSecond[r] = size / 1e6 / seconds;
            mbPerCpuSecond[r] = size / 1e6 / cpu;
            PsDemuxerStats s = result.stats;
            System.out.printf("run %d: %.3f s, %.1f MB/s; thread CPU %.3f s, %.1f MB/CPU-s; %,.0f frames/s;"
                            + " %,d video frames (%,d bytes), %,d audio, %,d dropped, %,d malformed%s%n", r + 1,
                    seconds, mbPerSecond[r], cpu, mbPerCpuSecond[r], s.videoFrames() / seconds, s.videoFrames(),
                    result.videoBytes, s.audioFrames(), s.droppedFrames(), s.malformed(),
                    pipeline ? String.format("; reader CPU %.3f s, writer CPU %.3f s", result.readerCpu / 1e9,
                            result.writerCpu / 1e9) : "");
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

    /** {@code bytes}, {@code 64k} or {@code 1m}. */
    private static int bytes(String size) {
        String s = size.toLowerCase();
        int unit = s.endsWith("k") ? 1024 : s.endsWith("m") ? 1024 * 1024 : 1;
        return Integer.parseInt(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    private static FileChannel create(Path output) throws IOException {
        return FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static Result write(Path file, Options options, Path output) throws IOException {
        try (FileChannel channel = create(output)) {
            Writing writing = new Writing(channel, options.writeSize);
            Result result = run(file, options, writing);
            writing.flush();
            return result;
        }
    }

    private static void feed(PsDemuxer demuxer, ByteBuf read, int chunk) {
        int n = read.writerIndex();
        for (int i = 0; i < n; i += chunk) {
            demuxer.feed(read.slice(i, Math.min(chunk, n - i)));
        }
    }

    private static Result run(Path file, Options options, Sink sink) throws IOException {
        PsDemuxer demuxer = new PsDemuxer(sink);
        ReadBuffers buffers = new ReadBuffers(options.readSize);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            while (true) {
                ByteBuf read = buffers.next();
                int n = read.writeBytes(in, position, options.readSize);
                if (n <= 0) {
                    break;
                }
                position += n;
                feed(demuxer, read, options.chunk);
            }
            demuxer.frameEnd();
            return new Result(demuxer.stats(), sink.videoBytes(), 0, 0);
        } finally {
            demuxer.close();
            buffers.release();
        }
    }

    /**
     * Reader thread -> {@code filled} -> this thread's demuxer -> {@code frames} -> writer thread (or a count
     * when {@code output} is null); the demuxer thread hands a read buffer back through {@code free} once the
     * demuxer has released every slice of it, and adds a buffer when all are held (a frame spanning them).
     */
    private static Result pipelined(Path file, Options options, Path output) throws IOException {
        int capacity = 64;
        BlockingQueue<ByteBuf> free = new ArrayBlockingQueue<>(capacity);
        BlockingQueue<ByteBuf> filled = new ArrayBlockingQueue<>(capacity);
        List<ByteBuf> all = new ArrayList<>();
        for (int k = 0; k < READ_AHEAD; k++) {
            ByteBuf buf = Unpooled.directBuffer(options.readSize);
            all.add(buf);
            free.add(buf);
        }
        Reader reader = new Reader(file, options.readSize, free, filled);
        Thread readerThread = new Thread(reader, "ps-reader");
        readerThread.setDaemon(true); // a demuxing failure leaves it waiting for a free buffer: never block exit
        readerThread.start();
        FileChannel channel = output == null ? null : create(output);
        PipedWriting sink = new PipedWriting(channel, options.writeSize);
        Thread writerThread = new Thread(sink, "ps-writer");
        writerThread.setDaemon(true);
        writerThread.start();
        PsDemuxer demuxer = new PsDemuxer(sink);
        List<ByteBuf> held = new ArrayList<>();
        try {
            while (true) {
                ByteBuf read = filled.take();
                if (read == END_OF_READS) {
                    break;
                }
                feed(demuxer, read, options.chunk);
                held.add(read);
                for (int k = 0; k < held.size(); ) {
                    if (held.get(k).refCnt() == 1) {
                        free.add(held.remove(k).clear());
                    } else {
                        k++;
                    }
                }
                if (held.size() == all.size()) {
                    ByteBuf buf = Unpooled.directBuffer(options.readSize);
                    all.add(buf);
                    free.add(buf);
                }
            }
            demuxer.frameEnd();
            sink.end();
            writerThread.join();
            readerThread.join();
            if (reader.failure != null) {
                throw reader.failure;
            }
            if (sink.failure != null) {
                throw sink.failure;
            }
            return new Result(demuxer.stats(), sink.videoBytes(), reader.cpu, sink.cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            demuxer.close();
            all.forEach(ByteBuf::release);
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** Fills the free read buffers from the file in order; then hands over {@link #END_OF_READS}. */
    private static final class Reader implements Runnable {
        private final Path file;
        private final int readSize;
        private final BlockingQueue<ByteBuf> free;
        private final BlockingQueue<ByteBuf> filled;
        volatile IOException failure;
        volatile long cpu;

        Reader(Path file, int readSize, BlockingQueue<ByteBuf> free, BlockingQueue<ByteBuf> filled) {
            this.file = file;
            this.readSize = readSize;
            this.free = free;
            this.filled = filled;
        }

        @Override
        public void run() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long position = 0;
                while (true) {
                    ByteBuf read = free.take();
                    int n = read.writeBytes(in, position, readSize);
                    if (n <= 0) {
                        break;
                    }
                    position += n;
                    filled.put(read);
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                filled.add(END_OF_READS);
            }
        }
    }

    /**
     * The demuxer's sink in the pipelined mode: collects the video frames' arrays into batches of about one
     * output buffer and hands each batch to the writer thread, which copies the frames into its direct buffer
     * and makes the write system calls (the kernel's copy into the page cache), then hands the emptied batch
     * back: the demuxing thread only demuxes, and the threads meet once per batch, not per frame. Without a
     * file it only counts. The first write failure is kept and the rest drained, so the demuxing thread never
     * blocks on a dead writer.
     */
    private static final class PipedWriting implements Sink, Runnable {
        private static final List<byte[]> END = List.of();
        private final BlockingQueue<List<byte[]>> full = new ArrayBlockingQueue<>(WRITE_BEHIND);
        private final BlockingQueue<List<byte[]>> empty = new ArrayBlockingQueue<>(WRITE_BEHIND);
        private final FileChannel channel;
        private final int writeSize;
        private List<byte[]> batch = new ArrayList<>();
        private long batchBytes;
        private long bytes;
        volatile IOException failure;
        volatile long cpu;

        PipedWriting(FileChannel channel, int writeSize) {
            this.channel = channel;
            this.writeSize = writeSize;
            for (int k = 0; k < WRITE_BEHIND - 1; k++) {
                empty.add(new ArrayList<>());
            }
        }

        @Override
        public void accept(MediaFrame frame) {
            if (!frame.codec().isVideo()) {
                return;
            }
            byte[] data = frame.data();
            bytes += data.length;
            if (channel == null) {
                return;
            }
            batch.add(data);
            batchBytes += data.length;
            if (batchBytes >= writeSize) {
                try {
                    full.put(batch);
                    batch = empty.take();
                    batchBytes = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void end() throws InterruptedException {
            if (!batch.isEmpty()) {
                full.put(batch);
            }
            full.put(END);
        }

        @Override
        public void run() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            Writing out = channel == null ? null : new Writing(channel, writeSize);
            try {
                for (List<byte[]> frames = full.take(); frames != END; frames = full.take()) {
                    for (byte[] data : frames) {
                        write(out, data);
                    }
                    frames.clear();
                    empty.put(frames);
                }
                if (out != null && failure == null) {
                    out.flush();
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }

        /** Appends a frame unless a write failed before: the rest is only drained. */
        private void write(Writing out, byte[] data) {
            if (failure == null) {
                try {
                    out.append(data);
                } catch (IOException e) {
                    failure = e;
                }
            }
        }

        @Override
        public long videoBytes() {
            return bytes;
        }
    }

    private record Options(int chunk, int readSize, int writeSize, boolean pipeline) {
    }

    /**
     * Direct read buffers, each refilled once the demuxer has released every slice it retained of it (its
     * reference count is back to this holder's one); a new one is added only when all are still held. A
     * frame spanning n reads keeps about n of them, so a few suffice. Recycling them keeps the memory the
     * demuxer reads warm in the cache and never returns it to the system, as a receiver's buffer pool would.
     */
    private static final class ReadBuffers {
        private final List<ByteBuf> ring = new ArrayList<>();
        private final int readSize;
        private int next;

        ReadBuffers(int readSize) {
            this.readSize = readSize;
        }

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
            ByteBuf buf = Unpooled.directBuffer(readSize);
            ring.add(buf);
            next = 0;
            return buf;
        }

        void release() {
            ring.forEach(ByteBuf::release);
            ring.clear();
        }
    }

    private record Result(PsDemuxerStats stats, long videoBytes, long readerCpu, long writerCpu) {
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
        private final ByteBuffer buffer;
        private long bytes;

        Writing(FileChannel channel, int writeSize) {
            this.channel = channel;
            this.buffer = ByteBuffer.allocateDirect(writeSize);
        }

        @Override
        public void accept(MediaFrame frame) {
            if (!frame.codec().isVideo()) {
                return;
            }
            byte[] data = frame.data();
            try {
                append(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes += data.length;
        }

        /** Copies {@code data} into the buffer, writing the buffer out each time it is full. */
        void append(byte[] data) throws IOException {
            for (int off = 0; off < data.length; ) {
                int n = Math.min(buffer.remaining(), data.length - off);
                buffer.put(data, off, n);
                off += n;
                if (!buffer.hasRemaining()) {
                    flush();
                }
            }
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
