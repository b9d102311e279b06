package dev.gb28181.examples.platform;

import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds how many events wait for Kafka: each exchange takes one of {@code app.kafka.max-pending}
 * slots (its thread waits for one when all are taken) and gives it back when it completes, i.e. once
 * Kafka acknowledged the event (or it failed for good). While Kafka is away the waiting events, and
 * so the memory they take, stop growing at the maximum, and the threads bringing more wait: the
 * back-pressure reaches the component's event consumers, whose bounded queues take over. The number of
 * slots taken is the gauge {@code gb28181.kafka.pending}.
 *
 * <p>Camel's throttle in concurrent-requests mode would do the same, but it forgets its slots 10 s
 * after the last one was given back, so an outage longer than that lets a second maximum in.
 */
@Component
public class PendingEvents implements Processor, MeterBinder {

    private final int maxPending;
    private final Semaphore slots;

    public PendingEvents(@Value("${app.kafka.max-pending:10000}") int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("app.kafka.max-pending must be at least 1, was " + maxPending);
        }
        this.maxPending = maxPending;
        this.slots = new Semaphore(maxPending, true);
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        slots.acquire();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                slots.release();
            }
        });
    }

    /** The events that entered the route and are not yet acknowledged by Kafka. */
    public int pending() {
        return maxPending - slots.availablePermits();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gb28181.kafka.pending", this, PendingEvents::pending)
                .description("Events waiting to be acknowledged by Kafka (at most app.kafka.max-pending)")
                .register(registry);
    }
}
