package dev.gb28181.benchmarks.load;

import dev.gb28181.platform.EventKind;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.PlatformConfig;
import dev.gb28181.platform.RegisterEvent;

import java.net.InetSocketAddress;
import java.time.Duration;
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

    private final LoadOptions options;
    private final ProcessMeter meter = new ProcessMeter();
    private final LongAdder registeredEvents = new LongAdder();
    private final LongAdder keepaliveEvents = new LongAdder();

    private DeviceLoadGenerator(LoadOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        new DeviceLoadGenerator(LoadOptions.parse(args, OPTIONS)).run();
    }

    private void run() throws InterruptedException {
        int devices = options.intValue("devices", 10_000);
        int rate = options.intValue("rate", 5_000);
        int seconds = options.intValue("seconds", 20);
        int warmupSeconds = options.intValue("warmup-seconds", 5);
        int sockets = options.intValue("sockets", 4);
        int window = options.intValue("window", 500);
        int registerSeconds = options.intValue("register-seconds", 60);
        int settleSeconds = options.intValue("settle-seconds", 35);
        String platformId = options.string("platform-id", "34020000002000000001");
        String domain = options.string("domain", platformId.substring(0, 10));
        String password = options.string("password", "gb28181-load");
        boolean inProcess = !options.has("host") && !options.has("port");

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
            target = new InetSocketAddress(LoadOptions.loopback(options.string("host", "127.0.0.1")),
                    options.intValue("port", 5060));
        }

        System.out.printf("camel-gb28181 device load: %d devices on %d UDP sockets, keepalives %d/s for %d s "
                        + "after %d s of warm-up, against %s platform at %s%n", devices, sockets, rate, seconds, warmupSeconds,
                inProcess ? "an in-process" : "a running", target.getHostString() + ":" + target.getPort());
        System.out.printf("host: %d CPUs, %s %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        try (SimulatedDevices simulated = new SimulatedDevices(target, target.getHostString(), sockets, devices,
                Math.max(1, Math.multiplyExact(rate, warmupSeconds + seconds)), platformId, domain, password)) {
            long heapBefore = inProcess ? meter.settledHeap() : 0;

            Cpu cpu = cpu(simulated);
            SimulatedDevices.RegistrationResult registration =
                    simulated.register(window, Duration.ofSeconds(registerSeconds));
            Cpu registrationCpu = cpu(simulated).since(cpu);
            long heapRegistered = inProcess ? meter.settledHeap() : 0;

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
                    long heapSettled = meter.settledHeap();
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

    /**
     * A CPU snapshot. {@code getCpuLoad()} reports the machine's load since its previous call, so
     * calling it at the start and the end of a phase gives the phase's machine-wide figure.
     */
    private Cpu cpu(SimulatedDevices simulated) {
        long generator = meter.currentThreadCpuNanos() + meter.threadCpuNanos(simulated.receiverThread());
        return new Cpu(System.nanoTime(), meter.processCpuNanos(), generator, meter.threadCpuNanos(IO_THREAD_PREFIX),
                meter.machineLoad(), meter.loadAverage());
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
}
