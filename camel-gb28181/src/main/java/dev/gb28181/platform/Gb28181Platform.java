package dev.gb28181.platform;

import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.SipStackConfig;
import dev.gb28181.sip.auth.AuthFailureTracker;
import dev.gb28181.sip.auth.DigestAuthenticator;
import dev.gb28181.sip.auth.NonceStore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One GB/T 28181 platform: the SIP stack on one host and port (UDP and TCP, GB/T 28181-2016 §4.3),
 * the device registry, registration with digest authentication (§9.1), keepalive and online status
 * (§9.6). Camel-free; the Camel component owns one instance.
 *
 * <p>Owns one {@link HashedWheelTimer} for all device timeouts and housekeeping (nonce and lockout
 * expiry): no thread or scheduled task per device. Events go to the {@linkplain #addListener
 * listeners} on the thread that produced them (a Netty I/O thread or the timer thread); a listener
 * that throws is logged and never affects the SIP answer.
 */
public class Gb28181Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Platform.class);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(5);

    private final PlatformConfig config;
    private final DeviceRegistry registry;
    private final PlatformEvents events = new PlatformEvents();
    private final NonceStore nonces;
    private final AuthFailureTracker failures;
    private final DeviceLifecycle lifecycle;
    private final RequestDispatcher dispatcher;

    private SipStack stack;
    private HashedWheelTimer timer;

    public Gb28181Platform(PlatformConfig config) {
        this.config = config.validate();
        this.registry = config.deviceRegistry() != null ? config.deviceRegistry() : new InMemoryDeviceRegistry();
        this.nonces = new NonceStore(config.nonceTtl());
        this.failures = new AuthFailureTracker(config.authFailureLimit(), config.authLockout());
        this.lifecycle = new DeviceLifecycle(registry, events, config.offlineAfter());
        DigestAuthenticator authenticator = new DigestAuthenticator(config.realm(), config.digestQop(), nonces);
        Registrar registrar = new Registrar(config, authenticator, failures, lifecycle);
        this.dispatcher = new RequestDispatcher(registry, registrar, new MessageHandler(registry, lifecycle));
    }

    public PlatformConfig config() {
        return config;
    }

    /** Binds the SIP port(s) and starts the status timer. Blocks until bound or failed; idempotent. */
    public synchronized void start() {
        if (stack != null) {
            return;
        }
        if (Registrar.unauthenticated(config)) {
            LOG.warn("No password configured (neither password nor credentialsProvider): devices register "
                    + "without authentication");
        }
        HashedWheelTimer wheel = new HashedWheelTimer(new DefaultThreadFactory("gb28181-timer", true),
                tickMillis(), TimeUnit.MILLISECONDS, 512);
        SipStack sip = new SipStack(new SipStackConfig()
                .host(config.host())
                .port(config.port())
                .transports(config.transports())
                .advertisedHost(config.advertisedHost())
                .maxMessageSize(config.maxMessageSize())
                .userAgent(config.userAgent()), dispatcher);
        lifecycle.start(wheel);
        try {
            sip.start();
        } catch (RuntimeException e) {
            lifecycle.stop();
            wheel.stop();
            throw e;
        }
        timer = wheel;
        stack = sip;
        scheduleHousekeeping(wheel);
        LOG.info("GB28181 platform {} (realm {}) listening on {}:{} over {}", config.sipId(), config.realm(),
                config.host(), sip.port(), config.transports());
    }

    /** Unbinds, stops timers; idempotent. The registry keeps its devices (a restart re-arms them). */
    public synchronized void stop() {
        SipStack sip = stack;
        if (sip == null) {
            return;
        }
        stack = null;
        lifecycle.stop();
        try {
            sip.stop();
        } finally {
            timer.stop();
            timer = null;
            LOG.info("GB28181 platform {} stopped", config.sipId());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** true while the SIP port is bound (readiness). */
    public synchronized boolean isSipBound() {
        return stack != null && stack.isBound();
    }

    /** The bound SIP port (useful when configured as 0), -1 when not bound. */
    public synchronized int sipPort() {
        return isSipBound() ? stack.port() : -1;
    }

    /** The device registry. */
    public DeviceRegistry registry() {
        return registry;
    }

    /** The SIP stack while started (for components that send requests, e.g. queries), else {@code null}. */
    public synchronized SipStack sipStack() {
        return stack;
    }

    public void addListener(PlatformListener listener) {
        events.add(listener);
    }

    public void removeListener(PlatformListener listener) {
        events.remove(listener);
    }

    /** Wheel tick: fine enough for the shortest configured deadline, at most 100 ms. */
    private long tickMillis() {
        long shortest = Math.min(config.offlineAfter().toMillis(), config.registerExpiresMin().toMillis());
        return Math.max(10, Math.min(100, shortest / 20));
    }

    private void scheduleHousekeeping(HashedWheelTimer wheel) {
        wheel.newTimeout(new TimerTask() {
            @Override
            public void run(Timeout timeout) {
                try {
                    nonces.purgeExpired();
                    failures.purgeExpired();
                } finally {
                    try {
                        timeout.timer().newTimeout(this, HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (IllegalStateException stopped) {
                        // the platform stopped
                    }
                }
            }
        }, HOUSEKEEPING.toMillis(), TimeUnit.MILLISECONDS);
    }
}
