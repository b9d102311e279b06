package dev.gb28181.platform;

import dev.gb28181.manscdp.AlarmNotify;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * An alarm from a device (GB/T 28181-2016 §9.4, Annex A.2.5 Notify Alarm), by MESSAGE or, inside
 * an alarm subscription, by NOTIFY (§9.11). The platform has answered 200 and sends the Response
 * Alarm with Result OK the standard asks for.
 *
 * @param deviceId  the device that sent it (the From user)
 * @param eventType always ALARM
 * @param timestamp when the platform received it
 * @param method    MESSAGE or NOTIFY
 * @param alarm     the alarm body
 */
public record AlarmEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, String method, AlarmNotify alarm)
        implements PlatformEvent {

    public static final String ALARM = "ALARM";

    @Override
    public EventKind kind() {
        return EventKind.ALARM;
    }
}
