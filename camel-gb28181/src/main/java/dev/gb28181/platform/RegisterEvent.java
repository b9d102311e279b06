package dev.gb28181.platform;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * A registration change (GB/T 28181 §9.1): {@code REGISTERED} (first registration, or again after
 * it lapsed), {@code REFRESHED}, {@code UNREGISTERED} ({@code Expires: 0}) or {@code EXPIRED} (not
 * refreshed in time).
 *
 * @param deviceId      the 20-digit device ID
 * @param eventType     REGISTERED, REFRESHED, UNREGISTERED or EXPIRED
 * @param timestamp     when the platform saw it
 * @param transport     UDP or TCP
 * @param remoteAddress {@code host:port} the device spoke from
 * @param expires       granted registration lifetime in seconds (0 when it ended)
 * @param userAgent     the device's User-Agent, or {@code null}
 */
public record RegisterEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, String transport, String remoteAddress,
        long expires, String userAgent) implements PlatformEvent {

    public static final String REGISTERED = "REGISTERED";
    public static final String REFRESHED = "REFRESHED";
    public static final String UNREGISTERED = "UNREGISTERED";
    public static final String EXPIRED = "EXPIRED";

    @Override
    public EventKind kind() {
        return EventKind.REGISTER;
    }
}
