package dev.gb28181.platform;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.gb28181.sip.transport.LogLimiter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one platform. A listener that throws is logged and skipped: an event consumer
 * must never break the SIP side (the answer to the device is already decided).
 */
final class PlatformEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformEvents.class);

    private final List<PlatformListener> listeners = new CopyOnWriteArrayList<>();
    private final LogLimiter failures = new LogLimiter(LOG, 10, TimeUnit.SECONDS);

    void add(PlatformListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(PlatformListener listener) {
        listeners.remove(listener);
    }

    void emit(PlatformEvent event) {
        for (PlatformListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                failures.warn("Listener {} failed on {} {} of device {}", listener, event.kind(), event.eventType(),
                        event.deviceId(), e);
            }
        }
    }
}
