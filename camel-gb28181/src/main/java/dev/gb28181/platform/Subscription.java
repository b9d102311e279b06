package dev.gb28181.platform;

import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.sip.dialog.Dialog;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.netty.util.Timeout;

/**
 * A subscription of the platform to a device's Catalog, Alarm or MobilePosition events
 * (GB/T 28181-2016 §9.11, RFC 6665): the SUBSCRIBE dialog, renewed by the platform before it
 * expires, ended with {@link #cancel()} ({@code Expires: 0}) or by the platform's stop. NOTIFYs in
 * the dialog reach the platform's listeners as events.
 */
public final class Subscription {

    private final Subscriptions owner;
    private final String deviceId;
    private final String event;
    private final ManscdpQuery query;
    private final Duration requested;
    final Dialog dialog;

    // guarded by this
    long grantedSeconds;
    boolean active = true;
    Timeout renewal;

    Subscription(Subscriptions owner, String deviceId, String event, ManscdpQuery query, Duration requested,
            Dialog dialog) {
        this.owner = owner;
        this.deviceId = deviceId;
        this.event = event;
        this.query = query;
        this.requested = requested;
        this.dialog = dialog;
    }

    /** The device subscribed to. */
    public String deviceId() {
        return deviceId;
    }

    /** The SIP event package: {@code Catalog} or {@code presence} (Alarm, MobilePosition). */
    public String event() {
        return event;
    }

    /** The query sent as the SUBSCRIBE body (and again with each renewal). */
    public ManscdpQuery query() {
        return query;
    }

    /** The lifetime asked for in each SUBSCRIBE. */
    public Duration requested() {
        return requested;
    }

    /** The lifetime the device granted last, in seconds. */
    public synchronized long expires() {
        return grantedSeconds;
    }

    /** The dialog's Call-ID. */
    public String callId() {
        return dialog.callId();
    }

    /** {@code true} until cancelled, refused at renewal, terminated by the device or the platform stopped. */
    public synchronized boolean active() {
        return active;
    }

    /**
     * Ends the subscription: a SUBSCRIBE with {@code Expires: 0} in the dialog (RFC 6665 §4.1.2.3).
     * Completes when the device answers (a 481, the subscription being already gone, counts as done);
     * at once when it is no longer active.
     */
    public CompletableFuture<Void> cancel() {
        return owner.cancel(this);
    }

    @Override
    public String toString() {
        return "Subscription[" + deviceId + ' ' + event + ' ' + dialog.callId() + (active() ? " active]" : " ended]");
    }
}
