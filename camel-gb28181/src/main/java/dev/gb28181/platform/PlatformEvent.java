package dev.gb28181.platform;

import java.time.Instant;

/**
 * Something that happened to a device. Implementations are immutable records whose accessors
 * serialise to camelCase JSON; every event names its device and its type.
 */
public interface PlatformEvent {

    EventKind kind();

    String deviceId();

    /** The event word: REGISTERED, REFRESHED, UNREGISTERED, EXPIRED, KEEPALIVE, ONLINE, OFFLINE. */
    String eventType();

    Instant timestamp();
}
