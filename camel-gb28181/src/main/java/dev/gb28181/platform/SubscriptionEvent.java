package dev.gb28181.platform;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * A change of a subscription of this platform to a device (GB/T 28181-2016 §9.11, RFC 6665).
 *
 * @param deviceId  the device subscribed to
 * @param eventType SUBSCRIBED, RENEWED, REFUSED (non-2xx to the SUBSCRIBE), EXPIRED (a renewal
 *                  failed) or TERMINATED (the device sent {@code Subscription-State: terminated})
 * @param timestamp when it happened
 * @param event     the SIP event package ({@code Catalog}, {@code presence})
 * @param expires   the granted lifetime in seconds (0 when it ended)
 * @param status    the SIP status of the answer, {@code null} when none (a NOTIFY, a timeout)
 * @param reason    the reason phrase, the Subscription-State reason or the failure, {@code null} when none
 */
public record SubscriptionEvent(String deviceId, String eventType,
        @JsonSerialize(using = ToStringSerializer.class) Instant timestamp, String event, long expires,
        Integer status, String reason) implements PlatformEvent {

    public static final String SUBSCRIBED = "SUBSCRIBED";
    public static final String RENEWED = "RENEWED";
    public static final String REFUSED = "REFUSED";
    public static final String EXPIRED = "EXPIRED";
    public static final String TERMINATED = "TERMINATED";

    @Override
    public EventKind kind() {
        return EventKind.MESSAGE;
    }
}
