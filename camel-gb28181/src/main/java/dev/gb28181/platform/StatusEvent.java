package dev.gb28181.platform;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * A device going ONLINE or OFFLINE.
 *
 * @param deviceId  the 20-digit device ID
 * @param eventType ONLINE or OFFLINE
 * @param timestamp when the transition happened
 * @param reason    why: REGISTERED, KEEPALIVE, KEEPALIVE_TIMEOUT, REGISTRATION_EXPIRED, UNREGISTERED
 */
public record StatusEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, String reason) implements PlatformEvent {

    public static final String ONLINE = "ONLINE";
    public static final String OFFLINE = "OFFLINE";

    @Override
    public EventKind kind() {
        return EventKind.STATUS;
    }
}
