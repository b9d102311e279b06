package dev.gb28181.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends every simulated stream's frames in real time, 25 per second as GB/T 28181 cameras do, on a
 * few threads rather than a thread per stream: each thread owns every {@code threads}-th stream and
 * sends each one's next frame when it is due, frame by frame in due order. Stream {@code i} of
 * {@code n} is due at {@code i/n} of the 40 ms period, so the streams' frames are spread evenly over
 * the period as independent cameras' would be, instead of all arriving in one burst. A thread that
 * cannot keep up sends late (never skips a frame); how late is measured.
 */
final class PacedSenders implements AutoCloseable {

    static final String THREAD_PREFIX = "media-load-sender";
    static final long PERIOD = TimeUnit.MILLISECONDS.toNanos(40);
    private static final int UDP_SEND_BUFFER = 4 * 1024 * 1024;

    private final RtpFrames frames;
    private final int totalStreams;
    private final long epoch = System.nanoTime();
    private final Sender[] senders;
    private volatile boolean running = true;

    PacedSenders(RtpFrames frames, int threads, int totalStreams, String localHost) {
        this.frames = frames;
        this.totalStreams = totalStreams;
        this.senders = new Sender[threads];
        try {
            for (int t = 0; t < threads; t++) {
                DatagramChannel udp = DatagramChannel.open()
                        .setOption(StandardSocketOptions.SO_SNDBUF, UDP_SEND_BUFFER)
                        .bind(new InetSocketAddress(localHost, 0));
                senders[t] = new Sender(udp, THREAD_PREFIX + "-" + t);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open the senders' UDP sockets", e);
        }
        for (Sender sender : senders) {
            sender.thread.start();
        }
    }

    /** The UDP port stream {@code index} sends from (the device's media port in its SDP answer). */
    int udpPort(int index) {
        try {
            return ((InetSocketAddress) senders[index % senders.length].udp.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts sending {@code stream} at its next due time, from frame 0 (a key frame). */
    void add(SimulatedStream stream) {
        long phase = PERIOD * stream.index / totalStreams;
        long now = System.nanoTime();
        long periods = Math.max(0, (now - epoch - phase + PERIOD - 1) / PERIOD);
        stream.nextDue = epoch + phase + periods * PERIOD;
        senders[stream.index % senders.length].added.add(stream);
    }

    /** Frames sent so far by every thread. */
    long framesSent() {
        long sum = 0;
        for (Sender sender : senders) {
            sum += sender.frames.get();
        }
        return sum;
    }

    /** Stops every thread after the frame it is sending and waits for them: the streams' counters are final. */
    Lateness stop() throws InterruptedException {
        running = false;
        long max = 0;
        long late = 0;
        long errors = 0;
        for (Sender sender : senders) {
            if (sender != null) {
                sender.thread.join();
                max = Math.max(max, sender.maxLateness);
                late += sender.latePeriods;
                errors += sender.errors;
            }
        }
        return new Lateness(max, late, errors);
    }

    @Override
    public void close() {
        running = false;
        for (Sender sender : senders) {
            if (sender != null) {
                try {
                    sender.udp.close();
                } catch (IOException e) {
                    // nothing left to send
                }
            }
        }
    }

    /**
     * How far the senders fell behind real time.
     *
     * @param maxNanos    the most a frame was sent after its due time
     * @param lateFrames  frames sent a whole period (40 ms) or more late
     * @param sendErrors  streams that stopped on a send error (connection closed by the platform)
     */
    record Lateness(long maxNanos, long lateFrames, long sendErrors) {
    }

    private final class Sender implements Runnable {
        final DatagramChannel udp;
        final Thread thread;
        final ConcurrentLinkedQueue<SimulatedStream> added = new ConcurrentLinkedQueue<>();
        final AtomicLong frames = new AtomicLong();
        final ByteBuffer buffer;
        final PriorityQueue<SimulatedStream> due = new PriorityQueue<>(Comparator.comparingLong(s -> s.nextDue));
        long maxLateness;
        long latePeriods;
        long errors;

        Sender(DatagramChannel udp, String name) {
            this.udp = udp;
            this.buffer = ByteBuffer.allocateDirect(Math.max(RtpFrames.TCP_PREFIX + RtpFrames.HEADER + 65_536,
                    PacedSenders.this.frames.maxFrameBytes()));
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                SimulatedStream s;
                while ((s = added.poll()) != null) {
                    due.add(s);
                }
                SimulatedStream next = due.peek();
                long now = System.nanoTime();
                if (next == null || next.nextDue > now) {
                    LockSupport.parkNanos(next == null ? 1_000_000 : Math.min(1_000_000, next.nextDue - now));
                    continue;
                }
                due.poll();
                long lateness = now - next.nextDue;
                maxLateness = Math.max(maxLateness, lateness);
                if (lateness >= PERIOD) {
                    latePeriods++;
                }
                try {
                    next.sendFrame(PacedSenders.this.frames, buffer, udp);
                    frames.incrementAndGet();
                    next.nextDue += PERIOD;
                    due.add(next);
                } catch (IOException e) {
                    errors++; // the platform closed the connection: the stream is not scheduled again
                }
            }
        }
    }
}
