package dev.gb28181.platform;

import static dev.gb28181.platform.ManscdpClient.unwrap;

import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.SipUri;
import dev.gb28181.sip.dialog.Dialog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's subscriptions to devices (GB/T 28181-2016 §9.11 event subscription and
 * notification, RFC 6665): SUBSCRIBE with the query as body, the dialog kept by Call-ID, renewal
 * in the dialog at 80 % of the granted lifetime, {@code Expires: 0} to end it.
 *
 * <p>Event packages: {@code Catalog} for catalog subscriptions (§9.11.1), {@code presence} for Alarm
 * and MobilePosition, as PROTOCOL.md notes and WVP sends them (devices accept both for alarms);
 * any other CmdType uses the CmdType itself. NOTIFYs are matched by Call-ID, including one that
 * arrives before the 2xx of its SUBSCRIBE (RFC 6665 §4.1.2.4), and {@code Subscription-State:
 * terminated} ends the subscription. Renewal timers live on the platform's wheel timer.
 */
final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    private final PlatformConfig config;
    private final ManscdpClient client;
    private final PlatformEvents events;
    private final ConcurrentHashMap<String, Subscription> byCallId = new ConcurrentHashMap<>();
    private volatile Timer timer;

    Subscriptions(PlatformConfig config, ManscdpClient client, PlatformEvents events) {
        this.config = config;
        this.client = client;
        this.events = events;
    }

    void start(Timer timer) {
        this.timer = timer;
    }

    /** The subscriptions alive now. */
    List<Subscription> all() {
        return List.copyOf(byCallId.values());
    }

    /** The SIP event package for a subscription body's CmdType. */
    static String eventPackage(String cmdType) {
        return switch (cmdType.toLowerCase(Locale.ROOT)) {
            case "catalog" -> "Catalog";
            case "alarm", "mobileposition" -> "presence";
            default -> cmdType;
        };
    }

    CompletableFuture<Subscription> subscribe(String deviceId, ManscdpQuery query, Duration expires) {
        try {
            if (expires == null || expires.toSeconds() < 1) {
                throw new IllegalArgumentException("A subscription needs expires of at least 1 s: " + expires);
            }
            if (query.getCmdType() == null) {
                throw new IllegalArgumentException("A subscription body needs a CmdType");
            }
            Device device = client.requireOnline(deviceId);
            SipStack sip = client.requireStack();
            if (query.getDeviceId() == null) {
                query.setDeviceId(deviceId);
            }
            query.setSn(client.nextSn());
            SipUri target = ManscdpClient.deviceUri(device);
            Dialog dialog = new Dialog(sip.newCallId(), client.platformAddress(sip.newTag()), NameAddress.of(target),
                    target, 0);
            Subscription sub = new Subscription(this, deviceId, eventPackage(query.getCmdType()), query, expires,
                    dialog);
            byCallId.put(dialog.callId(), sub);
            CompletableFuture<Subscription> result = new CompletableFuture<>();
            send(sub, expires.toSeconds()).whenComplete((response, error) -> {
                Throwable cause = unwrap(error);
                if (cause == null && response.isSuccess()) {
                    long granted = granted(response, expires.toSeconds());
                    synchronized (sub) {
                        sub.grantedSeconds = granted;
                        if (sub.active) {
                            scheduleRenewal(sub, granted);
                        }
                    }
                    LOG.info("Subscribed to {} of device {} for {} s", sub.event(), deviceId, granted);
                    emit(sub, SubscriptionEvent.SUBSCRIBED, granted, response.status(), null);
                    result.complete(sub);
                    return;
                }
                end(sub);
                if (cause == null) {
                    cause = new SipStatusException(response.status(), response.reason(), "Device " + deviceId
                            + " refused the " + sub.event() + " subscription: " + response.status() + ' '
                            + response.reason());
                    emit(sub, SubscriptionEvent.REFUSED, 0, response.status(), response.reason());
                } else {
                    emit(sub, SubscriptionEvent.REFUSED, 0, null, cause.getMessage());
                }
                result.completeExceptionally(cause);
            });
            return result;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletableFuture<Void> cancel(Subscription sub) {
        if (!end(sub)) {
            return CompletableFuture.completedFuture(null);
        }
        return send(sub, 0).thenAccept(response -> {
            if (!response.isSuccess() && response.status() != 481) {
                throw new SipStatusException(response.status(), response.reason(), "Device " + sub.deviceId()
                        + " answered " + response.status() + ' ' + response.reason() + " to the end of its "
                        + sub.event() + " subscription");
            }
        });
    }

    /** Cancels every subscription; waits at most {@code wait} for the devices' answers. */
    void stop(Duration wait) {
        List<CompletableFuture<Void>> cancels = new ArrayList<>();
        for (Subscription sub : byCallId.values()) {
            cancels.add(cancel(sub).exceptionally(e -> null));
        }
        timer = null;
        try {
            CompletableFuture.allOf(cancels.toArray(CompletableFuture[]::new)).get(wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Not every device answered the end of its subscription: {}", e.toString());
        }
    }

    /**
     * A NOTIFY: the subscription whose dialog it belongs to, with its state applied
     * ({@code terminated} ends it and emits TERMINATED), or {@code null} when it belongs to none.
     */
    Subscription onNotify(SipRequest notify) {
        String callId = notify.callId();
        Subscription sub = callId == null ? null : byCallId.get(callId);
        if (sub == null || !sub.dialog.matches(notify)) {
            return null;
        }
        sub.dialog.confirm(notify);
        String state = notify.header(HeaderNames.SUBSCRIPTION_STATE);
        if (state != null && state.trim().toLowerCase(Locale.ROOT).startsWith("terminated") && end(sub)) {
            String reason = param(state, "reason");
            LOG.info("Device {} terminated the {} subscription ({})", sub.deviceId(), sub.event(), reason);
            emit(sub, SubscriptionEvent.TERMINATED, 0, null, reason);
        }
        return sub;
    }

    private CompletableFuture<SipResponse> send(Subscription sub, long expiresSeconds) {
        try {
            Device device = client.requireOnline(sub.deviceId());
            SipStack sip = client.requireStack();
            SipRequest request = sub.dialog.newRequest(SipMethod.SUBSCRIBE);
            request.addHeader(HeaderNames.CONTACT, client.contact(sip,
                    sip.localVia(device.transport(), null, device.remoteAddress()).host()));
            request.addHeader(HeaderNames.EVENT, sub.event());
            request.addHeader(HeaderNames.EXPIRES, Long.toString(expiresSeconds));
            request.body(ManscdpClient.MANSCDP, client.encode(device, sub.query()));
            return client.sendRequest(sip, device, request, "SUBSCRIBE " + sub.event() + " (Expires " + expiresSeconds
                    + ") to device " + sub.deviceId()).whenComplete((response, error) -> {
                        if (response != null && response.isSuccess()) {
                            sub.dialog.confirm(response);
                        }
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Renews at 80 % of the granted lifetime (at least 1 s before it ends for short ones). Holds sub's monitor. */
    private void scheduleRenewal(Subscription sub, long grantedSeconds) {
        Timer t = timer;
        if (t == null) {
            return;
        }
        long delayMillis = Math.max(500, Math.min(grantedSeconds * 800, grantedSeconds * 1000 - 1000));
        try {
            sub.renewal = t.newTimeout(timeout -> renew(sub), delayMillis, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException stopped) {
            sub.renewal = null;
        }
    }

    private void renew(Subscription sub) {
        synchronized (sub) {
            sub.renewal = null;
            if (!sub.active) {
                return;
            }
        }
        long requested = sub.requested().toSeconds();
        send(sub, requested).whenComplete((response, error) -> {
            Throwable cause = unwrap(error);
            if (cause == null && response.isSuccess()) {
                long granted = granted(response, requested);
                synchronized (sub) {
                    if (!sub.active) {
                        return;
                    }
                    sub.grantedSeconds = granted;
                    scheduleRenewal(sub, granted);
                }
                emit(sub, SubscriptionEvent.RENEWED, granted, response.status(), null);
            } else if (end(sub)) {
                String reason = cause != null ? cause.getMessage() : response.reason();
                LOG.info("Renewal of the {} subscription to device {} failed: {}", sub.event(), sub.deviceId(), reason);
                emit(sub, SubscriptionEvent.EXPIRED, 0, cause != null ? null : response.status(), reason);
            }
        });
    }

    /** Marks the subscription ended and forgets it; {@code false} when it had ended already. */
    private boolean end(Subscription sub) {
        synchronized (sub) {
            if (!sub.active) {
                return false;
            }
            sub.active = false;
            Timeout renewal = sub.renewal;
            if (renewal != null) {
                renewal.cancel();
                sub.renewal = null;
            }
        }
        byCallId.remove(sub.callId(), sub);
        return true;
    }

    private void emit(Subscription sub, String type, long expires, Integer status, String reason) {
        events.emit(new SubscriptionEvent(sub.deviceId(), type, Instant.now(), sub.event(), expires, status, reason));
    }

    /** The Expires of a 2xx (authoritative, RFC 6665 §4.1.2.1), else what was asked. */
    private static long granted(SipResponse response, long requested) {
        long expires = response.expires();
        return expires > 0 ? expires : requested;
    }

    private static String param(String header, String name) {
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }
}
