package dev.gb28181.platform;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * A channel of a device (a camera, an alarm input, a directory of a lower platform) as the platform last
 * learned it from the device's catalog (GB/T 28181-2016 §9.5.2, Annex A.2.6) or its catalog notifications
 * (§9.11.1).
 *
 * @param deviceId  the device whose catalog lists it
 * @param channelId the channel's 20-digit ID (the item's DeviceID)
 * @param name      its Name, or {@code null}
 * @param status    its Status (ON, OFF) or the last notified state (ON, OFF, VLOST, DEFECT), or {@code null}
 * @param parentId  its ParentID, or {@code null}
 * @param updated   when the platform last learned about it
 */
public record Channel(String deviceId, String channelId, String name, String status, String parentId,
        @JsonSerialize(using = ToStringSerializer.class) Instant updated) {
}
