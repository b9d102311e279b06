package dev.gb28181.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Many GB/T 28181 devices on a few UDP sockets: each socket carries the traffic of every
 * {@code sockets}-th device, as a NAT or a lower platform would. Devices register as §9.1.2 describes
 * (REGISTER, 401 challenge, REGISTER with digest, 200) and then send §9.6 keepalives at a paced rate.
 *
 * <p>The calling thread sends (it starts registrations, paces keepalives and retransmits REGISTERs
 * per RFC 3261 §17.1.2.2 Timer E: 500 ms doubling to 4 s, 7 times, then fails them after 4 s more as
 * Timer F would); one receiver thread reads
 * every socket through a selector and answers challenges at once. Every request's Via branch carries
 * a sequence number (REGISTERs {@code 2 x device + step}, keepalives {@code 2 x devices + k}) so an
 * answer finds its request without a lookup table. All per-device state is allocated up front, so a
 * heap measurement around the registration sees the platform's state, not the generator's.
 */
final class SimulatedDevices implements AutoCloseable {

    // Device states; 0 is "not started yet".
    private static final int CHALLENGE_PENDING = 1;
    private static final int AUTH_PENDING = 2;
    private static final int REGISTERED = 3;
    private static final int FAILED = 4;
    private static final long T1 = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long T2 = TimeUnit.SECONDS.toNanos(4);
    private static final int MAX_RETRANSMISSIONS = 7;
    private static final long RETRANSMIT_SCAN = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int SOCKET_BUFFER = 4 * 1024 * 1024;
    private static final String DEVICE_ID_PREFIX = "3402000000132";

    private final int count;
    private final String password;
    private final String uri;
    private final byte[][] deviceIds;
    private final DatagramChannel[] channels;
    private final byte[][] vias;
    private final Selector selector;
    private final RequestWriter senderWriter;
    private final RequestWriter receiverWriter;
    private final DigestAnswer digest = new DigestAnswer();
    private final Thread receiver;
    private volatile boolean running = true;

    private final AtomicIntegerArray state;
    private final AtomicLongArray lastSend;
    private final long[] firstSend;
    private final int[] retransmissions;
    private final byte[][] authorizations;
    private final long[] registerLatencies;
    private final AtomicInteger registered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();
    private final AtomicLong retransmitted = new AtomicLong();

    private final int keepaliveCapacity;
    private final int[] cseq;
    private final AtomicLongArray keepaliveSent;
    private final long[] keepaliveLatencies;
    private final AtomicInteger keepaliveAnswered = new AtomicInteger();
    private final AtomicInteger keepaliveRefused = new AtomicInteger();

    private final AtomicIntegerArray unexpectedStatus = new AtomicIntegerArray(700);
    private final AtomicLong strayDatagrams = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();

    /**
     * Opens {@code sockets} UDP sockets on {@code localHost} towards {@code target} and allocates the
     * state of {@code count} devices and of up to {@code keepaliveCapacity} keepalives.
     */
    SimulatedDevices(InetSocketAddress target, String localHost, int sockets, int count, int keepaliveCapacity,
            String platformId, String domain, String password) {
        if (count < 1 || count > 9_999_999) {
            throw new IllegalArgumentException("devices must be within 1..9,999,999: " + count);
        }
        this.count = count;
        this.password = password;
        this.uri = RequestWriter.requestUri(platformId, domain);
        long runId = System.currentTimeMillis();
        this.senderWriter = new RequestWriter(platformId, domain, runId);
        this.receiverWriter = new RequestWriter(platformId, domain, runId);
        this.deviceIds = new byte[count][];
        for (int d = 0; d < count; d++) {
            deviceIds[d] = RequestWriter.ascii(deviceId(d));
        }
        this.state = new AtomicIntegerArray(count);
        this.lastSend = new AtomicLongArray(count);
        this.firstSend = new long[count];
        this.retransmissions = new int[count];
        this.authorizations = new byte[count][];
        this.registerLatencies = new long[count];
        this.keepaliveCapacity = keepaliveCapacity;
        this.cseq = new int[count];
        this.keepaliveSent = new AtomicLongArray(keepaliveCapacity);
        this.keepaliveLatencies = new long[keepaliveCapacity];
        try {
            this.selector = Selector.open();
            this.channels = new DatagramChannel[sockets];
            this.vias = new byte[sockets][];
            for (int i = 0; i < sockets; i++) {
                DatagramChannel channel = DatagramChannel.open()
                        .setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER)
                        .setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER)
                        .bind(new InetSocketAddress(localHost, 0))
                        .connect(target);
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, i);
                channels[i] = channel;
                vias[i] = RequestWriter.ascii(localHost + ":" + ((InetSocketAddress) channel.getLocalAddress()).getPort());
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot open the load generator's UDP sockets", e);
        }
        this.receiver = new Thread(this::receive, "loadgen-receiver");
        receiver.setDaemon(true);
        receiver.start();
    }

    /** The ID of simulated device {@code d}: 34020000001320000001 + d (region 34020000, type 132 IPC). */
    static String deviceId(int d) {
        String serial = Integer.toString(d + 1);
        return DEVICE_ID_PREFIX + "0000000".substring(serial.length()) + serial;
    }

    /** The receiver thread, for its CPU time. */
    Thread receiverThread() {
        return receiver;
    }

    /**
     * Registers every device, at most {@code window} at a time, and returns when all are done or
     * {@code deadline} has passed (devices still pending then count as failed).
     */
    RegistrationResult register(int window, Duration deadline) {
        long start = System.nanoTime();
        long lastScan = start;
        int next = 0;
        long now = start;
        while (registered.get() + failed.get() < count) {
            now = System.nanoTime();
            if (now - start > deadline.toNanos()) {
                break;
            }
            int inflight = next - registered.get() - failed.get();
            int started = 0;
            while (next < count && inflight < window && started < 64) {
                firstSend[next] = now;
                lastSend.set(next, now);
                state.set(next, CHALLENGE_PENDING);
                send(senderWriter.register(2L * next, next, deviceIds[next], via(next), 1, null), next);
                next++;
                inflight++;
                started++;
            }
            if (now - lastScan >= RETRANSMIT_SCAN) {
                retransmitRegisters(next, now);
                lastScan = now;
            }
            if (started == 0) {
                LockSupport.parkNanos(100_000);
            }
        }
        long elapsed = now - start;
        for (int d = 0; d < count; d++) {
            int s = state.get(d);
            if (s != REGISTERED && s != FAILED && state.compareAndSet(d, s, FAILED)) {
                failed.incrementAndGet();
                timedOut.incrementAndGet();
            }
        }
        Arrays.fill(authorizations, null);
        int done = registered.get();
        return new RegistrationResult(count, done, failed.get(), timedOut.get(), retransmitted.get(), elapsed,
                Latencies.of(registerLatencies, done), statusCounts());
    }

    private void retransmitRegisters(int started, long now) {
        for (int d = 0; d < started; d++) {
            int s = state.get(d);
            if (s != CHALLENGE_PENDING && s != AUTH_PENDING) {
                continue;
            }
            int n = retransmissions[d];
            long interval = Math.min(T1 << n, T2);
            if (now - lastSend.get(d) < interval) {
                continue;
            }
            if (n >= MAX_RETRANSMISSIONS) {
                if (state.compareAndSet(d, s, FAILED)) { // Timer F: no final answer after the last retransmission
                    timedOut.incrementAndGet();
                    failed.incrementAndGet();
                }
                continue;
            }
            retransmissions[d] = n + 1;
            retransmitted.incrementAndGet();
            lastSend.set(d, now);
            if (s == CHALLENGE_PENDING) {
                send(senderWriter.register(2L * d, d, deviceIds[d], via(d), 1, null), d);
            } else {
                byte[] authorization = authorizations[d];
                if (authorization != null) {
                    send(senderWriter.register(2L * d + 1, d, deviceIds[d], via(d), 2, authorization), d);
                }
            }
        }
    }

    /**
     * Sends keepalives from the registered devices, round robin, at {@code rate} per second for
     * {@code warmup} and then {@code duration}, and waits up to {@code drain} for the last answers.
     * The answer times of the warm-up (JIT compilation of the keepalive path) are reported apart.
     */
    KeepaliveResult keepalives(int rate, Duration warmup, Duration duration, Duration drain) {
        int[] online = new int[registered.get()];
        int n = 0;
        for (int d = 0; d < count && n < online.length; d++) {
            if (state.get(d) == REGISTERED) {
                online[n++] = d;
                cseq[d] = 2;
            }
        }
        if (n == 0) {
            Latencies none = Latencies.of(new long[0], 0);
            return new KeepaliveResult(rate, 0, 0, 0, 0, 0, none, none, new double[0], statusCounts());
        }
        long total = Math.min(keepaliveCapacity, (long) rate * (warmup.toSeconds() + duration.toSeconds()));
        int measuredFrom = (int) Math.min(total, (long) rate * warmup.toSeconds());
        long overrun = (warmup.toNanos() + duration.toNanos()) * 3 / 2;
        long start = System.nanoTime();
        long now = start;
        int k = 0;
        while (k < total && now - start < overrun) {
            long due = Math.min(total, (now - start) * rate / 1_000_000_000L + 1);
            while (k < due) {
                int d = online[k % n];
                int sn = ++cseq[d];
                keepaliveSent.set(k, System.nanoTime());
                send(senderWriter.keepalive(2L * count + k, d, deviceIds[d], via(d), sn), d);
                k++;
            }
            LockSupport.parkNanos(100_000);
            now = System.nanoTime();
        }
        long sendNanos = now - start;
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (keepaliveAnswered.get() + keepaliveRefused.get() < k && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(1_000_000);
        }
        int answered = keepaliveAnswered.get();
        int refused = keepaliveRefused.get();
        int seconds = (k + rate - 1) / rate;
        double[] p99PerSecond = new double[seconds];
        for (int second = 0; second < seconds; second++) {
            p99PerSecond[second] = answeredLatencies(second * rate, Math.min(k, (second + 1) * rate))
                    .percentileMillis(99);
        }
        return new KeepaliveResult(rate, k, sendNanos, answered, refused, k - answered - refused,
                answeredLatencies(Math.min(k, measuredFrom), k), answeredLatencies(0, Math.min(k, measuredFrom)),
                p99PerSecond, statusCounts());
    }

    /** The answer times of keepalives {@code from} (inclusive) to {@code to}; 0 marks one not answered. */
    private Latencies answeredLatencies(int from, int to) {
        long[] answered = new long[to - from];
        int n = 0;
        for (int k = from; k < to; k++) {
            if (keepaliveLatencies[k] > 0) {
                answered[n++] = keepaliveLatencies[k];
            }
        }
        return Latencies.of(answered, n);
    }

    private byte[] via(int device) {
        return vias[device % vias.length];
    }

    private void send(ByteBuffer datagram, int device) {
        DatagramChannel channel = channels[device % channels.length];
        try {
            for (int spins = 0; channel.write(datagram) == 0; spins++) {
                if (spins == 10_000) {
                    sendFailures.incrementAndGet();
                    return;
                }
                Thread.onSpinWait();
            }
        } catch (IOException e) {
            sendFailures.incrementAndGet();
        }
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        byte[] bytes = buffer.array();
        while (running) {
            try {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    int len;
                    while ((len = read(channel, buffer)) > 0) {
                        onDatagram(bytes, len);
                        buffer.clear();
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                if (running) {
                    strayDatagrams.incrementAndGet();
                }
            }
        }
    }

    private int read(DatagramChannel channel, ByteBuffer buffer) throws IOException {
        try {
            return channel.read(buffer);
        } catch (java.net.PortUnreachableException e) {
            sendFailures.incrementAndGet(); // ICMP: nothing listens on the target port
            return 0;
        }
    }

    private void onDatagram(byte[] bytes, int len) {
        long now = System.nanoTime();
        int status = ResponseReader.status(bytes, len);
        long seq = status < 0 ? -1 : ResponseReader.branchSeq(bytes, len);
        if (seq < 0) {
            strayDatagrams.incrementAndGet();
            return;
        }
        if (status < 200) {
            return;
        }
        if (seq < 2L * count) {
            onRegisterAnswer((int) (seq / 2), (int) (seq % 2), status, bytes, len, now);
        } else if (seq - 2L * count < keepaliveCapacity) {
            onKeepaliveAnswer((int) (seq - 2L * count), status, now);
        } else {
            strayDatagrams.incrementAndGet();
        }
    }

    private void onRegisterAnswer(int d, int step, int status, byte[] bytes, int len, long now) {
        if (step == 0 && status == 401) {
            if (state.get(d) != CHALLENGE_PENDING) {
                return; // the answer to a retransmission
            }
            String deviceId = deviceId(d);
            String authorization = digest.authorization(deviceId, password,
                    ResponseReader.challengeParam(bytes, len, "realm"), ResponseReader.challengeParam(bytes, len, "nonce"),
                    ResponseReader.challengeParam(bytes, len, "qop"), ResponseReader.challengeParam(bytes, len, "opaque"),
                    uri, Integer.toHexString(0x10000000 + d));
            authorizations[d] = RequestWriter.ascii(authorization);
            if (state.compareAndSet(d, CHALLENGE_PENDING, AUTH_PENDING)) {
                lastSend.set(d, now);
                send(receiverWriter.register(2L * d + 1, d, deviceIds[d], via(d), 2, authorizations[d]), d);
            }
        } else if (status == 200) {
            int from = step == 0 ? CHALLENGE_PENDING : AUTH_PENDING;
            if (state.compareAndSet(d, from, REGISTERED)) {
                authorizations[d] = null;
                registerLatencies[registered.get()] = now - firstSend[d];
                registered.incrementAndGet();
            }
        } else {
            int from = step == 0 ? CHALLENGE_PENDING : AUTH_PENDING;
            if (state.compareAndSet(d, from, FAILED)) {
                authorizations[d] = null;
                unexpectedStatus.incrementAndGet(Math.min(status, 699));
                failed.incrementAndGet();
            }
        }
    }

    private void onKeepaliveAnswer(int k, int status, long now) {
        long sent = keepaliveSent.getAndSet(k, 0);
        if (sent == 0) {
            return; // a duplicate answer
        }
        if (status == 200) {
            keepaliveLatencies[k] = now - sent;
            keepaliveAnswered.incrementAndGet();
        } else {
            unexpectedStatus.incrementAndGet(Math.min(status, 699));
            keepaliveRefused.incrementAndGet();
        }
    }

    private Map<Integer, Integer> statusCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int s = 0; s < unexpectedStatus.length(); s++) {
            if (unexpectedStatus.get(s) > 0) {
                counts.put(s, unexpectedStatus.get(s));
            }
        }
        return counts;
    }

    /** Datagrams that were not an answer to one of the generator's requests, and receive errors. */
    long strayDatagrams() {
        return strayDatagrams.get();
    }

    /** Sends that could not be made (full socket buffer, ICMP unreachable). */
    long sendFailures() {
        return sendFailures.get();
    }

    @Override
    public void close() {
        running = false;
        if (selector != null) {
            selector.wakeup();
        }
        if (receiver != null) {
            try {
                receiver.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (channels != null) {
                for (DatagramChannel channel : channels) {
                    if (channel != null) {
                        channel.close();
                    }
                }
            }
            if (selector != null) {
                selector.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the load generator's sockets", e);
        }
    }

    /**
     * The registration phase.
     *
     * @param devices         devices that tried
     * @param registered      devices that got 200
     * @param failed          devices that got another final answer or none in time
     * @param timedOut        of the failed, those with no final answer before the deadline
     * @param retransmissions REGISTERs sent again after Timer E
     * @param elapsedNanos    from the first REGISTER to the last device done
     * @param latencies       first REGISTER to 200, per registered device
     * @param statusCounts    unexpected final answers by status code
     */
    record RegistrationResult(int devices, int registered, int failed, int timedOut, long retransmissions,
            long elapsedNanos, Latencies latencies, Map<Integer, Integer> statusCounts) {
    }

    /**
     * The keepalive phase.
     *
     * @param targetRate   keepalives per second asked for
     * @param sent         keepalives sent, warm-up included (as the counts below)
     * @param sendNanos    how long sending took
     * @param answered     answered 200
     * @param refused      answered with another final status
     * @param unanswered   no answer within the drain time (UDP, no retransmission)
     * @param latencies    send to 200, per answered keepalive after the warm-up
     * @param warmup       send to 200, per answered keepalive of the warm-up
     * @param p99PerSecond the p99 answer time in ms of the keepalives sent in each second, warm-up first
     * @param statusCounts unexpected final answers by status code, registration's included
     */
    record KeepaliveResult(int targetRate, long sent, long sendNanos, int answered, int refused, long unanswered,
            Latencies latencies, Latencies warmup, double[] p99PerSecond, Map<Integer, Integer> statusCounts) {

        double sentPerSecond() {
            return sendNanos == 0 ? 0 : sent * 1e9 / sendNanos;
        }
    }
}
