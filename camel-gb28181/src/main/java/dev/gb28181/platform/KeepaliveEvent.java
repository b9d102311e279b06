package dev.gb28181.platform;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * An accepted keepalive (GB/T 28181 §9.6, Annex A.2.5 Notify Keepalive).
 *
 * @param deviceId      the 20-digit device ID
 * @param eventType     always KEEPALIVE
 * @param timestamp     when the platform received it
 * @param sn            the body's SN
 * @param status        the body's Status (OK, ERROR)
 * @param transport     UDP or TCP
 * @param remoteAddress {@code host:port} the device spoke from
 */
public record KeepaliveEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, String sn, String status, String transport,
        String remoteAddress) implements PlatformEvent {

    public static final String KEEPALIVE = "KEEPALIVE";

    @Override
    public EventKind kind() {
        return EventKind.KEEPALIVE;
    }
}
