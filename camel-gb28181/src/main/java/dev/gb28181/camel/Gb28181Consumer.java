package dev.gb28181.camel;

import dev.gb28181.platform.AlarmEvent;
import dev.gb28181.platform.CatalogEvent;
import dev.gb28181.platform.EventKind;
import dev.gb28181.platform.Gb28181Platform;
import dev.gb28181.platform.KeepaliveEvent;
import dev.gb28181.platform.ManscdpEvent;
import dev.gb28181.platform.MobilePositionEvent;
import dev.gb28181.platform.PlatformEvent;
import dev.gb28181.platform.PlatformListener;
import dev.gb28181.platform.RegisterEvent;
import dev.gb28181.platform.SubscriptionEvent;

import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the platform events of one kind (registrations, GB/T 28181-2016 §9.1; keepalives, §9.6;
 * online status; catalogs, §9.5 and §9.11; alarms, §9.4; mobile positions; any other MANSCDP message,
 * Annex A) as exchanges whose body is the event record, with the device, the event type and, for
 * MANSCDP events, the CmdType, SN and channel as headers.
 *
 * <p>The platform answers the device itself and calls {@link #onEvent} on a Netty I/O thread or its
 * status timer, so this consumer only hands the event over and returns: the SIP answer never waits
 * for a route. Each event goes to one of {@code concurrentConsumers} single-thread workers chosen by
 * the device ID, so the events of one device reach the route in order while devices are routed in
 * parallel. A worker's queue holds {@code eventQueueSize} events; when it is full the event is
 * dropped, logged and counted ({@link #getDroppedEvents()}) rather than blocking the SIP stack.
 * Failed exchanges go to the consumer's exception handler, or to the route's error handler with
 * {@code bridgeErrorHandler}. Camel's consumer health check of the route calls this consumer's
 * {@link Gb28181ConsumerHealthCheck}.
 */
@ManagedResource(description = "Managed GB28181 event consumer")
public class Gb28181Consumer extends Gb28181WorkerConsumer implements PlatformListener {

    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Consumer.class);
    private static final long LOG_DROPS_EVERY = 1000;
    private static final String CATALOG = "Catalog";

    private final EventKind eventKind;
    private final String deviceId;
    private final LongAdder dropped = new LongAdder();

    public Gb28181Consumer(Gb28181Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.eventKind = endpoint.getKind().eventKind();
        this.deviceId = endpoint.getDeviceId();
    }

    @Override
    protected void attach(Gb28181Platform running) {
        running.addListener(this);
    }

    @Override
    protected void detach(Gb28181Platform running) {
        running.removeListener(this);
    }

    @Override
    protected long dropped() {
        return dropped.sum();
    }

    /** Called by the platform on its own threads: filters, hands the event to a worker and returns. */
    @Override
    public void onEvent(PlatformEvent event) {
        if (event.kind() != eventKind || deviceId != null && !deviceId.equals(event.deviceId())) {
            return;
        }
        if (!offer(event.deviceId(), () -> route(event))) {
            drop(event);
        }
    }

    private void drop(PlatformEvent event) {
        dropped.increment();
        long total = dropped.sum();
        if (total == 1 || total % LOG_DROPS_EVERY == 0) {
            LOG.warn("Dropped {} {} event for device {} because the route is behind: the queue of {} events of its"
                    + " worker is full ({} dropped by {} so far)", event.eventType(), endpoint.getKind(),
                    event.deviceId(), endpoint.getEventQueueSize(), total, endpoint);
        }
    }

    private void route(PlatformEvent event) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(event);
        message.setHeader(Gb28181Constants.DEVICE_ID, event.deviceId());
        message.setHeader(Gb28181Constants.EVENT_TYPE, event.eventType());
        setEventHeaders(message, event);
        try {
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, false));
        } catch (Exception e) {
            getExceptionHandler().handleException("Error routing " + event.eventType() + " event of device "
                    + event.deviceId(), exchange, e);
            releaseExchange(exchange, false);
        }
    }

    /** The headers particular to each event record: where the device spoke from, or its MANSCDP message. */
    private static void setEventHeaders(Message message, PlatformEvent event) {
        if (event instanceof RegisterEvent register) {
            setOrigin(message, register.transport(), register.remoteAddress());
        } else if (event instanceof KeepaliveEvent keepalive) {
            setOrigin(message, keepalive.transport(), keepalive.remoteAddress());
        } else if (event instanceof CatalogEvent catalog) {
            message.setHeader(Gb28181Constants.CMD_TYPE, CATALOG);
            if (catalog.sn() != null) {
                message.setHeader(Gb28181Constants.SN, catalog.sn());
            }
        } else if (event instanceof AlarmEvent alarm) {
            Gb28181Exchanges.setMessageHeaders(message, alarm.deviceId(), alarm.alarm());
        } else if (event instanceof MobilePositionEvent position) {
            Gb28181Exchanges.setMessageHeaders(message, position.deviceId(), position.position());
        } else if (event instanceof ManscdpEvent other) {
            Gb28181Exchanges.setMessageHeaders(message, other.deviceId(), other.message());
        } else if (event instanceof SubscriptionEvent subscription) {
            message.setHeader(Gb28181Constants.EVENT, subscription.event());
            message.setHeader(Gb28181Constants.EXPIRES, subscription.expires());
        }
    }

    private static void setOrigin(Message message, String transport, String remoteAddress) {
        if (transport != null) {
            message.setHeader(Gb28181Constants.TRANSPORT, transport);
        }
        if (remoteAddress != null) {
            message.setHeader(Gb28181Constants.REMOTE_ADDRESS, remoteAddress);
        }
    }

    /** Events dropped because the worker queue of their device was full. */
    @ManagedAttribute(description = "Events dropped because the route was behind and the worker queue was full")
    public long getDroppedEvents() {
        return dropped.sum();
    }
}
