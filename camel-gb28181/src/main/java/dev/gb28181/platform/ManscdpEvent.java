package dev.gb28181.platform;

import dev.gb28181.manscdp.ManscdpMessage;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * Any other MANSCDP message from a device (GB/T 28181-2016 Annex A, 2022 additions), answered 200
 * and not claimed by a query or a typed event: MediaStatus (§9.8.3), Broadcast answers (§9.12), 2022
 * notifies, answers nobody waits for, unknown CmdTypes (kept whole in the message's extensions).
 *
 * @param deviceId  the device that sent it (the From user)
 * @param eventType the CmdType in UPPER_SNAKE ({@code MEDIA_STATUS}, {@code FOO_BAR} for FooBar)
 * @param timestamp when the platform received it
 * @param message   the typed message
 */
public record ManscdpEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, ManscdpMessage message)
        implements PlatformEvent {

    @Override
    public EventKind kind() {
        return EventKind.MESSAGE;
    }
}
