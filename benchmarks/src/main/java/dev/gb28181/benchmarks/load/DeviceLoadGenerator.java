package dev.gb28181.benchmarks.load;

import dev.gb28181.platform.EventKind;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.platform.RegisterEvent;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator: N simulated GB/T 28181 devices over UDP register with digest authentication
 * (§9.1.2) and send keepalives (§9.6) at a target rate against a platform, which it starts
 * in-process on 127.0.0.1 (port 0) unless {@code --host}/{@code --port} name a running one on
 * loopback. It prints the time to register N devices, the keepalive rate it sustained with its
 * answer times, the platform's heap per registered device (in-process only) and CPU use, each
 * against the targets of docs/performance.md. Bounded in time and count; it stops by itself.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.gb28181.benchmarks.load.DeviceLoadGenerator \
 *     --devices 10000 --rate 5000 --seconds 20
 * </pre>
 *
 * Options: {@code --devices N} (10000), {@code --rate R} keepalives/s (5000), {@code --seconds S} of
 * measured keepalives (20) after {@code --warmup-seconds} at the same rate (5), {@code --sockets K} UDP sockets the devices share (4), {@code --window W}
 * registrations in flight (500), {@code --register-seconds} registration deadline (60),
 * {@code --settle-seconds} wait before the second heap measurement so the platform's completed
 * server transactions end (RFC 3261 Timer J, 32 s; default 35, 0 skips), {@code --host},
 * {@code --port}, {@code --password}, {@code --platform-id}, {@code --domain}.
 */
public final class DeviceLoadGenerator {

    private static final long REGISTER_TARGET_NANOS = Duration.ofSeconds(10).toNanos();
    private static final double P99_TARGET_MILLIS = 5.0;
    private static final long HEAP_TARGET_BYTES = 2048;
    /** The platform's Netty I/O threads (SIP over UDP and TCP). */
    private static final String IO_THREAD_PREFIX = "gb28181-sip-io";
    private static final Set<String> OPTIONS = Set.of("devices", "rate", "seconds", "warmup-seconds", "sockets", "window",
            "register-seconds", "settle-seconds", "host", "port", "password", "platform-id", "domain");

    private final Map<String, String> options;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final LongAdder registeredEvents = new LongAdder();
    private final LongAdder keepaliveEvents = new LongAdder();

    private DeviceLoadGenerator(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        new DeviceLoadGenerator(parse(args)).run();
    }

    private void run() throws InterruptedException {
        int devices = intOption("devices", 10_000);
        int rate = intOption("rate", 5_000);
        int seconds = intOption("seconds", 20);
        int warmupSeconds = intOption("warmup-seconds", 5);
        int sockets = intOption("sockets", 4);
        int window = intOption("window", 500);
        int registerSeconds = intOption("register-seconds", 60);
        int settleSeconds = intOption("settle-seconds", 35);
        String platformId = options.getOrDefault("platform-id", "34020000002000000001");
        String domain = options.getOrDefault("domain", platformId.substring(0, 10));
        String password = options.getOrDefault("password", "gb28181-load");
        boolean inProcess = !options.containsKey("host") && !options.containsKey("port");

        Gb28181Platform platform = null;
        InetSocketAddress target;
        if (inProcess) {
            platform = new Gb28181Platform(new PlatformConfig()
                    .sipId(platformId).domain(domain).host("127.0.0.1").port(0).password(password));
            platform.addListener(event -> {
                if (event.kind() == EventKind.KEEPALIVE) {
                    keepaliveEvents.increment();
                } else if (RegisterEvent.REGISTERED.equals(event.eventType())) {
                    registeredEvents.increment();
                }
            });
            platform.start();
            target = new InetSocketAddress("127.0.0.1", platform.sipPort());
        } else {
            target = new InetSocketAddress(loopback(options.getOrDefault("host", "127.0.0.1")),
                    intOption("port", 5060));
        }

        System.out.printf("camel-gb28181 device load: %d devices on %d UDP sockets, keepalives %d/s for %d s "
                        + "after %d s of warm-up, against %s platform at %s%n", devices, sockets, rate, seconds, warmupSeconds,
                inProcess ? "an in-process" : "a running", target.getHostString() + ":" + target.getPort());
        System.out.printf("host: %d CPUs, %s %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        try (SimulatedDevices simulated = new SimulatedDevices(target, target.getHostString(), sockets, devices,
                Math.max(1, Math.multiplyExact(rate, warmupSeconds + seconds)), platformId, domain, password)) {
            long heapBefore = inProcess ? settledHeap() : 0;

            Cpu cpu = cpu(simulated);
            SimulatedDevices.RegistrationResult registration =
                    simulated.register(window, Duration.ofSeconds(registerSeconds));
            Cpu registrationCpu = cpu(simulated).since(cpu);
            long heapRegistered = inProcess ? settledHeap() : 0;

            System.out.printf("%nregistration: %d of %d registered, %d failed (%d without answer, answers %s), "
                            + "%d retransmissions, in %.2f s = %.0f devices/s%n",
                    registration.registered(), registration.devices(), registration.failed(),
                    registration.timedOut(), registration.statusCounts(), registration.retransmissions(),
                    registration.elapsedNanos() / 1e9, registration.registered() * 1e9 / registration.elapsedNanos());
            System.out.printf("  first REGISTER to 200: %s%n", registration.latencies());
            System.out.printf("  cpu: %s%n", registrationCpu);
            target("register " + devices + " devices in < 10 s with no failure",
                    registration.failed() == 0 && registration.elapsedNanos() < REGISTER_TARGET_NANOS);
            if (inProcess) {
                System.out.printf("  platform: registry size %d, online %d, REGISTERED events %d%n",
                        platform.registry().size(), platform.registry().onlineCount(), registeredEvents.sum());
                System.out.printf("%nheap: %+.0f bytes/device right after registration (%d MiB used)%n",
                        (heapRegistered - heapBefore) / (double) Math.max(1, registration.registered()),
                        heapRegistered >> 20);
                if (settleSeconds > 0) {
                    System.out.printf("  waiting %d s for the platform's completed transactions to end%n",
                            settleSeconds);
                    Thread.sleep(Duration.ofSeconds(settleSeconds).toMillis());
                    long heapSettled = settledHeap();
                    double perDevice = (heapSettled - heapBefore) / (double) Math.max(1, registration.registered());
                    System.out.printf("  %+.0f bytes/device once they ended (%d MiB used)%n", perDevice,
                            heapSettled >> 20);
                    target("< 2 KiB of heap per registered device", perDevice < HEAP_TARGET_BYTES);
                }
            }

            cpu = cpu(simulated);
            long keepaliveEventsBefore = keepaliveEvents.sum();
            SimulatedDevices.KeepaliveResult keepalive = simulated.keepalives(rate, Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(seconds), Duration.ofSeconds(2));
            Cpu keepaliveCpu = cpu(simulated).since(cpu);
            System.out.printf("%nkeepalive: %d sent in %.2f s = %.0f/s (target %d/s), %d answered 200, "
                            + "%d refused, %d unanswered, answers %s%n",
                    keepalive.sent(), keepalive.sendNanos() / 1e9, keepalive.sentPerSecond(), rate,
                    keepalive.answered(), keepalive.refused(), keepalive.unanswered(), keepalive.statusCounts());
            System.out.printf("  send to 200 after the %d s warm-up: %s%n", warmupSeconds, keepalive.latencies());
            System.out.printf("  send to 200 during the warm-up: %s%n", keepalive.warmup());
            StringBuilder perSecond = new StringBuilder();
            for (double p99 : keepalive.p99PerSecond()) {
                perSecond.append(String.format(" %.1f", p99));
            }
            System.out.printf("  p99 of each second, warm-up first (ms):%s%n", perSecond);
            System.out.printf("  cpu: %s%n", keepaliveCpu);
            if (inProcess) {
                System.out.printf("  platform: KEEPALIVE events %d%n", keepaliveEvents.sum() - keepaliveEventsBefore);
            }
            target(rate + " keepalives/s sustained, all answered, p99 < 5 ms",
                    keepalive.sentPerSecond() >= rate * 0.98 && keepalive.unanswered() == 0
                            && keepalive.refused() == 0 && keepalive.latencies().percentileMillis(99) < P99_TARGET_MILLIS);
            System.out.printf("%ngenerator: %d stray datagrams, %d failed sends%n", simulated.strayDatagrams(),
                    simulated.sendFailures());
        } finally {
            if (platform != null) {
                platform.stop();
            }
        }
    }

    private static void target(String what, boolean met) {
        System.out.printf("  target %s: %s%n", what, met ? "MET" : "MISSED");
    }

    /** Used heap after full collections, so only live objects count. */
    private long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * A CPU snapshot. {@code getCpuLoad()} reports the machine's load since its previous call, so
     * calling it at the start and the end of a phase gives the phase's machine-wide figure.
     */
    private Cpu cpu(SimulatedDevices simulated) {
        long generator = threads.getCurrentThreadCpuTime() + threads.getThreadCpuTime(simulated.receiverThread().getId());
        long io = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(IO_THREAD_PREFIX)) {
                io += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return new Cpu(System.nanoTime(), os.getProcessCpuTime(), generator, io, os.getCpuLoad(),
                os.getSystemLoadAverage());
    }

    /**
     * CPU time of the process and of the generator's two threads over a wall-clock span, with the
     * machine's CPU load and load average: other processes on the machine skew every figure.
     */
    private record Cpu(long wallNanos, long processNanos, long generatorNanos, long ioNanos, double machineLoad,
            double loadAverage) {

        Cpu since(Cpu start) {
            return new Cpu(wallNanos - start.wallNanos, processNanos - start.processNanos,
                    generatorNanos - start.generatorNanos, ioNanos - start.ioNanos, machineLoad, loadAverage);
        }

        @Override
        public String toString() {
            double capacity = wallNanos * (double) Runtime.getRuntime().availableProcessors();
            double process = 100 * processNanos / capacity;
            return String.format("process %.0f%% of all CPUs (generator threads %.0f%%, platform and JVM %.0f%%, "
                            + "of which the SIP I/O threads %.0f%% of one core); machine %.0f%% (other processes "
                            + "%.0f%%), load average %.1f",
                    process, 100 * generatorNanos / capacity, 100 * (processNanos - generatorNanos) / capacity,
                    100.0 * ioNanos / wallNanos, 100 * machineLoad, Math.max(0, 100 * machineLoad - process),
                    loadAverage);
        }
    }

    private int intOption(String name, int defaultValue) {
        String value = options.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    private static InetAddress loopback(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("the load generator only targets loopback, not " + host);
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.contains(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs with names " + OPTIONS + ", got: "
                        + String.join(" ", args));
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
