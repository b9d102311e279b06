package dev.gb28181.platform;

import dev.gb28181.sip.Transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration and online state of devices (GB/T 28181-2016 §9.1 registration, §9.6 status):
 * REGISTERED / REFRESHED / UNREGISTERED / EXPIRED and ONLINE / OFFLINE transitions and their events.
 *
 * <p>Timers scale to 100,000 devices: each device has at most one timeout on the platform's single
 * {@link io.netty.util.HashedWheelTimer}, armed for its next deadline (offline after
 * {@code keepaliveInterval x keepaliveTimeoutCount} without keepalive or register, or the end of its
 * registration). A keepalive only writes the time it was seen; the timeout, when it fires, checks
 * that time and re-arms for the remainder. A timeout is replaced only when a deadline moves earlier
 * (a registration shorter than the armed wait, a device coming back online), which is rare.
 *
 * <p>Every change of a device happens under its monitor, and its events are emitted there too, so
 * the events of one device arrive in order (ONLINE before its KEEPALIVE, exactly one REGISTERED for
 * concurrent first REGISTERs). Listeners hand events off quickly, as {@link PlatformListener} asks.
 */
final class DeviceLifecycle {

    static final String REASON_REGISTERED = "REGISTERED";
    static final String REASON_KEEPALIVE = "KEEPALIVE";
    static final String REASON_KEEPALIVE_TIMEOUT = "KEEPALIVE_TIMEOUT";
    static final String REASON_REGISTRATION_EXPIRED = "REGISTRATION_EXPIRED";
    static final String REASON_UNREGISTERED = "UNREGISTERED";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceLifecycle.class);

    private final DeviceRegistry registry;
    private final PlatformEvents events;
    private final PlatformStats stats;
    private final long offlineAfterNanos;
    private volatile Timer timer;

    DeviceLifecycle(DeviceRegistry registry, PlatformEvents events, PlatformStats stats, Duration offlineAfter) {
        this.registry = registry;
        this.events = events;
        this.stats = stats;
        this.offlineAfterNanos = offlineAfter.toNanos();
    }

    /** Starts tracking on {@code timer}, arming every device already in the registry (a restart, a shared store). */
    void start(Timer timer) {
        this.timer = timer;
        long now = System.nanoTime();
        for (Device d : registry.devices()) {
            synchronized (d) {
                d.timeout = null;
                arm(d, now);
            }
        }
    }

    /** Stops arming timeouts (the timer itself is stopped by its owner). */
    void stop() {
        timer = null;
    }

    /**
     * A successful REGISTER with a lifetime above 0: REGISTERED for a new device, REFRESHED for one
     * already registered; ONLINE when it was not online.
     */
    void register(String deviceId, Transport transport, InetSocketAddress source, long grantedSeconds,
            String userAgent) {
        long now = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        while (true) {
            Device device = registry.find(deviceId).orElse(null);
            if (device == null) {
                Device created = new Device(deviceId, transport, source);
                created.registeredAt(nowMillis);
                apply(created, now, nowMillis, grantedSeconds, userAgent);
                created.online(true);
                synchronized (created) {
                    Device raced = registry.putIfAbsent(created);
                    if (raced == null) {
                        LOG.info("Device {} registered from {} over {} for {} s", deviceId,
                                created.remoteAddressText(), transport, grantedSeconds);
                        emitRegister(created, RegisterEvent.REGISTERED, grantedSeconds);
                        emitStatus(created, StatusEvent.ONLINE, REASON_REGISTERED);
                        arm(created, now);
                        return;
                    }
                    device = raced;
                }
            }
            synchronized (device) {
                if (device.removed) {
                    continue; // expired or unregistered meanwhile: register afresh
                }
                device.seenAt(transport, source);
                apply(device, now, nowMillis, grantedSeconds, userAgent);
                LOG.debug("Device {} refreshed its registration for {} s", deviceId, grantedSeconds);
                emitRegister(device, RegisterEvent.REFRESHED, grantedSeconds);
                if (!device.online()) {
                    device.online(true);
                    emitStatus(device, StatusEvent.ONLINE, REASON_REGISTERED);
                }
                arm(device, now);
                return;
            }
        }
    }

    /** {@code Expires: 0}: the device leaves; UNREGISTERED and, when it was online, OFFLINE. */
    void unregister(String deviceId, Transport transport, InetSocketAddress source) {
        Device device = registry.find(deviceId).orElse(null);
        if (device == null) {
            return;
        }
        synchronized (device) {
            if (device.removed) {
                return;
            }
            device.seenAt(transport, source);
            remove(device);
            LOG.info("Device {} unregistered", deviceId);
            emitRegister(device, RegisterEvent.UNREGISTERED, 0);
            if (device.online()) {
                device.online(false);
                emitStatus(device, StatusEvent.OFFLINE, REASON_UNREGISTERED);
            }
        }
    }

    /**
     * A keepalive from {@code device}: KEEPALIVE, preceded by ONLINE when it was offline.
     *
     * @return {@code false} when the device's registration ended meanwhile (answer as for an unknown device)
     */
    boolean keepalive(Device device, String sn, String status, Transport transport, InetSocketAddress source) {
        long now = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        synchronized (device) {
            if (device.removed) {
                return false;
            }
            device.seenAt(transport, source);
            device.lastSeenNanos = now;
            device.lastKeepalive(nowMillis);
            if (!device.online()) {
                device.online(true);
                LOG.info("Device {} is online again (keepalive)", device.deviceId());
                emitStatus(device, StatusEvent.ONLINE, REASON_KEEPALIVE);
                arm(device, now);
            }
            stats.onKeepalive();
            events.emit(new KeepaliveEvent(device.deviceId(), KeepaliveEvent.KEEPALIVE, Instant.ofEpochMilli(nowMillis),
                    sn, status, transport.name(), Device.format(source)));
            return true;
        }
    }

    private void apply(Device device, long now, long nowMillis, long grantedSeconds, String userAgent) {
        device.lastSeenNanos = now;
        device.expiresAtNanos = now + TimeUnit.SECONDS.toNanos(grantedSeconds);
        device.expiresAt(nowMillis + TimeUnit.SECONDS.toMillis(grantedSeconds));
        device.userAgent(userAgent);
    }

    private void remove(Device device) {
        device.removed = true;
        if (device.timeout != null) {
            device.timeout.cancel();
            device.timeout = null;
        }
        registry.remove(device);
    }

    /** Arms the device's timeout for its next deadline unless one is armed at or before it. Holds the device's monitor. */
    private void arm(Device device, long now) {
        Timer t = timer;
        if (t == null || device.removed) {
            return;
        }
        long deadline = device.online() ? Math.min(device.lastSeenNanos + offlineAfterNanos, device.expiresAtNanos)
                : device.expiresAtNanos;
        if (device.timeout != null) {
            if (device.armedDeadlineNanos - deadline <= 0) {
                return;
            }
            device.timeout.cancel();
        }
        device.armedDeadlineNanos = deadline;
        try {
            device.timeout = t.newTimeout(timeout -> onTimeout(device, timeout), Math.max(0, deadline - now),
                    TimeUnit.NANOSECONDS);
        } catch (IllegalStateException stopped) {
            device.timeout = null; // the timer was stopped concurrently: start() re-arms
        }
    }

    private void onTimeout(Device device, Timeout fired) {
        synchronized (device) {
            if (device.timeout != fired || device.removed) {
                return; // superseded by an earlier deadline, or gone
            }
            device.timeout = null;
            long now = System.nanoTime();
            if (now - device.expiresAtNanos >= 0) {
                remove(device);
                LOG.info("Registration of device {} expired", device.deviceId());
                emitRegister(device, RegisterEvent.EXPIRED, 0);
                if (device.online()) {
                    device.online(false);
                    emitStatus(device, StatusEvent.OFFLINE, REASON_REGISTRATION_EXPIRED);
                }
                return;
            }
            if (device.online() && now - (device.lastSeenNanos + offlineAfterNanos) >= 0) {
                device.online(false);
                LOG.info("Device {} is offline: no keepalive for {} ms", device.deviceId(),
                        TimeUnit.NANOSECONDS.toMillis(now - device.lastSeenNanos));
                emitStatus(device, StatusEvent.OFFLINE, REASON_KEEPALIVE_TIMEOUT);
            }
            arm(device, now);
        }
    }

    private void emitRegister(Device device, String type, long expires) {
        stats.onRegisterEvent(type);
        events.emit(new RegisterEvent(device.deviceId(), type, Instant.now(), device.transport().name(),
                device.remoteAddressText(), expires, device.userAgent()));
    }

    private void emitStatus(Device device, String type, String reason) {
        events.emit(new StatusEvent(device.deviceId(), type, Instant.now(), reason));
    }
}
