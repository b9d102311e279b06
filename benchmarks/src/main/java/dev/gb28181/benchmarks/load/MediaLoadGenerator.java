package dev.gb28181.benchmarks.load;

import dev.gb28181.benchmarks.GeneratedPs;
import dev.gb28181.media.MediaPortAllocator;
import dev.gb28181.media.rtp.RtpStats;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.InviteRequest;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.MediaSessionEvent;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.sdp.MediaTransport;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.epoll.Epoll;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator for live media (GB/T 28181-2016 §9.2): a {@link Gb28181Platform} in this JVM INVITEs
 * N channels of one simulated NVR ({@link SimulatedNvr}) at a bounded rate, and the NVR's channels
 * stream a 25 fps PS over RTP (Annex C) in real time from a few sender threads ({@link PacedSenders})
 * over UDP, TCP passive or TCP active (RFC 4571), while a media listener counts the frames the
 * platform demultiplexes per session. Sender and platform share the machine, as the target asks.
 * After a warm-up it measures a steady window and prints: sessions established and the INVITE setup
 * time; frames sent and received per stream (a stream that lost one is reported); the platform's RTP
 * counters; the kernel's UDP drops; process CPU split into sender threads, the platform's RTP threads
 * and the rest (GC, JIT, SIP), per stream; heap and pooled direct memory per stream (after full GCs);
 * GC counts; the load average. Bounded in time; it stops by itself.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gb28181.benchmarks.load.MediaLoadGenerator \
 *     --streams 500 --transport udp --bitrate 2000000 --seconds 30
 * </pre>
 *
 * Options: {@code --streams N} (100), {@code --transport udp|tcp-passive|tcp-active} (udp),
 * {@code --bitrate} bit/s of each stream (2000000), {@code --seconds} of the measured window (30) after
 * {@code --warmup-seconds} (10), {@code --ramp} INVITEs per second (50) with at most {@code --inflight}
 * unanswered (32), {@code --sender-threads} (2), {@code --payload} PS bytes per RTP packet (1400),
 * {@code --gop} frames per key frame (50: 2 s), {@code --loop-seconds} of generated PS each stream loops
 * over (10), {@code --media-ports} first port of the platform's media range (20000; the range holds
 * N + 200 ports, below the kernel's ephemeral range), {@code --shared-port P} one UDP port for every
 * session, told apart by SSRC ({@code PlatformConfig.mediaSharedPort}; 0, the default: a port per session),
 * {@code --native true|false} the RTP threads on Netty's native epoll transport where available or on NIO
 * ({@code PlatformConfig.mediaNativeTransport}; true, the platform's default).
 */
public final class MediaLoadGenerator {

    private static final Set<String> OPTIONS = Set.of("streams", "transport", "bitrate", "seconds", "warmup-seconds",
            "ramp", "inflight", "sender-threads", "payload", "gop", "loop-seconds", "media-ports", "shared-port",
            "native");
    private static final String PLATFORM_ID = "34020000002000000001";
    private static final String PASSWORD = "gb28181-load";
    private static final String HOST = "127.0.0.1";
    private static final String RTP_THREAD_PREFIX = "gb28181-rtp";

    private final LoadOptions options;
    private final ProcessMeter meter = new ProcessMeter();
    /** Frames demultiplexed per session (Call-ID), counted by the media listener. */
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder keyFramesReceived = new LongAdder();
    /** The demuxer's counters of the ended sessions: sessions, video frames, dropped frames, RTP packets lost. */
    private final LongAdder[] ended = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    private MediaLoadGenerator(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new MediaLoadGenerator(LoadOptions.parse(args, OPTIONS)).run();
    }

    private void run() throws Exception {
        int streams = options.intValue("streams", 100);
        MediaTransport transport = MediaTransport.fromOptionName(options.string("transport", "udp"));
        int bitrate = options.intValue("bitrate", 2_000_000);
        int seconds = options.intValue("seconds", 30);
        int warmupSeconds = options.intValue("warmup-seconds", 10);
        int ramp = options.intValue("ramp", 50);
        int inflight = options.intValue("inflight", 32);
        int senderThreads = options.intValue("sender-threads", 2);
        int payload = options.intValue("payload", 1400);
        int gop = options.intValue("gop", 50);
        int loopSeconds = options.intValue("loop-seconds", 10);
        int firstPort = options.intValue("media-ports", 20_000);
        int sharedPort = options.intValue("shared-port", 0);
        boolean nativeTransport = options.booleanValue("native", true);

        GeneratedPs ps = GeneratedPs.ofBitrate(bitrate, loopSeconds, gop);
        RtpFrames frames = new RtpFrames(ps, payload);
        System.out.printf("camel-gb28181 media load: %d live streams over %s, %.2f Mbit/s of PS each (%d frames of "
                        + "%d bytes looped, key frame every %d), %d-byte RTP payloads (%.0f packets/s per stream), "
                        + "%d sender threads, INVITEs at %d/s%n", streams, transport.optionName(),
                ps.bytes().length * 8.0 / loopSeconds / 1e6, frames.frames(), ps.bytes().length, gop, payload,
                frames.packets() / (double) loopSeconds, senderThreads, ramp);
        System.out.printf("host: %d CPUs, %s %s, max heap %d MiB, net.core.rmem_max %s, load average %.2f%n",
                ProcessMeter.cpus(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, sysctl("net/core/rmem_max"), meter.loadAverage());
        System.out.printf("RTP threads: %s%n", !nativeTransport ? "NIO (--native false)"
                : Epoll.isAvailable() ? "native epoll" : "NIO (epoll unavailable: " + Epoll.unavailabilityCause() + ')');

        Gb28181Platform platform = new Gb28181Platform(new PlatformConfig()
                .sipId(PLATFORM_ID).domain(PLATFORM_ID.substring(0, 10)).host(HOST).port(0).password(PASSWORD)
                .mediaPortRange(new MediaPortAllocator.PortRange(firstPort, firstPort + streams + 199))
                .mediaSharedPort(sharedPort)
                .mediaNativeTransport(nativeTransport));
        platform.addMediaListener((session, frame) -> {
            received.computeIfAbsent(session.callId(), k -> new LongAdder()).increment();
            framesReceived.increment();
            if (frame.keyFrame()) {
                keyFramesReceived.increment();
            }
        });
        platform.addListener(event -> {
            if (event instanceof MediaSessionEvent e && MediaSessionEvent.SESSION_ENDED.equals(e.eventType())) {
                ended[1].add(e.videoFrames());
                ended[2].add(e.droppedFrames());
                ended[3].add(e.rtpLost());
                ended[0].increment();
            }
        });
        platform.start();
        ExecutorService opener = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "media-load-opener");
            t.setDaemon(true);
            return t;
        });
        try (PacedSenders senders = new PacedSenders(frames, senderThreads, streams, HOST);
                SimulatedNvr nvr = new SimulatedNvr(new InetSocketAddress(HOST, platform.sipPort()), PLATFORM_ID,
                        PASSWORD, transport, senders, HOST)) {
            nvr.start();
            long heapBefore = meter.settledHeap();
            long directBefore = usedDirect();
            long[] udpBefore = udpCounters();

            // ---- ramp: INVITE every channel at a bounded rate, start each stream once its session is up
            long[] setupNanos = new long[streams];
            AtomicInteger established = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Map<String, Integer> failures = new ConcurrentHashMap<>();
            Map<String, SimulatedStream> byCallId = new ConcurrentHashMap<>();
            Semaphore window = new Semaphore(inflight);
            long rampStart = System.nanoTime();
            for (int i = 0; i < streams; i++) {
                long due = rampStart + i * 1_000_000_000L / ramp;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                window.acquire();
                String channelId = SimulatedNvr.channelId(i);
                long sent = System.nanoTime();
                platform.invite(SimulatedNvr.DEVICE_ID, channelId, InviteRequest.play(transport))
                        .whenComplete((session, error) -> {
                            long took = System.nanoTime() - sent;
                            window.release();
                            if (error != null) {
                                failed.incrementAndGet();
                                failures.merge(error.getClass().getSimpleName() + ": " + error.getMessage(), 1,
                                        Integer::sum);
                                return;
                            }
                            opener.execute(() -> open(session, nvr, senders, byCallId, failed, failures,
                                    () -> setupNanos[established.getAndIncrement()] = took));
                        });
            }
            window.acquire(inflight);
            window.release(inflight);
            opener.submit(() -> { }).get();
            long rampNanos = System.nanoTime() - rampStart;
            int up = established.get();
            System.out.printf("%nsessions: %d of %d established, %d failed %s, in %.1f s (NVR refused %d)%n", up,
                    streams, failed.get(), failures, rampNanos / 1e9, nvr.refused());
            System.out.printf("  INVITE to established session (200, ACK, media socket open): %s%n",
                    Latencies.of(setupNanos, up));

            // ---- heap per stream, measured while streaming
            long heapStreaming = meter.settledHeap();
            long directStreaming = usedDirect();
            System.out.printf("%nheap after full GC: %d MiB before the sessions, %d MiB with %d streaming = %+.1f KiB per "
                            + "stream; pooled direct memory %+.1f KiB per stream (%d MiB in use); load average %.2f%n",
                    heapBefore >> 20, heapStreaming >> 20, up, (heapStreaming - heapBefore) / 1024.0 / Math.max(1, up),
                    (directStreaming - directBefore) / 1024.0 / Math.max(1, up), directStreaming >> 20,
                    meter.loadAverage());

            // ---- warm-up, then the measured window
            TimeUnit.SECONDS.sleep(warmupSeconds);
            Snapshot start = snapshot(senders, platform);
            TimeUnit.SECONDS.sleep(seconds);
            Snapshot end = snapshot(senders, platform);
            double sentRate = report(start, end);

            // ---- stop the senders, let the platform drain, compare frame counts per stream
            PacedSenders.Lateness lateness = senders.stop();
            drain();
            long sentFrames = 0;
            long sentPackets = 0;
            long lostFrames = 0;
            int lossyStreams = 0;
            StringBuilder lossy = new StringBuilder();
            for (Map.Entry<String, SimulatedStream> e : byCallId.entrySet()) {
                SimulatedStream s = e.getValue();
                LongAdder got = received.get(e.getKey());
                long lost = s.framesSent - (got == null ? 0 : got.sum());
                sentFrames += s.framesSent;
                sentPackets += s.packetsSent;
                if (lost != 0) {
                    lostFrames += lost;
                    if (lossyStreams++ < 10) {
                        lossy.append(' ').append(s.channelId).append(": ").append(lost);
                    }
                }
            }
            RtpTotals rtp = RtpTotals.of(platform.mediaSessions());
            long[] udpAfter = udpCounters();
            System.out.printf("%nframes: %d sent, %d received (%d key frames), %d lost in %d of %d streams%s%n",
                    sentFrames, framesReceived.sum(), keyFramesReceived.sum(), lostFrames, lossyStreams, byCallId.size(),
                    lossy.length() == 0 ? "" : " (" + lossy.toString().trim() + (lossyStreams > 10 ? ", ..." : "") + ")");
            System.out.printf("  RTP: %d packets sent, %s%n", sentPackets, rtp);
            if (udpBefore != null && udpAfter != null) {
                System.out.printf("  kernel UDP (whole machine, /proc/net/snmp): %d receive buffer errors, %d send "
                        + "buffer errors during the run%n", udpAfter[0] - udpBefore[0], udpAfter[1] - udpBefore[1]);
            }
            System.out.printf("  senders: latest frame %.1f ms after its due time, %d frames 40 ms or more late, "
                    + "%d streams stopped on a send error%n", lateness.maxNanos() / 1e6, lateness.lateFrames(),
                    lateness.sendErrors());
            byeAll(platform, up);

            boolean realTime = sentRate >= 0.99 * 25 * streams;
            boolean met = up == streams && realTime && lostFrames == 0 && lateness.sendErrors() == 0;
            System.out.printf("  target %d streams of %.1f Mbit/s over %s in real time (%.0f frames/s sent of %d), no "
                    + "frame lost: %s%n", streams, bitrate / 1e6, transport.optionName(), sentRate, 25 * streams,
                    met ? "MET" : realTime ? "MISSED" : "MISSED (the senders fell behind real time)");
        } finally {
            platform.stop();
            opener.shutdownNow();
        }
    }

    /** Opens the stream's TCP connection if any and starts sending; on the opener thread, off the I/O threads. */
    private static void open(MediaSession session, SimulatedNvr nvr, PacedSenders senders,
            Map<String, SimulatedStream> byCallId, AtomicInteger failed, Map<String, Integer> failures, Runnable done) {
        SimulatedStream stream = nvr.stream(session.channelId());
        try {
            if (stream == null) {
                throw new IllegalStateException("no stream for channel " + session.channelId());
            }
            stream.open();
            byCallId.put(session.callId(), stream);
            done.run();
            senders.add(stream);
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
        }
    }

    /**
     * Ends every session with BYE (§9.2.2) and waits for their SESSION_ENDED events, which carry the
     * demuxer's counters.
     */
    private void byeAll(Gb28181Platform platform, int sessions) throws Exception {
        long start = System.nanoTime();
        CompletableFuture.allOf(platform.mediaSessions().stream().map(s -> platform.bye(s.callId()))
                .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long byes = System.nanoTime() - start;
        for (int i = 0; i < 100 && ended[0].sum() < sessions; i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        System.out.printf("  demuxer (SESSION_ENDED events of %d sessions): %d video frames, %d dropped, %d RTP packets "
                + "lost; BYE of every session answered in %.0f ms%n", ended[0].sum(), ended[1].sum(), ended[2].sum(),
                ended[3].sum(), byes / 1e6);
    }

    /** Waits until no frame has arrived for 500 ms (at most 10 s): what was sent is demultiplexed. */
    private void drain() throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 20 && framesReceived.sum() != last; i++) {
            last = framesReceived.sum();
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private Snapshot snapshot(PacedSenders senders, Gb28181Platform platform) {
        long[] gc = meter.gcCountAndMillis();
        return new Snapshot(System.nanoTime(), meter.processCpuNanos(), meter.threadCpuNanos(PacedSenders.THREAD_PREFIX),
                meter.threadCpuNanos(RTP_THREAD_PREFIX), meter.threadAllocatedBytes(RTP_THREAD_PREFIX), gc[0], gc[1],
                senders.framesSent(), framesReceived.sum(), RtpTotals.of(platform.mediaSessions()).packets,
                meter.machineLoad(), meter.loadAverage());
    }

    /** Prints the steady window's figures; returns the frames per second the senders sent in it. */
    private static double report(Snapshot a, Snapshot b) {
        double wall = b.wallNanos - a.wallNanos;
        double capacity = wall * ProcessMeter.cpus();
        long process = b.processNanos - a.processNanos;
        long sender = b.senderNanos - a.senderNanos;
        long rtp = b.rtpNanos - a.rtpNanos;
        long frames = b.framesReceived - a.framesReceived;
        // streams' worth of load carried: fewer than the streams when the senders fell behind real time
        double n = Math.max(1, frames * 1e9 / wall / 25);
        System.out.printf("%nsteady window %.0f s: %.0f frames/s sent, %.0f frames/s and %.0f RTP packets/s received%n",
                wall / 1e9, (b.framesSent - a.framesSent) * 1e9 / wall, frames * 1e9 / wall,
                (b.rtpPackets - a.rtpPackets) * 1e9 / wall);
        System.out.printf("  cpu: process %.0f%% of %d CPUs = senders %.0f%% + platform RTP threads %.0f%% + rest "
                        + "(GC, JIT, SIP) %.0f%%; machine %.0f%% (other processes %.0f%%), load average %.2f%n",
                100 * process / capacity, ProcessMeter.cpus(), 100 * sender / capacity, 100 * rtp / capacity,
                100 * (process - sender - rtp) / capacity, 100 * b.machineLoad,
                Math.max(0, 100 * b.machineLoad - 100 * process / capacity), b.loadAverage);
        System.out.printf("  cpu per stream (%% of one core, per %.0f streams' worth of frames received): %.3f%% all, "
                        + "%.3f%% without the senders, %.3f%% in the platform's RTP threads%n", n, 100 * process / wall / n,
                100 * (process - sender) / wall / n, 100 * rtp / wall / n);
        System.out.printf("  per RTP packet: %.1f us of CPU in the platform's RTP threads, %.1f us in the senders; at this "
                        + "cost %d idle CPUs would carry about %.0f streams, senders included%n",
                rtp / 1e3 / Math.max(1, b.rtpPackets - a.rtpPackets), sender / 1e3 / Math.max(1, b.rtpPackets - a.rtpPackets),
                ProcessMeter.cpus(), ProcessMeter.cpus() * wall / Math.max(1, process) * n);
        System.out.printf("  platform RTP threads allocate %.0f bytes per frame (%.1f MB/s); GC: %d collections, %d ms%n",
                (b.rtpAllocated - a.rtpAllocated) / (double) Math.max(1, frames),
                (b.rtpAllocated - a.rtpAllocated) * 1e3 / wall, b.gcCount - a.gcCount, b.gcMillis - a.gcMillis);
        return (b.framesSent - a.framesSent) * 1e9 / wall;
    }

    private static long usedDirect() {
        return PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
    }

    /** {@code RcvbufErrors} and {@code SndbufErrors} of the kernel's UDP counters, or {@code null} off Linux. */
    private static long[] udpCounters() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    List<String> names = List.of(lines.get(i).split(" "));
                    String[] values = lines.get(i + 1).split(" ");
                    return new long[] {Long.parseLong(values[names.indexOf("RcvbufErrors")]),
                        Long.parseLong(values[names.indexOf("SndbufErrors")])};
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    private static String sysctl(String name) {
        try {
            return Files.readAllLines(Path.of("/proc/sys/" + name)).get(0).trim(); // readString sees 1 byte of procfs
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private record Snapshot(long wallNanos, long processNanos, long senderNanos, long rtpNanos, long rtpAllocated,
            long gcCount, long gcMillis, long framesSent, long framesReceived, long rtpPackets, double machineLoad,
            double loadAverage) {
    }

    /** The platform's RTP counters summed over its sessions. */
    private record RtpTotals(long packets, long lost, long reordered, long duplicates, long late, long malformed,
            long wrongSource, long wrongSsrc) {

        static RtpTotals of(List<MediaSession> sessions) {
            long[] t = new long[8];
            for (MediaSession s : sessions) {
                RtpStats r = s.rtpStats();
                t[0] += r.packets();
                t[1] += r.lost();
                t[2] += r.reordered();
                t[3] += r.duplicates();
                t[4] += r.late();
                t[5] += r.malformed();
                t[6] += r.wrongSource();
                t[7] += r.wrongSsrc();
            }
            return new RtpTotals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
        }

        @Override
        public String toString() {
            return String.format("%d received by the platform, %d lost, %d reordered, %d duplicates, %d late, "
                    + "%d malformed, %d from a wrong source, %d with a wrong SSRC", packets, lost, reordered,
                    duplicates, late, malformed, wrongSource, wrongSsrc);
        }
    }
}
