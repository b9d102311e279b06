package dev.gb28181.platform;

import dev.gb28181.manscdp.MobilePositionNotify;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * A position report of a mobile device (GB/T 28181-2016 §9.13, Annex A.2.5 Notify MobilePosition),
 * sent periodically after a MobilePosition subscription or query.
 *
 * @param deviceId  the device that sent it (the From user)
 * @param eventType always MOBILE_POSITION
 * @param timestamp when the platform received it
 * @param position  the position body
 */
public record MobilePositionEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, MobilePositionNotify position)
        implements PlatformEvent {

    public static final String MOBILE_POSITION = "MOBILE_POSITION";

    @Override
    public EventKind kind() {
        return EventKind.MOBILE_POSITION;
    }
}
