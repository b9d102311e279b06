package dev.gb28181.camel;

import dev.gb28181.manscdp.ManscdpQuery;
import dev.gb28181.platform.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gb28181:subscribe}: each exchange subscribes its device to Catalog, Alarm or MobilePosition
 * events (GB/T 28181-2016 §9.11, RFC 6665 SUBSCRIBE with a Query body); the platform renews the
 * subscription before it expires and routes the NOTIFYs to the catalog, alarm and mobileposition
 * consumers. The reply body is a {@link SubscriptionInfo}.
 *
 * <p>The producer holds one subscription per device and event: a second exchange for the same pair
 * ends the first (Expires 0) and subscribes anew with its own parameters, so nothing is subscribed
 * twice. When the producer stops (its route or the context stops) it ends all its subscriptions.
 * Asynchronous like the query producer: no Camel thread waits for the device.
 */
public class Gb28181SubscribeProducer extends Gb28181Producer {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181SubscribeProducer.class);
    private static final List<String> EVENTS = List.of("Catalog", "Alarm", "MobilePosition");

    private final Map<String, CompletableFuture<Subscription>> subscriptions = new ConcurrentHashMap<>();

    public Gb28181SubscribeProducer(Gb28181Endpoint endpoint) {
        super(endpoint);
    }

    /** Wrong {@code event} or {@code expires} options fail the route's start rather than every exchange. */
    @Override
    protected void doStart() throws Exception {
        if (endpoint.getEvent() != null) {
            event(endpoint.getEvent());
        }
        expires(endpoint.getExpires());
        super.doStart();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String deviceId;
        String event;
        int expires;
        ManscdpQuery body;
        try {
            Message in = exchange.getMessage();
            deviceId = Gb28181Exchanges.deviceId(in, endpoint);
            String named = in.getHeader(Gb28181Constants.EVENT, endpoint.getEvent(), String.class);
            if (named == null) {
                throw new IllegalArgumentException("gb28181:subscribe needs the event to subscribe to: the event "
                        + "option or the " + Gb28181Constants.EVENT + " header (one of " + EVENTS + ")");
            }
            event = event(named);
            expires = expires(in.getHeader(Gb28181Constants.EXPIRES, endpoint.getExpires(), Integer.class));
            body = Gb28181Queries.create(event, in, endpoint);
        } catch (RuntimeException e) {
            return Gb28181Exchanges.failed(exchange, callback, e);
        }
        String key = deviceId + '/' + event;
        CompletableFuture<Subscription> next = new CompletableFuture<>();
        CompletableFuture<Subscription> previous = subscriptions.put(key, next);
        CompletableFuture<Subscription> subscribed = end(previous)
                .thenCompose(ended -> endpoint.getComponent().getPlatform().subscribe(deviceId, body,
                        Duration.ofSeconds(expires)))
                .whenComplete((subscription, failure) -> {
                    if (failure != null) {
                        subscriptions.remove(key, next);
                        next.completeExceptionally(failure);
                    } else {
                        next.complete(subscription);
                    }
                });
        return Gb28181Exchanges.whenAnswered(endpoint, exchange, callback, subscribed, subscription -> reply(
                exchange.getMessage(), new SubscriptionInfo(deviceId, event, subscription.expires())));
    }

    /**
     * Ends every subscription of this producer: each SUBSCRIBE with Expires 0 is sent at once (after
     * the subscription's own answer when that is still pending); the platform, which outlives the
     * producer, takes the devices' answers, so stopping never waits for a device.
     */
    @Override
    protected void doStop() throws Exception {
        for (String key : List.copyOf(subscriptions.keySet())) {
            end(subscriptions.remove(key));
        }
        super.doStop();
    }

    /** Ends a subscription once it exists; completes normally whether it existed, ended or failed to end. */
    private static CompletableFuture<Void> end(CompletableFuture<Subscription> subscription) {
        if (subscription == null) {
            return CompletableFuture.completedFuture(null);
        }
        return subscription.handle((existing, failed) -> existing)
                .thenCompose(existing -> existing == null ? CompletableFuture.<Void>completedFuture(null)
                        : existing.cancel().handle((ended, failure) -> {
                            if (failure != null) {
                                LOG.debug("Ending the {} subscription of {} failed: {}", existing.event(),
                                        existing.deviceId(), Gb28181Exchanges.cause(failure).toString());
                            }
                            return null;
                        }));
    }

    private static void reply(Message out, SubscriptionInfo info) {
        out.setBody(info);
        out.setHeader(Gb28181Constants.DEVICE_ID, info.deviceId());
        out.setHeader(Gb28181Constants.EVENT, info.event());
        out.setHeader(Gb28181Constants.EXPIRES, info.expires());
    }

    private static String event(String name) {
        for (String event : EVENTS) {
            if (event.equalsIgnoreCase(name.trim())) {
                return event;
            }
        }
        throw new IllegalArgumentException("gb28181:subscribe: unknown event '" + name + "'; expected one of "
                + EVENTS);
    }

    private static int expires(Integer seconds) {
        if (seconds == null || seconds < 1) {
            throw new IllegalArgumentException("gb28181:subscribe: expires must be at least 1 second, not " + seconds);
        }
        return seconds;
    }
}
